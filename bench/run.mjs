#!/usr/bin/env node
// npm run bench -- <name> [args]  → runs bench/<name>/index.ts through tsx on the project's Node 22.
// Each benchmark prints one JSON document of figures on stdout; progress goes to stderr.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(benchDir);
const bin = path.join(root, 'node_modules', '.bin');

const available = fs.readdirSync(benchDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'lib' && fs.existsSync(path.join(benchDir, d.name, 'index.ts')))
  .map((d) => d.name)
  .sort();

const [name, ...args] = process.argv.slice(2);
if (!name || name === '--help' || name === '-h') {
  console.error('usage: npm run bench -- <name> [args]\n\navailable benchmarks:');
  for (const b of available) console.error(`  ${b}`);
  console.error('\nsee bench/README.md for the options and what the figures mean');
  process.exit(0);
}
if (!available.includes(name)) {
  console.error(`unknown benchmark "${name}"; available: ${available.join(', ') || '(none)'}`);
  process.exit(2);
}

// node_modules/.bin first, so tsx (#!/usr/bin/env node) and the servers it forks run the pinned Node 22.
const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` };
const child = spawn(path.join(bin, 'tsx'), [path.join(benchDir, name, 'index.ts'), ...args], { cwd: root, env, stdio: 'inherit' });
// Ctrl-C reaches the whole foreground process group; tsx relays it and the benchmark cleans up.
// Forward SIGTERM explicitly (it is sent to this process only).
process.on('SIGTERM', () => child.kill('SIGTERM'));
process.on('SIGINT', () => {});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
child.on('error', (err) => { console.error(err.message); process.exit(1); });
