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
    env: { ...withoutDatabaseUrl(process.env), PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', DEMO: '1' },
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
