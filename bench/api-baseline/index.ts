// api-baseline: the authenticated, scoped staff list of the real app against a bare Fastify + pg
// SELECT on the same data, both measured the same way. See bench/README.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { openPg, openPglite, type Database } from '../../apps/server/src/db/client.ts';
import { migrate } from '../../apps/server/src/db/migrate.ts';
import { sha256 } from '../../apps/server/src/lib/tokens.ts';
import { loadSession } from '../../apps/server/src/modules/auth/actor.repo.ts';
import { countStaff, findStaff } from '../../apps/server/src/modules/org/staff.repo.ts';
import { num, runBenchmark } from '../lib/bench.ts';
import { onCleanup } from '../lib/cleanup.ts';
import { adminUrl, createThrowawayDatabase, serverVersion } from '../lib/db.ts';
import { measureInterleaved, type Target } from '../lib/compare.ts';
import type { LoadResult } from '../lib/load.ts';
import { log, round } from '../lib/log.ts';
import { login } from '../lib/login.ts';
import { startServer, type ServerSpec } from '../lib/server.ts';
import { BARE_SQL } from './bare.ts';
import { applyExtraIndexes, extraIndexes, generate, type GenerateOptions, type Generated } from './data.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const appModule = path.join(here, '..', 'lib', 'app.ts');
const bareModule = path.join(here, 'bare.ts');
const LIST = '/api/staff?page=1&pageSize=20';
const profileDir = path.join(here, '..', '.profiles');
const IDLE_MINUTES = 60 * 12; // the app's SESSION_IDLE_MINUTES default, for the bareRepos server

await runBenchmark('api-baseline', {
  duration: { type: 'string' },
  warmup: { type: 'string' },
  connections: { type: 'string' },
  pool: { type: 'string' },
  staff: { type: 'string' },
  projects: { type: 'string' },
  pglite: { type: 'boolean' },
  'no-decompose': { type: 'boolean' },
  'extra-indexes': { type: 'boolean' },
  'cpu-prof': { type: 'boolean' },
  'app-log': { type: 'string' },
  rounds: { type: 'string' },
}, async (args) => {
  const settings = {
    duration: num(args.duration, 10, 'duration'),
    warmup: num(args.warmup, 2, 'warmup'),
    connections: num(args.connections, 50, 'connections'),
    poolSize: num(args.pool, 10, 'pool'),
    staff: num(args.staff, 5000, 'staff'),
    projects: num(args.projects, 20, 'projects'),
    rounds: Math.max(1, Math.round(num(args.rounds, 1, 'rounds'))),
  };
  const pglite = !!args.pglite;
  const load = { connections: settings.connections, duration: settings.duration, warmup: settings.warmup };
  const admin = adminUrl();
  const started = Date.now();
  const loadBefore = os.loadavg()[0]!;

  // 1. Data: on PostgreSQL always (the bare baseline's database), on PGlite too with --pglite.
  const pgDb = await createThrowawayDatabase('api-baseline', admin);
  const pgVersion = await serverVersion(pgDb.url);
  const gen = { staff: settings.staff, projects: settings.projects, extraIndexes: !!args['extra-indexes'] };
  const pgData = await prepare('postgresql', () => Promise.resolve(openPg(pgDb.url, 2)), gen);
  const orchestratorDb = pgData.database;
  onCleanup('close orchestrator pool', () => orchestratorDb.close());

  let pgliteDir: string | undefined;
  let appData = pgData.data;
  if (pglite) {
    pgliteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-bench-pglite-'));
    const dir = pgliteDir;
    onCleanup('remove PGlite data dir', () => fs.rmSync(dir, { recursive: true, force: true }));
    const lite = await prepare('pglite', () => openPglite(path.join(dir, 'pglite')), gen);
    await lite.database.close(); // one process per data directory: the app child opens it next
    appData = lite.data;
  }

  // 2. The servers, each in its own process, each checked once before any load.
  const appSpec: ServerSpec = {
    label: `app (${pglite ? 'PGlite' : 'PostgreSQL'})`, module: appModule, name: 'startApp',
    options: {
      ...(pglite ? { pgliteDir: path.join(pgliteDir!, 'pglite') } : { databaseUrl: pgDb.url, poolSize: settings.poolSize }),
      logLevel: args['app-log'],
    },
    ...(args['cpu-prof'] ? { execArgv: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] } : {}),
  };
  const decompose = !args['no-decompose'];
  // With --pglite the app's session lives in PGlite; bareRepos needs one in PostgreSQL: sign in
  // through the login route of a short-lived app instance there.
  let pgCookie = '';
  if (decompose && pglite) {
    const tmp = await startServer({ ...appSpec, execArgv: undefined, label: 'app (PostgreSQL, for a session)', options: { databaseUrl: pgDb.url, poolSize: 2, logLevel: args['app-log'] } });
    pgCookie = await login(tmp.url, pgData.data.pm);
    await tmp.stop();
  }

  const app = await startServer(appSpec);
  const cookie = await login(app.url, appData.pm);
  if (!pglite) pgCookie = cookie;
  await checkAppList(app.url, cookie, appData);
  const targets: Target[] = [{ key: 'app', server: app, load: { url: app.url + LIST, headers: { cookie }, ...load } }];

  // The bare baseline on PostgreSQL, same load settings.
  const bare = await startServer({
    label: 'bare (Fastify + pg)', module: bareModule, name: 'startBare',
    options: { databaseUrl: pgDb.url, poolSize: settings.poolSize, projectId: pgData.data.pm.projectId },
  });
  const bareBody = await getJson(bare.url + LIST, {});
  if (!Array.isArray(bareBody.items) || bareBody.items.length !== Math.min(20, pgData.data.pmVisibleStaff)) {
    throw new Error(`bare sanity check: expected 20 rows, got ${JSON.stringify(bareBody).slice(0, 200)}`);
  }
  targets.push({ key: 'bare', server: bare, load: { url: bare.url + LIST, ...load } });

  // Decomposition on PostgreSQL: the app's repos without the app's framework.
  if (decompose) {
    const bareRepos = await startServer({
      label: 'bareRepos (Fastify + app repos)', module: bareModule, name: 'startBareRepos',
      options: { databaseUrl: pgDb.url, poolSize: settings.poolSize, idleMinutes: IDLE_MINUTES },
    });
    const body = await getJson(bareRepos.url + LIST, { cookie: pgCookie });
    if (body.total !== pgData.data.pmVisibleStaff) throw new Error(`bareRepos sanity check: total ${body.total}`);
    targets.push({ key: 'bareRepos', server: bareRepos, load: { url: bareRepos.url + LIST, headers: { cookie: pgCookie }, ...load } });
  }

  // 3. Load: each target in turn, `rounds` times; medians reported.
  const m = await measureInterleaved(targets, settings.rounds);
  const hwm: Record<string, number | null> = {};
  for (const t of targets) hwm[t.key] = (await t.server.stop()).hwmMb;
  const rssOf = (k: string) => ({ peakDuringLoad: m[k]!.rssPeakMb, lifetimePeak: hwm[k] });

  let decomposition: Record<string, unknown> | undefined;
  if (decompose) {
    decomposition = {
      bareRepos: { ...pick(m.bareRepos!.result), rssMb: rssOf('bareRepos') },
      statementsMs: await timeStatements(orchestratorDb, pgData.data, pgCookie),
    };
  }

  const a = m.app!.result;
  const b = m.bare!.result;
  const ratio = round(a.requestsPerSec / b.requestsPerSec, 3);
  const goal = { ratioAtLeast: 0.5, p99BelowMs: 50 };
  const roundsOf = (k: string) => (settings.rounds > 1 ? { rounds: m[k]!.rounds.map((x) => ({ rps: x.requestsPerSec, p50: x.p50, p99: x.p99 })) } : {});
  return {
    benchmark: 'api-baseline',
    database: pglite ? 'pglite' : 'postgresql',
    endpoint: `GET ${LIST}`,
    rows: appData.rows,
    app: { ...pick(a), requests: a.requests, rssMb: rssOf('app'), ...roundsOf('app') },
    bare: { ...pick(b), database: 'postgresql', requests: b.requests, rssMb: rssOf('bare'), ...roundsOf('bare') },
    ratio,
    goal,
    met: {
      ratio: ratio >= goal.ratioAtLeast,
      p99: a.p99 < goal.p99BelowMs,
      noErrors: a.errors === 0 && a.non2xx === 0,
    },
    ...(decomposition ? { decomposition } : {}),
    ...(args['extra-indexes'] ? { experiment: { extraIndexes } } : {}),
    ...(args['cpu-prof'] ? { cpuProfileDir: profileDir } : {}),
    settings: { ...settings, loadGenerator: 'autocannon (API) in the orchestrator process; each server in its own child process' },
    // 1-minute load average before and after: other work on the machine skews every figure here.
    machine: { cpus: os.cpus().length, node: process.version, postgresql: pgVersion, loadavg1m: { before: round(loadBefore, 2), after: round(os.loadavg()[0]!, 2) } },
    seconds: round((Date.now() - started) / 1000, 0),
  };
});

// ---------------------------------------------------------------------------------------------

async function prepare(kind: string, open: () => Promise<Database>, o: GenerateOptions & { extraIndexes: boolean }): Promise<{ database: Database; data: Generated }> {
  const t0 = Date.now();
  const database = await open();
  await migrate(database);
  const t1 = Date.now();
  const data = await generate(database.db, o);
  log(`${kind}: opened and migrated in ${t1 - t0} ms; generated ${JSON.stringify(data.rows)} in ${Date.now() - t1} ms`);
  if (o.extraIndexes) {
    await applyExtraIndexes(database.db);
    log(`${kind}: --extra-indexes applied (${extraIndexes.length} indexes not in the schema)`);
  }
  return { database, data };
}

function pick(r: LoadResult) {
  return { rps: r.requestsPerSec, p50: r.p50, p99: r.p99, avgMs: r.avgMs, errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx };
}

async function getJson(url: string, headers: Record<string, string>, expect = 200): Promise<any> {
  const res = await fetch(url, { headers });
  const text = await res.text();
  if (res.status !== expect) throw new Error(`GET ${url}: expected ${expect}, got ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

/** One response before measuring: 401 without the cookie; 200 with it, the PM's project's staff only. */
async function checkAppList(base: string, cookie: string, data: Generated) {
  await getJson(base + LIST, {}, 401);
  const body = await getJson(base + LIST, { cookie });
  const pid = data.pm.projectId;
  const problems: string[] = [];
  if (body.total !== data.pmVisibleStaff) problems.push(`total ${body.total}, expected ${data.pmVisibleStaff}`);
  if (body.items?.length !== Math.min(20, data.pmVisibleStaff)) problems.push(`${body.items?.length} items`);
  for (const it of body.items ?? []) {
    if (it.allProjects || !it.projects.some((p: { id: string }) => p.id === pid)) problems.push(`item ${it.id} is outside project ${pid}`);
  }
  if (problems.length) throw new Error(`app sanity check failed: ${problems.join('; ')}`);
  log(`app sanity check: 200, ${body.items.length} items of ${body.total}, all in the PM's project`);
}

/** Mean and p99 of each statement the request path runs, one at a time on one connection (ms). */
async function timeStatements(database: Database, data: Generated, cookie: string) {
  const db = database.db;
  const hash = sha256(decodeURIComponent(cookie.slice('sid='.length)));
  const session = await loadSession(db, hash, IDLE_MINUTES);
  if (!session?.companyId) throw new Error('statement timings: the session did not resolve');
  const f = { companyId: session.companyId, visible: session.projectIds };
  const statements: Record<string, () => Promise<unknown>> = {
    bareSelect: () => database.pool!.query(BARE_SQL, [data.pm.projectId]),
    sessionLookup: () => loadSession(db, hash, IDLE_MINUTES),
    staffPage: () => findStaff(db, f, { limit: 20, offset: 0 }),
    staffCount: () => countStaff(db, f),
    selectOne: () => db.execute(sql`select 1`),
  };
  const out: Record<string, { mean: number; p99: number }> = {};
  for (const [name, run] of Object.entries(statements)) {
    for (let i = 0; i < 50; i++) await run();
    const times: number[] = [];
    for (let i = 0; i < 500; i++) {
      const t = process.hrtime.bigint();
      await run();
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    times.sort((a, b) => a - b);
    out[name] = { mean: round(times.reduce((a, b) => a + b, 0) / times.length, 3), p99: round(times[Math.floor(times.length * 0.99)]!, 3) };
  }
  log('statement timings (ms):', JSON.stringify(out));
  return out;
}
