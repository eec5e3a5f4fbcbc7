#!/usr/bin/env node
// Browser tests: build the web apps, then run e2e/*.e2e.ts against a real server in Chromium.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run('npm', ['run', 'build']);
run(path.join(root, 'node_modules/.bin/vitest'), ['run', '--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)]);
