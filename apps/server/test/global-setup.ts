import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPg, openPglite } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';

/**
 * Migrates once per run: on PostgreSQL into a template database that every test file clones,
 * on PGlite into a data-directory snapshot that every test file loads.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `wuye_tpl_${process.pid}`;
    await adminQuery(url, `DROP DATABASE IF EXISTS ${template}`);
    await adminQuery(url, `CREATE DATABASE ${template}`);
    const db = openPg(withDatabase(url, template), 2);
    await migrate(db);
    await db.close();
    project.provide('pgTemplate', template);
    return async () => { await adminQuery(url, `DROP DATABASE IF EXISTS ${template} WITH (FORCE)`); };
  }
  const db = await openPglite(undefined);
  await migrate(db);
  const dump = await db.pglite!.dumpDataDir('none');
  const file = path.join(os.tmpdir(), `wuye-pglite-snapshot-${process.pid}.tar`);
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await db.close();
  project.provide('pgliteSnapshot', file);
  return () => fs.rmSync(file, { force: true });
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try { await client.query(text); } finally { await client.end(); }
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string;
    pgliteSnapshot: string;
  }
}
