import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate } from '../../apps/server/src/db/migrate.ts';
import { openPg, openPglite, type Database } from '../../apps/server/src/db/client.ts';
import { num, runBenchmark } from '../lib/bench.ts';
import { onCleanup } from '../lib/cleanup.ts';
import { createThrowawayDatabase, serverVersion } from '../lib/db.ts';
import { log, round } from '../lib/log.ts';
import { login } from '../lib/login.ts';
import { startServer } from '../lib/server.ts';
import { bareInsert, feeItemsSpec, generate, written, type Generated } from './data.ts';

/**
 * bench/bill-run — a month's bills for 100,000 rooms × 4 fee items on PostgreSQL through the API
 * and the background job (preview, start, poll until done), against bare INSERT … SELECT of the
 * same bills, lines and ledger entries in the same run. With --pglite-rooms N (default 20,000;
 * 0 = skip) the same run on the embedded database for the PGlite figure.
 */
const MONTH = { from: '2026-11-01', to: '2026-11-30' };
const appModule = new URL('../lib/app.ts', import.meta.url).pathname;

/** preview, start and poll the run through the API; the run's wall time is start → done */
async function runThroughApi(url: string, g: Generated) {
  const cookie = await login(url, g);
  const body = JSON.stringify({ projectId: g.runProject, periodKind: 'month', periodFrom: MONTH.from });
  const post = (p: string) => fetch(`${url}${p}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body });
  let t = performance.now();
  const preview = await (await post('/api/billing/runs/preview')).json() as any;
  const previewMs = performance.now() - t;
  t = performance.now();
  const started = await post('/api/billing/runs');
  if (started.status !== 200) throw new Error(`start failed: ${started.status} ${await started.text()}`);
  const { id } = await started.json() as { id: string };
  let run: any;
  for (;;) {
    run = await (await fetch(`${url}/api/billing/runs/${id}`, { headers: { cookie } })).json();
    if (run.status === 'done' || run.status === 'failed') break;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  const runMs = performance.now() - t;
  if (run.status !== 'done') throw new Error(`run ended ${run.status}: ${run.message}`);
  if (run.totalFen !== preview.totalFen || run.billsCreated !== preview.bills) throw new Error(`run ${JSON.stringify(run)} differs from its preview ${JSON.stringify(preview)}`);
  return { previewMs, runMs, run };
}

async function prepare(open: () => Promise<Database>, rooms: number) {
  const database = await open();
  await migrate(database);
  const t = performance.now();
  const g = await generate(database.db, rooms, MONTH.from);
  log(`generated ${rooms} rooms × ${feeItemsSpec.length} fee items (two projects) in ${round((performance.now() - t) / 1000, 1)} s`);
  return { database, g };
}

await runBenchmark('bill-run', { rooms: { type: 'string' }, 'pglite-rooms': { type: 'string' } }, async (o) => {
  const rooms = num(o.rooms, 100_000, 'rooms');
  const pgliteRooms = o['pglite-rooms'] === '0' ? 0 : num(o['pglite-rooms'], 20_000, 'pglite-rooms');

  // PostgreSQL: the app in its own process with the job worker on
  const db = await createThrowawayDatabase('bill-run');
  const { database, g } = await prepare(async () => openPg(db.url, 4), rooms);
  onCleanup('close pool', () => database.close());
  const server = await startServer({ label: 'app (PostgreSQL)', module: appModule, name: 'startApp', options: { databaseUrl: db.url, jobs: true } });
  onCleanup('stop app', () => server.stop());
  const rss = server.sampleRss();
  const api = await runThroughApi(server.url, g);
  const peak = rss.stop();
  log(`run: ${api.run.billsCreated} bills in ${round(api.runMs / 1000, 2)} s (preview ${round(api.previewMs / 1000, 2)} s)`);

  const t = performance.now();
  await bareInsert(database.db, g, MONTH.from, MONTH.to);
  const bareMs = performance.now() - t;
  log(`bare INSERT … SELECT in ${round(bareMs / 1000, 2)} s`);
  const [viaRun, viaBare] = [await written(database.db, g.companyId, g.runProject), await written(database.db, g.companyId, g.bareProject)];
  if (JSON.stringify(viaRun) !== JSON.stringify(viaBare)) throw new Error(`the run wrote ${JSON.stringify(viaRun)}, the baseline ${JSON.stringify(viaBare)}`);

  // PGlite: the same through the app on the embedded database (smaller by default: one connection, ~3× slower)
  let pglite: Record<string, unknown> | null = null;
  if (pgliteRooms) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-bench-bill-run-'));
    onCleanup('remove PGlite data dir', () => fs.rmSync(dir, { recursive: true, force: true }));
    const lite = await prepare(() => openPglite(path.join(dir, 'pglite')), pgliteRooms);
    await lite.database.close(); // one process per data directory: the app child opens it next
    const liteServer = await startServer({ label: 'app (PGlite)', module: appModule, name: 'startApp', options: { pgliteDir: path.join(dir, 'pglite'), jobs: true } });
    const res = await runThroughApi(liteServer.url, lite.g);
    await liteServer.stop();
    pglite = {
      rooms: pgliteRooms, bills: res.run.billsCreated, runSeconds: round(res.runMs / 1000, 2), previewSeconds: round(res.previewMs / 1000, 2),
      billsPerSecond: Math.round(res.run.billsCreated / (res.runMs / 1000)),
    };
    log(`PGlite: ${res.run.billsCreated} bills in ${round(res.runMs / 1000, 2)} s`);
  }

  return {
    database: 'postgresql', postgresVersion: await serverVersion(db.url), rooms, feeItems: feeItemsSpec.length, month: MONTH.from.slice(0, 7),
    written: viaRun,
    run: {
      seconds: round(api.runMs / 1000, 2), previewSeconds: round(api.previewMs / 1000, 2), billsPerSecond: Math.round(api.run.billsCreated / (api.runMs / 1000)),
      peakRssMb: peak.peakMb,
    },
    bare: { seconds: round(bareMs / 1000, 2) },
    ratio: round(api.runMs / bareMs, 2),
    goal: 'run ≤ 2× bare',
    pglite,
  };
});
