import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { onPostgres, startTestApp, type TestApp } from '../../../test/harness.ts';
import { createTenant, loginAs, type Tenant } from '../../../test/factories.ts';
import { systemActor } from '../../lib/actor.ts';
import { projects } from '../org/org.table.ts';
import { autoDeductProject } from './prepaid-auto-deduct.service.ts';
import { runAutoDeduct } from './prepaid-deduct.job.ts';
import { deductPrepaid } from './prepaid-deduct.service.ts';
import { feeItemBody, kit } from './prepaid-test-kit.ts';

let t: TestApp;
let ours: Tenant;
let projectC: string;
let hq: string;
let cashier: string;
let fee: string;
let water: string;
let lf: string;
let roomsA: string[];
let roomsC: string[];
const k = kit(() => t);

const prepay = (roomId: string, amountFen: number, feeItemId: string | null = null) =>
  k.as(hq)('POST', `/api/rooms/${roomId}/prepaid`, { amountFen, feeItemId });
const billA = (roomId: string, feeItemId: string, month: string, due: string, principalFen: number) =>
  k.bill({ companyId: ours.companyId, projectId: ours.projectA, roomId, feeItemId, month, due, principalFen });
const billC = (roomId: string, feeItemId: string, month: string, due: string, principalFen: number) =>
  k.bill({ companyId: ours.companyId, projectId: projectC, roomId, feeItemId, month, due, principalFen });
const settingsC = (o: { order?: string; auto?: boolean }) => k.exec(sql`
  insert into project_billing_settings (company_id, project_id, settle_order, auto_deduct_prepaid)
  values (${ours.companyId}, ${projectC}, ${o.order ?? 'principal_first'}, ${o.auto ?? false})
  on conflict (project_id) do update set settle_order = excluded.settle_order, auto_deduct_prepaid = excluded.auto_deduct_prepaid`);

async function building(projectId: string, code: string, n: number) {
  const g = await k.as(hq)('POST', `/api/projects/${projectId}/buildings/generate`, { code, name: `${code}号楼`, units: 1, floors: 1, roomsPerFloor: n, areas: Array.from({ length: n }, () => ({ buildingArea: '90' })) });
  return (await k.as(hq)('GET', `/api/rooms?buildingId=${g.json().buildingId}&pageSize=50`)).json().items.map((r: any) => r.id) as string[];
}

beforeAll(async () => {
  t = await startTestApp();
  ours = await createTenant(t);
  const [c] = await t.ctx.database.db.insert(projects).values({ companyId: ours.companyId, code: 'C', name: '项目C' }).returning();
  projectC = c!.id;
  [hq, cashier] = await loginAs(t, ours, 'hq_admin', 'cashier');
  fee = (await k.as(hq)('POST', '/api/billing/fee-items', feeItemBody('WYF'))).json().id;
  water = (await k.as(hq)('POST', '/api/billing/fee-items', feeItemBody('SF', { feeCategory: 'water' }))).json().id;
  // 0.1 % a day from the day after the due date, no cap: 10,000 分 over 10 days = 100 分
  lf = (await k.as(hq)('POST', '/api/billing/fee-items', feeItemBody('ZNJ', { lateFee: { dailyRatePpm: 1000, graceDays: 0, capBp: null } }))).json().id;
  roomsA = await building(ours.projectA, '1', 6);
  roomsC = await building(projectC, '3', 5);
});
afterAll(async () => t?.close());

describe('deducting due bills from prepaid', () => {
  it('pays oldest due first, from the bill\'s earmark first and then the general balance; leaves bills not yet due', async () => {
    const room = roomsA[0]!;
    const jan = await billA(room, fee, '2026-01', '2026-01-15', 10_000);
    const feb = await billA(room, water, '2026-02', '2026-02-15', 5_000);
    const later = await billA(room, fee, '2026-03', '2099-01-01', 10_000);
    await prepay(room, 12_000);
    await prepay(room, 3_000, water);
    const res = await k.as(cashier)('POST', `/api/rooms/${room}/prepaid/deduct`, { asOf: '2026-03-01' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ asOf: '2026-03-01', billsPaid: 2, deductedFen: 15_000, principalFen: 15_000, lateFeeFen: 0 });
    expect(body.deductions).toEqual([
      { billId: jan, feeItemId: fee, earmarkFeeItemId: null, principalFen: 10_000, lateFeeFen: 0 },
      { billId: feb, feeItemId: water, earmarkFeeItemId: water, principalFen: 3_000, lateFeeFen: 0 },
      { billId: feb, feeItemId: water, earmarkFeeItemId: null, principalFen: 2_000, lateFeeFen: 0 },
    ]);
    expect(body.accounts.prepaid.totalFen).toBe(0);
    expect(await k.outstanding(jan)).toEqual({ principal: 0, lateFee: 0 });
    expect(await k.outstanding(feb)).toEqual({ principal: 0, lateFee: 0 });
    expect(await k.outstanding(later)).toEqual({ principal: 10_000, lateFee: 0 });
    // each part: one prepaid entry (earmark or null, no bill) and one receivable entry on the bill
    const entries = await k.rows(sql`select account, fee_item_id, bill_id, component, amount_fen, entry_date from ledger_entries
      where room_id = ${room} and kind = 'prepay_deduction' order by account, amount_fen`);
    expect(entries.map((e) => [e.account, e.fee_item_id, e.bill_id, e.component, Number(e.amount_fen), e.entry_date])).toEqual([
      ['prepaid', null, null, 'principal', -10_000, '2026-03-01'], ['prepaid', water, null, 'principal', -3_000, '2026-03-01'], ['prepaid', null, null, 'principal', -2_000, '2026-03-01'],
      ['receivable', fee, jan, 'principal', -10_000, '2026-03-01'], ['receivable', water, feb, 'principal', -3_000, '2026-03-01'], ['receivable', water, feb, 'principal', -2_000, '2026-03-01'],
    ]);
    expect(await k.invariantBreaks(ours.companyId)).toEqual([]);
    const again = (await k.as(cashier)('POST', `/api/rooms/${room}/prepaid/deduct`, { asOf: '2026-03-01' })).json();
    expect(again).toMatchObject({ billsPaid: 0, deductedFen: 0 });
  });

  it('stops at the balance: a partly paid bill keeps the rest outstanding; an earmark never pays another fee item', async () => {
    const room = roomsA[1]!;
    const jan = await billA(room, fee, '2026-01', '2026-01-15', 6_000);
    const feb = await billA(room, fee, '2026-02', '2026-02-15', 6_000);
    await prepay(room, 8_000);
    await prepay(room, 500, water);
    const body = (await k.as(cashier)('POST', `/api/rooms/${room}/prepaid/deduct`, {})).json();
    expect(body).toMatchObject({ billsPaid: 2, deductedFen: 8_000 });
    expect(await k.outstanding(jan)).toEqual({ principal: 0, lateFee: 0 });
    expect(await k.outstanding(feb)).toEqual({ principal: 4_000, lateFee: 0 });
    expect(await k.balances(room)).toEqual({ 'prepaid:general': 0, [`prepaid:${water}`]: 500 });
    expect(await k.invariantBreaks(ours.companyId)).toEqual([]);
  });

  it('posts the live late fee first, then settles principal first by default', async () => {
    const room = roomsA[2]!;
    const b = await billA(room, lf, '2026-01', '2026-01-01', 10_000);
    await prepay(room, 5_000);
    const body = (await k.as(cashier)('POST', `/api/rooms/${room}/prepaid/deduct`, { asOf: '2026-01-11' })).json();
    expect(body.deductions).toEqual([{ billId: b, feeItemId: lf, earmarkFeeItemId: null, principalFen: 5_000, lateFeeFen: 0 }]);
    const [posted] = await k.rows(sql`select amount_fen, entry_date from ledger_entries where bill_id = ${b} and kind = 'late_fee'`);
    expect([Number(posted.amount_fen), posted.entry_date]).toEqual([100, '2026-01-11']);
    expect(await k.outstanding(b)).toEqual({ principal: 5_000, lateFee: 100 });
  });

  it('settles the late fee first where the project says late_fee_first', async () => {
    await settingsC({ order: 'late_fee_first' });
    const room = roomsC[0]!;
    const b = await billC(room, lf, '2026-01', '2026-01-01', 10_000);
    await prepay(room, 5_000);
    const body = (await k.as(hq)('POST', `/api/rooms/${room}/prepaid/deduct`, { asOf: '2026-01-11' })).json();
    expect(body).toMatchObject({ deductedFen: 5_000, principalFen: 4_900, lateFeeFen: 100 });
    expect(await k.outstanding(b)).toEqual({ principal: 5_100, lateFee: 0 });
    const [e] = await k.rows(sql`select amount_fen from ledger_entries where bill_id = ${b} and kind = 'prepay_deduction' and component = 'late_fee'`);
    expect(Number(e.amount_fen)).toBe(-100);
    expect(await k.invariantBreaks(ours.companyId)).toEqual([]);
  });

  it('pays only the named bills when the caller narrows them (service in the caller\'s transaction)', async () => {
    const room = roomsA[3]!;
    const jan = await billA(room, fee, '2026-01', '2026-01-15', 1_000);
    const feb = await billA(room, fee, '2026-02', '2026-02-15', 1_000);
    await prepay(room, 5_000);
    const r = await t.ctx.database.db.transaction((tx) => deductPrepaid(tx, systemActor(ours.companyId), { roomId: room, billIds: [feb], asOf: '2026-03-01' }));
    expect(r.deductions.map((d) => d.billId)).toEqual([feb]);
    expect(await k.outstanding(jan)).toEqual({ principal: 1_000, lateFee: 0 });
    expect(await k.balances(room)).toEqual({ 'prepaid:general': 4_000 });
  });

  it('refuses a date after today (400) and a date in a closed month (409, nothing written)', async () => {
    const room = roomsA[4]!;
    await billA(room, fee, '2025-11', '2025-11-15', 1_000);
    await prepay(room, 5_000);
    const future = await k.as(cashier)('POST', `/api/rooms/${room}/prepaid/deduct`, { asOf: '2099-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details).toEqual([{ path: 'body.asOf', message: 'after_today' }]);
    await k.exec(sql`insert into ledger_periods (id, company_id, project_id, month) values (uuid_v7(), ${ours.companyId}, ${ours.projectA}, '2025-12-01')`);
    const closed = await k.as(cashier)('POST', `/api/rooms/${room}/prepaid/deduct`, { asOf: '2025-12-10' });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.message).toContain('关账');
    expect(await k.balances(room)).toEqual({ 'prepaid:general': 5_000 });
    expect((await k.as(cashier)('POST', `/api/rooms/${room}/prepaid/deduct`, { asOf: '2026-03-10' })).json().deductedFen).toBe(1_000);
  });
});

describe('automatic deduction over a project', () => {
  it('does nothing while the setting is off; deducts every candidate room in chunks once on; a rerun finds nothing', async () => {
    const [, c1, c2, c3, c4] = roomsC as [string, string, string, string, string];
    for (const r of [c1, c2, c3]) await billC(r, fee, '2026-02', '2026-02-15', 3_000);
    await billC(c4, fee, '2026-02', '2099-02-15', 3_000);
    for (const r of [c1, c2, c4]) await prepay(r, 5_000);
    await settingsC({ order: 'principal_first', auto: false });
    const off = await autoDeductProject(t.ctx.database.db, null, { companyId: ours.companyId, projectId: projectC, asOf: '2026-03-01' });
    expect(off).toMatchObject({ enabled: false, candidates: 0, deductedFen: 0 });

    await settingsC({ order: 'principal_first', auto: true });
    const on = await autoDeductProject(t.ctx.database.db, { chunkSize: 1 }, { companyId: ours.companyId, projectId: projectC, asOf: '2026-03-01' });
    // c0 spent its balance above, c3 has no prepaid, c4's bill is not due
    expect(on).toMatchObject({ enabled: true, candidates: 2, roomsDeducted: 2, billsPaid: 2, deductedFen: 6_000, roomsFailed: 0 });
    expect(await k.balances(c1)).toEqual({ 'prepaid:general': 2_000 });
    expect(await k.balances(c4)).toEqual({ 'prepaid:general': 5_000 });
    const rerun = await runAutoDeduct(t.ctx.database, { asOf: '2026-03-01' });
    expect(rerun.find((p) => p.projectId === projectC)).toMatchObject({ enabled: true, candidates: 0, deductedFen: 0 });
    const [audit] = await k.rows(sql`select count(*)::int as n from audit_log where project_id = ${projectC} and action = 'billing.prepaid_deducted' and actor_kind = 'system'`);
    expect(Number(audit.n)).toBe(2);
    expect(await k.invariantBreaks(ours.companyId)).toEqual([]);
  });

  it('counts the rooms of a refused chunk (closed month), writing nothing for them', async () => {
    const [, c1, c2] = roomsC as [string, string, string];
    await billC(c1, water, '2026-03', '2026-03-05', 1_000);
    await billC(c2, water, '2026-04', '2026-04-05', 1_000);
    await k.exec(sql`insert into ledger_periods (id, company_id, project_id, month) values (uuid_v7(), ${ours.companyId}, ${projectC}, '2026-04-01')`);
    const r = await autoDeductProject(t.ctx.database.db, undefined, { companyId: ours.companyId, projectId: projectC, asOf: '2026-04-10' });
    expect(r).toMatchObject({ candidates: 2, roomsDeducted: 0, roomsFailed: 2 });
    expect(r.firstError).toContain('关账');
    expect(await k.balances(c1)).toEqual({ 'prepaid:general': 2_000 });
  });
});

describe('automatic deduction at size', () => {
  it('works 250 rooms in chunks of the default size (set-based candidates), exactly once', { timeout: 120_000 }, async () => {
    const [d] = await t.ctx.database.db.insert(projects).values({ companyId: ours.companyId, code: 'D', name: '项目D' }).returning();
    const g = await k.as(hq)('POST', `/api/projects/${d!.id}/buildings/generate`, { code: '8', name: '8号楼', units: 1, floors: 25, roomsPerFloor: 10, areas: Array.from({ length: 10 }, () => ({ buildingArea: '90' })) });
    expect(g.statusCode).toBe(200);
    const c = ours.companyId;
    // a due bill of 1,500 分 and a general prepaid balance of 1,000 分 per room, as their entries
    await k.exec(sql`insert into bills (id, company_id, project_id, room_id, fee_item_id, kind, period_from, period_to, due_date, principal_fen)
      select uuid_v7(), ${c}, ${d!.id}, r.id, ${fee}, 'periodic', '2026-02-01', '2026-02-28', '2026-02-15', 1500 from rooms r where r.company_id = ${c} and r.project_id = ${d!.id}`);
    await k.exec(sql`insert into ledger_entries (id, company_id, project_id, room_id, fee_item_id, bill_id, kind, account, amount_fen, entry_date)
      select uuid_v7(), ${c}, ${d!.id}, b.room_id, b.fee_item_id, b.id, 'charge', 'receivable', 1500, '2026-02-01' from bills b where b.company_id = ${c} and b.project_id = ${d!.id}`);
    await k.exec(sql`insert into ledger_entries (id, company_id, project_id, room_id, kind, account, amount_fen, entry_date)
      select uuid_v7(), ${c}, ${d!.id}, r.id, 'prepay_deposit', 'prepaid', 1000, '2026-02-01' from rooms r where r.company_id = ${c} and r.project_id = ${d!.id}`);
    await k.exec(sql`insert into account_balances (id, company_id, project_id, room_id, account, balance_fen)
      select uuid_v7(), ${c}, ${d!.id}, r.id, 'prepaid', 1000 from rooms r where r.company_id = ${c} and r.project_id = ${d!.id}`);
    await k.exec(sql`insert into project_billing_settings (company_id, project_id, auto_deduct_prepaid) values (${c}, ${d!.id}, true)`);
    const r = await autoDeductProject(t.ctx.database.db, null, { companyId: c, projectId: d!.id, asOf: '2026-03-01' });
    expect(r).toMatchObject({ enabled: true, candidates: 250, roomsDeducted: 250, billsPaid: 250, deductedFen: 250_000, roomsFailed: 0 });
    const [left] = await k.rows(sql`select sum(balance_fen)::bigint as fen from account_balances where project_id = ${d!.id}`);
    expect(Number(left.fen)).toBe(0);
    expect(await autoDeductProject(t.ctx.database.db, null, { companyId: c, projectId: d!.id, asOf: '2026-03-01' })).toMatchObject({ candidates: 0 });
    expect(await k.invariantBreaks(c)).toEqual([]);
  });
});

describe.skipIf(!onPostgres)('concurrency (PostgreSQL)', () => {
  it('20 concurrent deductions and refunds never overdraw prepaid nor pay a bill past zero', async () => {
    const room = roomsA[5]!;
    await billA(room, fee, '2026-01', '2026-01-15', 2_500);
    await billA(room, fee, '2026-02', '2026-02-15', 2_500);
    await billA(room, water, '2026-02', '2026-02-15', 2_500);
    await prepay(room, 6_000);
    const calls = Array.from({ length: 20 }, (_, i) => (i % 2
      ? k.as(cashier)('POST', `/api/rooms/${room}/prepaid/deduct`, { asOf: '2026-03-01' })
      : k.as(cashier)('POST', `/api/rooms/${room}/prepaid/refund`, { amountFen: 700, reason: '并发' })));
    const res = await Promise.all(calls);
    expect(res.map((r) => r.statusCode).filter((c) => c !== 200 && c !== 409)).toEqual([]);
    const refunded = res.filter((r, i) => i % 2 === 0 && r.statusCode === 200).length * 700;
    const deducted = res.filter((r, i) => i % 2 === 1).reduce((s, r) => s + (r.json().deductedFen ?? 0), 0);
    const left = (await k.balances(room))['prepaid:general']!;
    expect(left).toBeGreaterThanOrEqual(0);
    expect(refunded + deducted + left).toBe(6_000);
    expect(await k.invariantBreaks(ours.companyId)).toEqual([]);
  });
});

describe('the prepaid-auto-deduct job', () => {
  it('is registered at startup with its daily schedule and deducts the projects with the setting on', { timeout: 60_000 }, async () => {
    t = await t.restart({ jobs: true });
    expect(t.ctx.jobs!.names).toContain('prepaid-auto-deduct');
    const [s] = await k.rows(sql`select cron, options from pgboss.schedule where name = 'prepaid-auto-deduct'`);
    expect(s.cron).toBe('30 2 * * *');
    const room = roomsC[3]!;
    await prepay(room, 1_000);
    await t.ctx.jobs!.send({ name: 'prepaid-auto-deduct' }, { asOf: '2026-03-01' });
    const end = Date.now() + 30_000;
    while ((await k.balances(room))['prepaid:general'] !== 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 200));
    // c3's February bill (3,000) takes the whole 1,000
    expect(await k.balances(room)).toEqual({ 'prepaid:general': 0 });
    expect(await k.invariantBreaks(ours.companyId)).toEqual([]);
  });
});
