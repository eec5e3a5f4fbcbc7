import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../apps/server/src/app.ts';
import { closeContext, createContext } from '../../apps/server/src/bootstrap.ts';
import { loadConfig } from '../../apps/server/src/config.ts';
import { openPglite } from '../../apps/server/src/db/client.ts';

export interface AppOptions {
  /** PostgreSQL database of the app; omit and give pgliteDir to run on embedded PGlite */
  databaseUrl?: string;
  /** an existing (generated) PGlite data directory, opened in this process */
  pgliteDir?: string;
  poolSize?: number;
  /** app log level (to stderr); silent unless set, e.g. 'error' to see why a request failed */
  logLevel?: string;
  /** run background jobs in this instance (imports, outbox); off by default */
  jobs?: boolean;
  /** the application secret (hex or any string); random unless given — a benchmark that signs like a provider needs it */
  appSecret?: string;
}

/**
 * The real application as production runs it (createContext + buildApp, NODE_ENV=production,
 * jobs off unless asked, logging silent, no web console) on 127.0.0.1 and a random port.
 */
export async function startApp(o: AppOptions): Promise<{ port: number; close(): Promise<void> }> {
  const config = loadConfig({
    NODE_ENV: 'production', LOG_LEVEL: o.logLevel ?? 'silent', JOBS: o.jobs ? '1' : '0', DEMO: '0', HOST: '127.0.0.1', PORT: '0',
    APP_SECRET: o.appSecret ?? randomBytes(32).toString('hex'),
    DATA_DIR: o.pgliteDir ? path.dirname(o.pgliteDir) : path.join(os.tmpdir(), 'wuye-bench-unused'),
    DATABASE_POOL_SIZE: String(o.poolSize ?? 10),
    ...(o.databaseUrl ? { DATABASE_URL: o.databaseUrl } : {}),
  });
  const database = o.pgliteDir ? await openPglite(o.pgliteDir) : undefined;
  const ctx = await createContext(config, { database });
  const app = await buildApp(ctx, { logger: !!o.logLevel && o.logLevel !== 'silent', web: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    port: (app.server.address() as { port: number }).port,
    async close() {
      await app.close();
      await closeContext(ctx);
    },
  };
}
