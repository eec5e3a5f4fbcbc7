#!/usr/bin/env node
// `npm start`: build the web apps if they are missing, then run ONE server process.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'apps/web/dist');
const built = ['index.html', 'm/staff/index.html', 'm/resident/index.html'].every((f) => fs.existsSync(path.join(dist, f)));
if (!built) {
  console.log('Building the console and phone apps (first start only) …');
  const r = spawnSync('npm', ['run', 'build', '-w', '@wuye/web'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const tsx = path.join(root, 'node_modules/.bin/tsx');
const child = spawn(tsx, [path.join(root, 'apps/server/src/server.ts')], { cwd: root, stdio: 'inherit', env: process.env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
