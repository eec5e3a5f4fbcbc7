import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { buildApp } from '../src/app.ts';
import { closeContext, createContext } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import type { AppContext } from '../src/context.ts';
import { openPg, openPglite, type Database } from '../src/db/client.ts';
import type { App } from '../src/lib/http.ts';
import { secretsFrom, type Secrets } from '../src/lib/secrets.ts';
import { adminQuery, withDatabase } from './global-setup.ts';

export const onPostgres = !!process.env.DATABASE_URL;

/** requests as one session: `as(cookie)('POST', url, body)`, the cookie from factories' login */
const requestsAs = (app: App) => (cookie: string, headers: Record<string, string> = {}) => (method: string, url: string, payload?: object) =>
  app.inject({ method: method as any, url, headers: { cookie, ...headers }, payload: payload as any });

export interface TestApp {
  app: App;
  ctx: AppContext;
  as: ReturnType<typeof requestsAs>;
  close(): Promise<void>;
  /**
   * A server restart: this app and context stop, a new one opens on the same database and the same
   * secrets (each test app gets random ones) with other settings. Close the returned app instead.
   */
  restart(opts?: { jobs?: boolean; env?: Record<string, string> }): Promise<TestApp>;
}

/** A fresh database for this test file (a template clone or a snapshot load) and an app on it. */
export async function openTestDatabase(): Promise<{ database: Database; url?: string; drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `wuye_t_${process.pid}_${randomBytes(4).toString('hex')}`;
    await adminQuery(url, `CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
    const dbUrl = withDatabase(url, name);
    const database = openPg(dbUrl, 8);
    return { database, url: dbUrl, drop: () => adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
  }
  const snapshot = new Blob([fs.readFileSync(inject('pgliteSnapshot'))]);
  const database = await openPglite(undefined, snapshot);
  return { database, drop: async () => {} };
}

export async function startTestApp(opts: { jobs?: boolean; env?: Record<string, string> } = {}): Promise<TestApp> {
  const { database, url, drop } = await openTestDatabase();
  return bootTestApp(database, url, drop, secretsFrom(randomBytes(32)), opts);
}

async function bootTestApp(database: Database, url: string | undefined, drop: () => Promise<void>, secrets: Secrets,
  opts: { jobs?: boolean; env?: Record<string, string> }): Promise<TestApp> {
  const config = loadConfig({
    NODE_ENV: 'test', LOG_LEVEL: 'silent', JOBS: opts.jobs ? '1' : '0', DATA_DIR: path.join(os.tmpdir(), `wuye-test-${process.pid}`),
    ...(url ? { DATABASE_URL: url, APP_SECRET: 'test-secret-that-is-long-enough-0123456789' } : {}),
    ...opts.env,
  });
  const ctx = await createContext(config, { database, secrets });
  const app = await buildApp(ctx, { logger: false, web: false });
  return {
    app, ctx, as: requestsAs(app),
    async close() {
      await app.close();
      await closeContext(ctx);
      await drop();
    },
    async restart(next = {}) {
      await app.close();
      await ctx.jobs?.stop();
      await ctx.events.stop();
      return bootTestApp(database, url, drop, secrets, next);
    },
  };
}
