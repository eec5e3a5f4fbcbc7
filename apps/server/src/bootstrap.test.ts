import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import { randomBytes } from 'node:crypto';
import { loadConfig } from './config.ts';
import { acquireDataDirLock } from './lib/lockfile.ts';
import { authPlugin } from './plugins/auth.ts';
import { openPg } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { adminQuery, withDatabase } from '../test/global-setup.ts';
import { onPostgres } from '../test/harness.ts';

describe('configuration', () => {
  it('names the bad variable and refuses PostgreSQL without a secret', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x/y' })).toThrow(/APP_SECRET/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x/y', APP_SECRET: 'short' })).toThrow(/APP_SECRET/);
    const c = loadConfig({});
    expect(c.embedded).toBe(true);
    expect(c.demo).toBe(true);
    expect(c.PORT).toBe(3000);
  });
});

describe('embedded data directory', () => {
  it('lets one process own it and explains the refusal to a second one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-lock-'));
    const release = acquireDataDirLock(dir);
    const child = spawn(process.execPath, ['--import', 'tsx', '-e',
      `import('${path.resolve('apps/server/src/lib/lockfile.ts')}').then(m => { try { m.acquireDataDirLock('${dir}'); console.log('GOT'); } catch (e) { console.log(e.message); } })`],
    { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    await new Promise((r) => child.on('exit', r));
    expect(out).toMatch(/in use by another server process/);
    release();
    fs.writeFileSync(path.join(dir, 'server.lock'), '999999'); // a crashed owner
    const again = acquireDataDirLock(dir);
    again();
  });
});

describe('route declarations', () => {
  it('refuses to start when a route declares neither a permission nor public access', async () => {
    const app = Fastify();
    await app.register(cookie);
    await app.register(authPlugin, { ctx: {} as any });
    await app.after();
    expect(() => app.get('/api/oops', async () => 'x')).toThrow(/declares neither/);
    app.get('/api/fine', { config: { access: { public: 'test' } } }, async () => 'x');
    await app.close();
  });
});

describe.skipIf(!onPostgres)('migrations on PostgreSQL', () => {
  it('run exactly once when several instances start at the same moment', async () => {
    const url = process.env.DATABASE_URL!;
    const name = `wuye_mig_${randomBytes(4).toString('hex')}`;
    await adminQuery(url, `CREATE DATABASE ${name}`);
    try {
      const dbs = [1, 2, 3].map(() => openPg(withDatabase(url, name), 2));
      await Promise.all(dbs.map((d) => migrate(d)));
      const res: any = await dbs[0]!.db.execute('select count(*)::int as n from drizzle.__drizzle_migrations' as any);
      expect(Number(res.rows[0].n)).toBe(fs.readdirSync('apps/server/drizzle').filter((f) => f.endsWith('.sql')).length);
      await Promise.all(dbs.map((d) => d.close()));
    } finally {
      await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  });
});

describe('uuid_v7() for set-based inserts', () => {
  it('makes version-7 ids whose order follows time', async () => {
    const { startTestApp } = await import('../test/harness.ts');
    const t = await startTestApp();
    try {
      const a: any = await t.ctx.database.db.execute('select uuid_v7()::text as id' as any);
      await new Promise((r) => setTimeout(r, 5));
      const b: any = await t.ctx.database.db.execute('select uuid_v7()::text as id' as any);
      expect(a.rows[0].id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(a.rows[0].id < b.rows[0].id).toBe(true);
    } finally {
      await t.close();
    }
  });
});
