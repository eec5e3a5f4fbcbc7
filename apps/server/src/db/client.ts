import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgTransaction } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema.ts';

export type Schema = typeof schema;
// Both drivers share the pg-core query builder; only the result HKT differs.
export type AppDb = PgDatabase<any, Schema>;
export type Tx = PgTransaction<any, Schema, any>;
export type Executor = AppDb | Tx;

export interface Database {
  kind: 'pglite' | 'pg';
  db: AppDb;
  pglite?: PGlite;
  pool?: pg.Pool;
  close(): Promise<void>;
}

// Same JS types from both drivers: int8 → number (money stays far below 2^53), date → 'YYYY-MM-DD'.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1082, (v) => v);

export function openPg(url: string, max = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'wuye' });
  pool.on('error', () => {}); // idle-client errors surface on the next query instead of crashing
  const db = drizzlePg({ client: pool, schema }) as unknown as AppDb;
  return { kind: 'pg', db, pool, close: () => pool.end() };
}

export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob | File): Promise<Database> {
  const pglite = await PGlite.create(dataDir ?? 'memory://', {
    loadDataDir,
    // the bills' no-overlap exclusion constraint (migration 0017) needs it on both drivers
    extensions: { btree_gist },
    parsers: { 20: (v: string) => Number(v), 1082: (v: string) => v },
  });
  const db = drizzlePglite({ client: pglite, schema }) as unknown as AppDb;
  return { kind: 'pglite', db, pglite, close: () => pglite.close() };
}
