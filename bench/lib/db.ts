import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { onCleanup } from './cleanup.ts';
import { log } from './log.ts';

export const defaultAdminUrl = 'postgres://postgres@127.0.0.1:5432/postgres';

/** The URL used to create and drop throw-away databases: DATABASE_URL, or the local trust-auth server. */
export const adminUrl = () => process.env.DATABASE_URL || defaultAdminUrl;

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery(url: string, text: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url, application_name: 'wuye-bench-admin' });
  await client.connect();
  try {
    return await client.query(text, params);
  } finally {
    await client.end();
  }
}

export interface ThrowawayDatabase { name: string; url: string; drop(): Promise<void> }

/**
 * CREATE DATABASE bench_<name>_<rand>; dropped (WITH FORCE, so open pools do not block it) by the
 * clean-up that runs at the end of the benchmark, even when it fails or is interrupted.
 */
export async function createThrowawayDatabase(benchName: string, admin = adminUrl()): Promise<ThrowawayDatabase> {
  const name = `bench_${benchName.toLowerCase().replace(/[^a-z0-9]+/g, '_')}_${randomBytes(4).toString('hex')}`;
  await adminQuery(admin, `CREATE DATABASE ${name}`);
  log(`created database ${name}`);
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    await adminQuery(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    log(`dropped database ${name}`);
  };
  onCleanup(`drop ${name}`, drop);
  return { name, url: withDatabase(admin, name), drop };
}

export async function serverVersion(url: string): Promise<string> {
  const res = await adminQuery(url, 'show server_version');
  return String(res.rows[0].server_version);
}
