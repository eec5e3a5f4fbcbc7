import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { onPostgres, startTestApp, type TestApp } from '../../../test/harness.ts';
import { createTenant, login, type Tenant } from '../../../test/factories.ts';

/**
 * Crash safety on PostgreSQL: a worker process is killed (SIGKILL) in the middle of a bill run;
 * the restarted server resumes the stale run and exactly the previewed bills exist — each target
 * and fee item billed once, every bill with its lines and one charge entry.
 */
const worker = fileURLToPath(new URL('../../../test/children/bill-run-worker.ts', import.meta.url));
let t: TestApp;
let ours: Tenant;
let pm: string;

const one = async (q: ReturnType<typeof sql>) => (((await t.ctx.database.db.execute(q)) as any).rows as any[])[0];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!onPostgres)('bill run crash safety (PostgreSQL)', () => {
  beforeAll(async () => {
    t = await startTestApp();
    ours = await createTenant(t);
    const hq = await login(t, ours.users.hq_admin!.phone);
    pm = await login(t, ours.users.project_manager!.phone);
    const item = (code: string, feeCategory: string) => ({ code, name: code, category: 'periodic', feeCategory, taxRateBp: 600, invoiceCategory: '物业服务', defaultPayer: 'owner' });
    for (const [code, cat, rule] of [
      ['WYF', 'property_fee', { kind: 'area', basis: 'building_area', unitPrice: '2.3456' }],
      ['LJ', 'other', { kind: 'fixed', per: 'household', amount: 1500 }],
    ] as const) {
      const fee = (await t.as(hq)('POST', '/api/billing/fee-items', item(code, cat))).json().id;
      const std = (await t.as(hq)('POST', '/api/billing/standards', { feeItemId: fee, projectId: null, code, name: code, rule, validFrom: '2026-01-01' })).json().id;
      await t.as(hq)('POST', '/api/billing/assignments', { standardId: std, projectId: ours.projectA, target: { by: 'project' }, from: '2026-01-01' });
    }
    for (const b of ['1', '2', '3']) {
      const g = await t.as(pm)('POST', `/api/projects/${ours.projectA}/buildings/generate`, {
        code: b, name: `${b}号楼`, units: 2, floors: 10, roomsPerFloor: 4, areas: [{ buildingArea: '89.37' }, { buildingArea: '101.5' }, { buildingArea: '65' }, { buildingArea: '120.25' }],
      });
      expect(g.statusCode, g.body).toBe(200);
    }
    // the project's rooms were assigned before they existed: assign again for the new ones
    const stds = (await t.as(hq)('GET', '/api/billing/standards')).json().items;
    for (const s of stds) await t.as(hq)('POST', '/api/billing/assignments', { standardId: s.id, projectId: ours.projectA, target: { by: 'project' }, from: '2026-01-01' });
  }, 120_000);
  afterAll(async () => t?.close());

  it('resumes after kill -9 mid-run with exactly the expected bills', { timeout: 180_000 }, async () => {
    const body = { projectId: ours.projectA, periodKind: 'quarter', periodFrom: '2026-04-01' };
    const preview = (await t.as(pm)('POST', '/api/billing/runs/preview', body)).json();
    expect(preview.bills).toBe(240 * 2);
    const run = (await t.as(pm)('POST', '/api/billing/runs', body)).json();

    const child = spawn(process.execPath, ['--import', 'tsx', worker], {
      env: { ...process.env, DATABASE_URL: t.ctx.config.DATABASE_URL, RUN_ID: run.id, CHUNK: '20', PAUSE_MS: '40' }, stdio: ['ignore', 'inherit', 'inherit'],
    });
    const exited = new Promise((r) => child.on('exit', r));
    for (;;) {
      const { done } = await one(sql`select targets_done as done from bill_runs where id = ${run.id}`);
      if (done >= 60) break;
      await sleep(5);
    }
    child.kill('SIGKILL');
    await exited;

    const mid = await one(sql`select status, targets_done, bills_created, (select count(*)::int from bills where run_id = ${run.id}) as bills from bill_runs where id = ${run.id}`);
    expect(mid.status).toBe('running');
    expect(mid.targets_done).toBeLessThan(240);
    // what committed is whole chunks: the counters and the rows agree
    expect(mid.bills).toBe(mid.bills_created);

    // the restarted server finds the run stale (no chunk for over a second) and finishes it
    await sleep(1100);
    t = await t.restart({ jobs: true, env: { BILL_RUN_STALE_SECONDS: '1' } });
    for (let i = 0; ; i++) {
      const { status } = await one(sql`select status from bill_runs where id = ${run.id}`);
      if (status === 'done') break;
      if (i > 600) throw new Error(`run still ${status}`);
      await sleep(100);
    }
    const end = await one(sql`select r.bills_created, r.bills_skipped, r.total_fen::bigint as total, r.targets_done,
        (select count(*)::int from bills b where b.run_id = r.id) as bills,
        (select count(*)::int from (select 1 from bills b where b.run_id = r.id group by b.room_id, b.fee_item_id having count(*) > 1) d) as doubled,
        (select coalesce(sum(b.principal_fen), 0)::bigint from bills b where b.run_id = r.id) as principal,
        (select count(*)::int from ledger_entries e join bills b on b.id = e.bill_id where b.run_id = r.id and e.kind = 'charge') as charges,
        (select count(*)::int from bills b where b.run_id = r.id and not exists (select 1 from bill_lines l where l.bill_id = b.id)) as without_lines
      from bill_runs r where r.id = ${run.id}`);
    expect(end).toMatchObject({ bills: preview.bills, bills_created: preview.bills, bills_skipped: 0, doubled: 0, charges: preview.bills, without_lines: 0, targets_done: 240 });
    expect(Number(end.principal)).toBe(preview.totalFen);
    expect(Number(end.total)).toBe(preview.totalFen);
  });
});
