// workorders: the console's work-order list on 1,000,000 orders across 50 projects, under 50
// concurrent clients, against a bare Fastify + pg indexed SELECT of the same rows in the same run;
// then the statistics endpoint for one project and for HQ over every project. See bench/README.md.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPg } from '../../apps/server/src/db/client.ts';
import { migrate } from '../../apps/server/src/db/migrate.ts';
import { num, runBenchmark } from '../lib/bench.ts';
import { onCleanup } from '../lib/cleanup.ts';
import { measureInterleaved, type Target } from '../lib/compare.ts';
import { adminUrl, createThrowawayDatabase, serverVersion } from '../lib/db.ts';
import { measure, type LoadResult } from '../lib/load.ts';
import { log, round } from '../lib/log.ts';
import { login } from '../lib/login.ts';
import { startServer } from '../lib/server.ts';
import { generate } from './data.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const appModule = path.join(here, '..', 'lib', 'app.ts');
const bareModule = path.join(here, 'bare.ts');
const OPEN = 'submitted,assigned,accepted,in_progress,paused';
const profileDir = path.join(here, '..', '.profiles');

await runBenchmark('workorders', {
  orders: { type: 'string' },
  projects: { type: 'string' },
  batch: { type: 'string' },
  duration: { type: 'string' },
  warmup: { type: 'string' },
  connections: { type: 'string' },
  pool: { type: 'string' },
  rounds: { type: 'string' },
  'stats-runs': { type: 'string' },
  'cpu-prof': { type: 'boolean' },
}, async (args) => {
  const settings = {
    orders: num(args.orders, 1_000_000, 'orders'),
    projects: num(args.projects, 50, 'projects'),
    batch: num(args.batch, 25_000, 'batch'),
    duration: num(args.duration, 10, 'duration'),
    warmup: num(args.warmup, 3, 'warmup'),
    connections: num(args.connections, 50, 'connections'),
    poolSize: num(args.pool, 10, 'pool'),
    rounds: Math.max(1, Math.round(num(args.rounds, 1, 'rounds'))),
    statsRuns: Math.max(1, Math.round(num(args['stats-runs'], 5, 'stats-runs'))),
  };
  const started = Date.now();
  const loadBefore = os.loadavg()[0]!;
  const pgDb = await createThrowawayDatabase('workorders', adminUrl());
  const database = openPg(pgDb.url, 2);
  onCleanup('close generator pool', () => database.close());
  await migrate(database);
  const t0 = Date.now();
  const data = await generate(database.db, settings);
  const generateSeconds = round((Date.now() - t0) / 1000, 1);
  const p0 = data.projectIds[0]!;
  const list = `/api/work-orders?projectId=${p0}&status=${OPEN}&page=1&pageSize=20`;
  const overdueList = `/api/work-orders?projectId=${p0}&overdue=true&sort=deadline&page=1&pageSize=20`;

  const app = await startServer({
    label: 'app (PostgreSQL)', module: appModule, name: 'startApp', options: { databaseUrl: pgDb.url, poolSize: settings.poolSize },
    ...(args['cpu-prof'] ? { execArgv: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] } : {}),
  });
  const pm = await login(app.url, data.pm);
  const hq = await login(app.url, data.hq);
  const first = await getJson(app.url + list, pm);
  if (first.total !== data.pmOpen || first.items.length !== 20 || first.items.some((i: any) => i.projectId !== p0)) {
    throw new Error(`app sanity check: total ${first.total} (want ${data.pmOpen}), ${first.items.length} items`);
  }
  const bare = await startServer({ label: 'bare (Fastify + pg)', module: bareModule, name: 'startBare', options: { databaseUrl: pgDb.url, poolSize: settings.poolSize, companyId: data.companyId, projectId: p0 } });
  const bareFirst = await getJson(bare.url + list, '');
  if (bareFirst.items.length !== 20 || bareFirst.items[0].id !== first.items[0].id) throw new Error('bare sanity check: not the same first row as the app');

  const bareRepos = await startServer({ label: 'bareRepos (Fastify + the app\'s list SQL)', module: bareModule, name: 'startBareRepos', options: { databaseUrl: pgDb.url, poolSize: settings.poolSize, companyId: data.companyId, projectId: p0 } });
  if ((await getJson(bareRepos.url + list, '')).total !== data.pmOpen) throw new Error('bareRepos sanity check: wrong total');

  const load = { connections: settings.connections, duration: settings.duration, warmup: settings.warmup };
  const targets: Target[] = [
    { key: 'app', server: app, load: { url: app.url + list, headers: { cookie: pm }, ...load } },
    { key: 'bare', server: bare, load: { url: bare.url + list, ...load } },
    { key: 'bareRepos', server: bareRepos, load: { url: bareRepos.url + list, ...load } },
  ];
  const m = await measureInterleaved(targets, settings.rounds);
  const overdue = await measure({ url: app.url + overdueList, headers: { cookie: pm }, ...load, warmup: 1 }, 'app: overdue filter');

  const stats = {
    project: await timeGet(app.url + `/api/work-orders/stats?projectId=${p0}&groupBy=category`, pm, settings.statsRuns),
    projectByMonth: await timeGet(app.url + `/api/work-orders/stats?projectId=${p0}&groupBy=month`, pm, settings.statsRuns),
    hqAllProjects: await timeGet(app.url + `/api/work-orders/stats?groupBy=project`, hq, settings.statsRuns),
    hqByMonth: await timeGet(app.url + `/api/work-orders/stats?groupBy=month`, hq, settings.statsRuns),
  };
  await app.stop();
  await bare.stop();
  await bareRepos.stop();

  const a = m.app!.result;
  const b = m.bare!.result;
  const ratio = round(a.requestsPerSec / b.requestsPerSec, 3);
  const goal = { p99BelowMs: 50, ratioAtLeast: 0.5 };
  return {
    benchmark: 'workorders',
    database: 'postgresql',
    endpoint: `GET ${list.replace(p0, ':project')}`,
    rows: data.rows,
    generateSeconds,
    app: pick(a),
    bare: pick(b),
    ratio,
    // framework vs SQL: the app's statement behind bare Fastify (no session, validation, serialisation schema)
    bareRepos: { ...pick(m.bareRepos!.result), ratioToBare: round(m.bareRepos!.result.requestsPerSec / b.requestsPerSec, 3) },
    goal,
    met: { p99: a.p99 < goal.p99BelowMs, ratio: ratio >= goal.ratioAtLeast, noErrors: a.errors === 0 && a.non2xx === 0 },
    overdueFilter: pick(overdue),
    statsMs: stats,
    ...(args['cpu-prof'] ? { cpuProfileDir: profileDir } : {}),
    settings: { ...settings, loadGenerator: 'autocannon in the orchestrator process; each server in its own child process' },
    machine: { cpus: os.cpus().length, node: process.version, postgresql: await serverVersion(pgDb.url), loadavg1m: { before: round(loadBefore, 2), after: round(os.loadavg()[0]!, 2) } },
    seconds: round((Date.now() - started) / 1000, 0),
  };
});

function pick(r: LoadResult) {
  return { rps: r.requestsPerSec, p50: r.p50, p99: r.p99, avgMs: r.avgMs, errors: r.errors, non2xx: r.non2xx, requests: r.requests };
}

async function getJson(url: string, cookie: string): Promise<any> {
  const res = await fetch(url, { headers: cookie ? { cookie } : {} });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

/** Sequential runs of one GET (after one unmeasured): median, min and max in ms. */
async function timeGet(url: string, cookie: string, runs: number) {
  await getJson(url, cookie);
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await getJson(url, cookie);
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  ms.sort((x, y) => x - y);
  const out = { medianMs: round(ms[ms.length >> 1]!, 1), minMs: round(ms[0]!, 1), maxMs: round(ms.at(-1)!, 1) };
  log(`${url.replace(/^https?:\/\/[^/]+/, '')}: ${JSON.stringify(out)}`);
  return out;
}
