import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { segmentLines } from '@wuye/shared';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { createTenant, loginAs, type Tenant } from '../../../test/factories.ts';
import { workRun } from './run-work.ts';

/**
 * Bill runs through the routes and the worker (called directly: this app runs without the job
 * queue; bill-run.job.ts only loops workRun). Amounts are checked by hand and against the core.
 */
let t: TestApp;
let ours: Tenant;
let hq: string;
let pm: string;
let cashier: string;
let wyf: string;
let parking: string;
let deposit: string;
const room: Record<string, string> = {};
let space: string;

const rows = async (q: ReturnType<typeof sql>) => ((await t.ctx.database.db.execute(q)) as any).rows as any[];
const item = (code: string, feeCategory: string, extra: object = {}) => ({
  code, name: code, category: 'periodic', feeCategory, taxRateBp: 600, invoiceCategory: '物业服务', defaultPayer: 'owner', ...extra,
});

async function runToEnd(cookie: string, body: object, chunkSize?: number) {
  const started = await t.as(cookie)('POST', '/api/billing/runs', body);
  expect(started.statusCode, started.body).toBe(200);
  expect(await workRun(t.ctx.database, started.json().id, chunkSize ? { chunkSize } : {})).toBe('done');
  return (await t.as(cookie)('GET', `/api/billing/runs/${started.json().id}`)).json();
}

const billsOf = (runId: string) => rows(sql`
  select b.id, r.code, coalesce(r.code, ps.code) as target, b.fee_item_id, b.principal_fen::int as principal, b.status, b.period_from::text, b.period_to::text, b.due_date::text,
         (select json_agg(json_build_object('from', l.period_from::text, 'to', l.period_to::text, 'amount', l.amount_fen::int, 'payer', l.payer) order by l.seq) from bill_lines l where l.bill_id = b.id) as lines,
         (select coalesce(sum(e.amount_fen), 0)::int from ledger_entries e where e.bill_id = b.id) as outstanding
  from bills b left join rooms r on r.id = b.room_id left join parking_spaces ps on ps.id = b.parking_space_id
  where b.run_id = ${runId} order by target, b.fee_item_id`);

beforeAll(async () => {
  t = await startTestApp();
  ours = await createTenant(t);
  [hq, pm, cashier] = await loginAs(t, ours, 'hq_admin', 'project_manager', 'cashier');
  wyf = (await t.as(hq)('POST', '/api/billing/fee-items', item('WYF', 'property_fee'))).json().id;
  parking = (await t.as(hq)('POST', '/api/billing/fee-items', item('CW', 'parking'))).json().id;
  deposit = (await t.as(hq)('POST', '/api/billing/fee-items', { ...item('YJ', 'other'), category: 'deposit' })).json().id;
  const std = (await t.as(hq)('POST', '/api/billing/standards', {
    feeItemId: wyf, projectId: null, code: 'ZZ', name: '住宅物业费', rule: { kind: 'area', basis: 'building_area', unitPrice: '2.5' }, validFrom: '2026-01-01',
  })).json();
  // a new price from 16 February: February's bill gets two lines
  expect((await t.as(hq)('POST', `/api/billing/standards/${std.id}/versions`, { version: std.version, rule: { kind: 'area', basis: 'building_area', unitPrice: '2.8' }, validFrom: '2026-02-16' })).statusCode).toBe(200);
  const cw = (await t.as(hq)('POST', '/api/billing/standards', {
    feeItemId: parking, projectId: null, code: 'CW', name: '车位管理费', rule: { kind: 'fixed', per: 'parking_space', amount: 8000 }, validFrom: '2026-01-01',
  })).json();
  const g = await t.as(pm)('POST', `/api/projects/${ours.projectA}/buildings/generate`, {
    code: '1', name: '1号楼', units: 1, floors: 2, roomsPerFloor: 2, areas: [{ buildingArea: '89.5' }, { buildingArea: '100' }],
  });
  for (const r of (await t.as(pm)('GET', `/api/rooms?buildingId=${g.json().buildingId}`)).json().items) room[r.code] = r.id;
  space = (await t.as(pm)('POST', '/api/parking-spaces', { projectId: ours.projectA, code: 'P-001', type: 'owned' })).json().id;
  expect((await t.as(pm)('POST', '/api/billing/assignments', { standardId: std.id, projectId: ours.projectA, target: { by: 'project' }, from: '2026-01-01' })).json()).toMatchObject({ assigned: 4 });
  expect((await t.as(pm)('POST', '/api/billing/assignments', { standardId: cw.id, projectId: ours.projectA, target: { by: 'parking', parkingSpaceIds: [space] }, from: '2026-01-01' })).statusCode).toBe(200);
  // room 0102 was delivered on 10 February; room 0201 is let from 20 February and its tenant pays the property fee
  await t.ctx.database.db.execute(sql`update rooms set delivery_date = '2026-02-10' where id = ${room['1-1-0102']}`);
  // (a payer rule needs a tenant on the day; the rule row is what billing reads)
  await t.ctx.database.db.execute(sql`insert into room_payers (id, company_id, project_id, room_id, fee_category, payer, valid_from)
    values (gen_random_uuid(), ${ours.companyId}, ${ours.projectA}, ${room['1-1-0201']}, 'property_fee', 'tenant', '2026-02-20')`);
});
afterAll(async () => t?.close());

const feb = () => ({ projectId: ours.projectA, periodKind: 'month', periodFrom: '2026-02-01' });

describe('bill runs', () => {
  it('previews, then bills every room and space of a month with a line per price and payer segment, exact to the 分', async () => {
    const preview = await t.as(pm)('POST', '/api/billing/runs/preview', feb());
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json();
    expect(p).toMatchObject({ periodFrom: '2026-02-01', periodTo: '2026-02-28', dueDate: '2026-02-15', bills: 5, missingInsideArea: 0 });
    // 89.50 m²: 22,375 × 15/28 = 11,986.6071 → 11,987 (2.5 元) and 25,060 × 13/28 = 11,635 exactly (2.8 元)
    const r0101 = 11987 + 11635;
    // 100 m²: 25,000 × 15/28 = 13,392.857 → 13,393; 28,000 × 13/28 = 13,000
    const r100 = 13393 + 13000;
    // 0102 (100 m²) from its delivery on 10 Feb: 25,000 × 6/28 = 5,357.14 → 5,357 and 13,000
    const r0102 = 5357 + 13000;
    // 0201 (89.50 m²) splits again on the 20th when its tenant starts paying: 11,987 + 25,060 × 4/28 + 25,060 × 9/28 = 11,987 + 3,580 + 8,055
    const r0201 = 11987 + 3580 + 8055;
    expect(p.items.find((i: any) => i.feeItemId === wyf)).toMatchObject({ bills: 4, totalFen: r0101 + r0102 + r0201 + r100, alreadyBilled: 0 });
    expect(p.items.find((i: any) => i.feeItemId === parking)).toMatchObject({ bills: 1, totalFen: 8000 });
    // nothing written by a preview
    expect((await rows(sql`select count(*)::int as n from bills where company_id = ${ours.companyId}`))[0].n).toBe(0);

    const run = await runToEnd(pm, feb(), 2);
    expect(run).toMatchObject({ status: 'done', billsCreated: 5, billsSkipped: 0, totalFen: p.totalFen, targetsTotal: 5, targetsDone: 5 });
    // the run keeps what it wrote per fee item, in the preview's shape: here exactly the preview
    expect(run.preview.items).toEqual(p.items);
    const bills = await billsOf(run.id);
    const byCode = Object.fromEntries(bills.map((b: any) => [b.target, b]));
    expect(byCode['1-1-0101'].lines).toEqual([
      { from: '2026-02-01', to: '2026-02-15', amount: 11987, payer: 'owner' }, { from: '2026-02-16', to: '2026-02-28', amount: 11635, payer: 'owner' }]);
    expect(byCode['1-1-0102'].lines).toEqual([
      { from: '2026-02-10', to: '2026-02-15', amount: 5357, payer: 'owner' }, { from: '2026-02-16', to: '2026-02-28', amount: 13000, payer: 'owner' }]);
    // the payer changes on the 20th, inside the second price segment
    expect(byCode['1-1-0201'].lines.map((l: any) => [l.from, l.to, l.payer])).toEqual([
      ['2026-02-01', '2026-02-15', 'owner'], ['2026-02-16', '2026-02-19', 'owner'], ['2026-02-20', '2026-02-28', 'tenant']]);
    expect(byCode['P-001']).toMatchObject({ principal: 8000, lines: [{ from: '2026-02-01', to: '2026-02-28', amount: 8000, payer: null }] });
    for (const b of bills) {
      expect(b.principal).toBe(b.lines.reduce((a: number, l: any) => a + l.amount, 0));
      expect(b.outstanding).toBe(b.principal); // one charge entry each
      expect(b).toMatchObject({ status: 'live', period_from: '2026-02-01', period_to: '2026-02-28', due_date: '2026-02-15' });
    }
  });

  it('agrees line by line with the calculation core (segments and half-up rounding)', async () => {
    const [bill] = (await rows(sql`select b.id from bills b where b.room_id = ${room['1-1-0201']} and b.status = 'live'`));
    const lines = await rows(sql`select period_from::text as "from", period_to::text as "to", amount_fen::int as amount from bill_lines where bill_id = ${bill.id} order by seq`);
    const core = segmentLines({
      from: '2026-02-01', to: '2026-02-28',
      changes: [
        { effectiveFrom: '2026-01-01', values: { area: 8950, unitPrice: 25000 } },
        { effectiveFrom: '2026-02-16', values: { area: 8950, unitPrice: 28000 } },
        { effectiveFrom: '2026-02-20', values: { area: 8950, unitPrice: 28000 } },
      ],
    }).map((s) => ({ from: s.from, to: s.to, amount: s.charge.amountFen }));
    expect(lines).toEqual(core);
  });

  it('refuses the same period again, and a quarter over a month already run', async () => {
    const again = await t.as(pm)('POST', '/api/billing/runs', feb());
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details[0]).toMatchObject({ path: 'body.periodFrom', message: 'already_run' });
    const quarter = await t.as(pm)('POST', '/api/billing/runs', { ...feb(), periodKind: 'quarter', periodFrom: '2026-01-01' });
    expect(quarter.statusCode).toBe(409);
  });

  it('skips a target whose live bill already covers the days (the database refuses the overlap), counting it', async () => {
    // March of room 0101 was imported as 期初 arrears: the March run must not bill it again
    const [b] = await rows(sql`insert into bills (id, company_id, project_id, room_id, fee_item_id, kind, period_from, period_to, due_date, principal_fen)
      values (gen_random_uuid(), ${ours.companyId}, ${ours.projectA}, ${room['1-1-0101']}, ${wyf}, 'opening', '2026-03-01', '2026-03-31', '2026-03-15', 100) returning id`);
    expect(b.id).toBeTruthy();
    const preview = (await t.as(pm)('POST', '/api/billing/runs/preview', { ...feb(), periodFrom: '2026-03-01', feeItemIds: [wyf] })).json();
    expect(preview.items[0]).toMatchObject({ bills: 3, alreadyBilled: 1 });
    const run = await runToEnd(pm, { ...feb(), periodFrom: '2026-03-01', feeItemIds: [wyf] });
    expect(run).toMatchObject({ billsCreated: 3, billsSkipped: 1 });
  });

  it('cancels a run: unpaid bills void with reversals, paid ones kept, and the period can run again', async () => {
    const [run] = (await t.as(pm)('GET', `/api/billing/runs?projectId=${ours.projectA}`)).json().items.filter((r: any) => r.periodFrom === '2026-02-01');
    const bills = await billsOf(run.id);
    const paid = bills.find((b: any) => b.target === 'P-001');
    await t.ctx.database.db.execute(sql`insert into ledger_entries (id, company_id, project_id, parking_space_id, fee_item_id, bill_id, kind, account, amount_fen, entry_date)
      values (gen_random_uuid(), ${ours.companyId}, ${ours.projectA}, ${space}, ${parking}, ${paid.id}, 'payment', 'receivable', -8000, '2026-02-20')`);

    expect((await t.as(pm)('POST', `/api/billing/runs/${run.id}/cancel`, { version: run.version, reason: 'x' })).statusCode).toBe(400);
    expect((await t.as(pm)('POST', `/api/billing/runs/${run.id}/cancel`, { version: run.version + 5, reason: '面积录错' })).statusCode).toBe(409);
    const cancelled = await t.as(pm)('POST', `/api/billing/runs/${run.id}/cancel`, { version: run.version, reason: '面积录错' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', billsVoided: 4, cancelReason: '面积录错' });
    const after = await billsOf(run.id);
    for (const b of after) {
      if (b.id === paid.id) expect(b).toMatchObject({ status: 'live', outstanding: 0 });
      else expect(b).toMatchObject({ status: 'void', outstanding: 0 });
    }
    const reversals = await rows(sql`select count(*)::int as n from ledger_entries where kind = 'reversal' and bill_id in (select id from bills where run_id = ${run.id})`);
    expect(reversals[0].n).toBe(4);

    // February again: the four rooms are billed anew, the paid parking bill stays and is skipped
    const again = await runToEnd(pm, feb());
    expect(again).toMatchObject({ billsCreated: 4, billsSkipped: 1, totalFen: run.totalFen - 8000 });
  });

  it('gives the vacancy discount to rooms vacant the whole period, as a waiver entry', async () => {
    // generated rooms are vacant from today on: a later month is a whole vacant period
    const current = (await t.as(hq)('GET', '/api/billing/fee-items')).json().find((f: any) => f.id === wyf);
    expect((await t.as(hq)('PATCH', `/api/billing/fee-items/${wyf}`, { version: current.version, vacancyDiscountBp: 5000 })).statusCode).toBe(200);
    const run = await runToEnd(pm, { projectId: ours.projectA, periodKind: 'month', periodFrom: '2027-01-01', feeItemIds: [wyf] });
    // 89.50 m² × 2.8 = 25,060 → 12,530 off; 100 m² × 2.8 = 28,000 → 14,000 off (two rooms each)
    expect(run).toMatchObject({ billsCreated: 4, totalFen: 2 * 25060 + 2 * 28000, discountFen: 2 * 12530 + 2 * 14000 });
    const bills = await billsOf(run.id);
    for (const b of bills) expect(b.outstanding * 2).toBe(b.principal);
    const waiver = await rows(sql`select note, component from ledger_entries where kind = 'waiver' and bill_id = ${bills[0].id}`);
    expect(waiver).toEqual([{ note: '空置优惠 50%', component: 'principal' }]);
  });

  it('refuses bad input with field details and writes nothing', async () => {
    const before = (await rows(sql`select count(*)::int as n from bill_runs`))[0].n;
    const notFirst = await t.as(pm)('POST', '/api/billing/runs/preview', { ...feb(), periodFrom: '2026-02-02' });
    expect(notFirst.statusCode).toBe(400);
    expect(JSON.stringify(notFirst.json().error.details)).toContain('periodFrom');
    const notPeriodic = await t.as(pm)('POST', '/api/billing/runs', { ...feb(), periodFrom: '2026-06-01', feeItemIds: [deposit] });
    expect(notPeriodic.statusCode).toBe(400);
    expect(notPeriodic.json().error.details).toEqual([{ path: 'body.feeItemIds.0', message: 'not_periodic' }]);
    expect((await t.as(pm)('POST', '/api/billing/runs', { ...feb(), periodFrom: '2026-06-01', dueDate: '2026-05-31' })).statusCode).toBe(400);
    // another project's manager sees nothing of this one
    expect((await t.as(pm)('POST', '/api/billing/runs', { ...feb(), projectId: ours.projectB })).statusCode).toBe(404);
    expect((await t.as(cashier)('POST', '/api/billing/runs/preview', feb())).statusCode).toBe(403);
    // a closed month cannot be billed
    await t.ctx.database.db.execute(sql`insert into ledger_periods (id, company_id, project_id, month) values (gen_random_uuid(), ${ours.companyId}, ${ours.projectA}, '2026-07-01')`);
    const closed = await t.as(pm)('POST', '/api/billing/runs', { ...feb(), periodFrom: '2026-07-01' });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.details[0].message).toBe('period_closed');
    expect((await rows(sql`select count(*)::int as n from bill_runs`))[0].n).toBe(before);
  });
});
