import { sql } from 'drizzle-orm';
import { openPg } from '../../apps/server/src/db/client.ts';
import { num, runBenchmark } from '../lib/bench.ts';
import { onCleanup } from '../lib/cleanup.ts';
import { createThrowawayDatabase } from '../lib/db.ts';
import { log, round } from '../lib/log.ts';
import { login } from '../lib/login.ts';
import { startServer } from '../lib/server.ts';
import { baselineInsert, generateCompany, roomCount, roomsWorkbook, type Layout } from './data.ts';

/**
 * bench/estate-import — 50,000 rooms, each with its owner, from one xlsx on PostgreSQL, end to end
 * through the API (upload → background job → done), against the same rows written by bare
 * set-based SQL in the same run.
 */
await runBenchmark('estate-import', { buildings: { type: 'string' } }, async (o) => {
  const layout: Layout = { buildings: num(o.buildings, 50, 'buildings'), units: 4, floors: 25, perFloor: 10 };
  const rooms = roomCount(layout);
  const db = await createThrowawayDatabase('estate-import');
  const server = await startServer({ label: 'app', module: new URL('../lib/app.ts', import.meta.url).pathname, name: 'startApp', options: { databaseUrl: db.url, jobs: true } });
  onCleanup('stop app', () => server.stop());
  const database = openPg(db.url, 4);
  onCleanup('close pool', () => database.close());
  const data = await generateCompany(database.db);

  let t = performance.now();
  const xlsx = await roomsWorkbook(layout);
  log(`generated the workbook: ${rooms} rows, ${round(xlsx.byteLength / 1e6, 1)} MB in ${round((performance.now() - t) / 1000, 1)} s`);

  const cookie = await login(server.url, data);

  const rss = server.sampleRss();
  t = performance.now();
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(xlsx)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), 'rooms.xlsx');
  const up = await fetch(`${server.url}/api/estate/imports?projectId=${data.importProject}&kind=rooms&mode=all_or_nothing`, { method: 'POST', headers: { cookie }, body: form });
  if (up.status !== 202) throw new Error(`upload failed: ${up.status} ${await up.text()}`);
  const accepted = performance.now() - t;
  const { id } = await up.json() as { id: string };
  let result: any;
  for (;;) {
    result = await (await fetch(`${server.url}/api/estate/imports/${id}`, { headers: { cookie } })).json();
    if (result.status === 'done' || result.status === 'failed') break;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  const total = performance.now() - t;
  const peak = rss.stop();
  if (result.status !== 'done' || result.importedRows !== rooms) throw new Error(`import ended ${result.status}: ${JSON.stringify(result)}`);
  log(`imported ${rooms} rooms in ${round(total / 1000, 2)} s`);

  t = performance.now();
  await baselineInsert(database.db, data.companyId, data.baselineProject, layout);
  const baseline = performance.now() - t;
  log(`baseline insert in ${round(baseline / 1000, 2)} s`);

  const count = async (projectId: string) => ((await database.db.execute(sql`select
      (select count(*)::int from rooms where project_id = ${projectId}) as rooms,
      (select count(*)::int from room_residents where project_id = ${projectId}) as owners,
      (select count(*)::int from room_status_history h join rooms r on r.id = h.room_id where r.project_id = ${projectId}) as "statusPeriods"`)) as any).rows[0];
  const [imported, bare] = [await count(data.importProject), await count(data.baselineProject)];
  return {
    database: 'postgresql',
    rows: rooms,
    written: { imported, baseline: bare, persons: result.summary.persons, buildings: result.summary.buildings, units: result.summary.units },
    xlsxMb: round(xlsx.byteLength / 1e6, 2),
    api: {
      totalSeconds: round(total / 1000, 2),
      uploadAcceptedSeconds: round(accepted / 1000, 2),
      jobSeconds: round((new Date(result.finishedAt).getTime() - new Date(result.createdAt).getTime()) / 1000, 2),
      rowsPerSecond: Math.round(rooms / (total / 1000)),
      serverPeakRssMb: round(peak.peakMb, 0),
    },
    baseline: { seconds: round(baseline / 1000, 2), rowsPerSecond: Math.round(rooms / (baseline / 1000)), what: 'INSERT … SELECT of the same rows, one transaction' },
    ratio: round(total / baseline, 1),
    goal: { seconds: 20, met: total < 20_000 },
  };
});
