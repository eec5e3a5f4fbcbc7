import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

/** Starts the real server (`npm start`'s entry) on a fresh embedded data directory with demo data. */
export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-e2e-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const root = path.resolve(import.meta.dirname, '..');
  const child: ChildProcess = spawn(path.join(root, 'node_modules/.bin/tsx'), [path.join(root, 'apps/server/src/server.ts')], {
    cwd: root,
    env: { ...withoutDatabaseUrl(process.env), PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'info', DEMO: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${log}`);
    try {
      if ((await fetch(`${base}/health/ready`)).ok) break;
    } catch { /* not yet */ }
    if (Date.now() > deadline) throw new Error(`server not ready:\n${log}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  project.provide('baseURL', base);
  return async () => {
    child.kill('SIGTERM');
    await new Promise((r) => { child.once('exit', r); setTimeout(r, 10_000); });
    fs.rmSync(dataDir, { recursive: true, force: true });
    // keep the server's log; where a failed run's output ends, show its last refusals and warnings
    fs.mkdirSync(path.join(root, 'artifacts/e2e'), { recursive: true });
    fs.writeFileSync(path.join(root, 'artifacts/e2e/server.log'), log);
    const notable = notableLines(log);
    if (notable.length) console.log(`server: ${notable.length} refusals and warnings, the last 30 (all in artifacts/e2e/server.log):\n${notable.slice(-30).join('\n')}`);
  };
}

declare module 'vitest' {
  export interface ProvidedContext { baseURL: string }
}

/** The browser suite always runs on the embedded database with the demo company. */
function withoutDatabaseUrl(env: NodeJS.ProcessEnv) {
  const { DATABASE_URL: _drop, APP_SECRET: _secret, ...rest } = env;
  return rest;
}

/** Warnings, errors, 4xx/5xx answers and answers slower than 5 s from the server's JSON log, one short line each. */
function notableLines(log: string): string[] {
  const requests = new Map<string, string>();
  const out: string[] = [];
  for (const line of log.split('\n')) {
    if (!line.startsWith('{')) continue;
    let e: { level: number; time: number; msg?: string; reqId?: string; req?: { method: string; url: string }; res?: { statusCode: number }; responseTime?: number };
    try { e = JSON.parse(line); } catch { continue; }
    if (e.req && e.reqId) requests.set(e.reqId, `${e.req.method} ${e.req.url}`);
    const status = e.res?.statusCode ?? 0;
    const slow = (e.responseTime ?? 0) > 5000;
    if (e.level < 40 && status < 400 && !slow) continue;
    const what = e.reqId ? requests.get(e.reqId) ?? '' : '';
    if (status === 401 && what === 'GET /api/auth/me') continue; // a page asking whether anyone is signed in yet
    const took = e.responseTime ? `${Math.round(e.responseTime)} ms` : '';
    out.push(`${new Date(e.time).toISOString().slice(11, 23)} ${status || ''} ${what} ${took} ${e.msg ?? ''}`.replace(/\s+/g, ' ').slice(0, 300));
  }
  return out;
}
