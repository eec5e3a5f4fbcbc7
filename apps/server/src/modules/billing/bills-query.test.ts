import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { createTenant, loginAs, type Tenant } from '../../../test/factories.ts';
import { systemActor } from '../../lib/actor.ts';
import { billBalances } from './bill-balances.ts';
import { postLateFees } from './late-fees.service.ts';
import { day, identityViolations, payBill, periodicBill } from './test-bills.ts';

let t: TestApp;
let ours: Tenant;
let hq: string, pm: string, cashier: string;
const fee: Record<'lf' | 'cap' | 'none', string> = {} as any;
let rooms: { id: string; code: string }[];
let buildingId: string;
let roomB: string;
const b: Record<string, string> = {};

const item = (code: string, lateFee: object | null) => ({ code, name: code, category: 'periodic', feeCategory: 'property_fee', taxRateBp: 600, invoiceCategory: '物业服务', defaultPayer: 'owner', lateFee });
const detail = async (id: string) => (await t.as(cashier)('GET', `/api/billing/bills/${id}`)).json();

beforeAll(async () => {
  t = await startTestApp();
  ours = await createTenant(t);
  [hq, pm, cashier] = await loginAs(t, ours, 'hq_admin', 'project_manager', 'cashier');
  // 0.5‰ a day, no grace, no cap; 0.5 % a day, 3 grace days, capped at 10 %; none
  fee.lf = (await t.as(hq)('POST', '/api/billing/fee-items', item('LF', { dailyRatePpm: 500, graceDays: 0, capBp: null }))).json().id;
  fee.cap = (await t.as(hq)('POST', '/api/billing/fee-items', item('CAP', { dailyRatePpm: 5000, graceDays: 3, capBp: 1000 }))).json().id;
  fee.none = (await t.as(hq)('POST', '/api/billing/fee-items', item('NONE', null))).json().id;
  const g = await t.as(hq)('POST', `/api/projects/${ours.projectA}/buildings/generate`, { code: '7', name: '7号楼', units: 1, floors: 1, roomsPerFloor: 3, areas: [{ buildingArea: '90' }, { buildingArea: '90' }, { buildingArea: '90' }] });
  buildingId = g.json().buildingId;
  rooms = (await t.as(hq)('GET', `/api/rooms?buildingId=${buildingId}`)).json().items.map((r: any) => ({ id: r.id, code: r.code }));
  const gb = await t.as(hq)('POST', `/api/projects/${ours.projectB}/buildings/generate`, { code: '8', name: '8号楼', units: 1, floors: 1, roomsPerFloor: 1, areas: [{ buildingArea: 50 }] });
  roomB = (await t.as(hq)('GET', `/api/rooms?buildingId=${gb.json().buildingId}`)).json().items[0].id;

  const base = { companyId: ours.companyId, projectId: ours.projectA, roomId: rooms[0]!.id };
  b.plain = await periodicBill(t, { ...base, feeItemId: fee.lf, principalFen: 100_000, dueDate: day(-30) });
  b.partPaid = await periodicBill(t, { ...base, feeItemId: fee.lf, principalFen: 100_000, dueDate: day(-30) });
  await payBill(t, b.partPaid, 40_000, day(-19));
  b.capped = await periodicBill(t, { ...base, feeItemId: fee.cap, principalFen: 10_000, dueDate: day(-30) });
  b.rounding = await periodicBill(t, { ...base, roomId: rooms[1]!.id, feeItemId: fee.lf, principalFen: 333, dueDate: day(-30) });
  b.noRate = await periodicBill(t, { ...base, roomId: rooms[1]!.id, feeItemId: fee.none, principalFen: 5_000, dueDate: day(-30) });
  b.paid = await periodicBill(t, { ...base, roomId: rooms[2]!.id, feeItemId: fee.none, principalFen: 8_000, dueDate: day(-5) });
  await payBill(t, b.paid, 8_000, day(-6));
  b.future = await periodicBill(t, { ...base, roomId: rooms[2]!.id, feeItemId: fee.lf, principalFen: 7_000, dueDate: day(20) });
  b.void = await periodicBill(t, { ...base, roomId: rooms[2]!.id, feeItemId: fee.cap, principalFen: 9_000, dueDate: day(-30) });
  await t.ctx.database.db.execute(sql`update bills set status = 'void', void_reason = '测试作废' where id = ${b.void}`);
  await t.ctx.database.db.execute(sql`insert into ledger_entries (id, company_id, project_id, room_id, fee_item_id, bill_id, kind, account, amount_fen, entry_date, reverses)
    select uuid_v7(), company_id, project_id, room_id, fee_item_id, bill_id, 'reversal', account, -amount_fen, entry_date, id from ledger_entries where bill_id = ${b.void}`);
  b.other = await periodicBill(t, { companyId: ours.companyId, projectId: ours.projectB, roomId: roomB, feeItemId: fee.lf, principalFen: 1_000, dueDate: day(-30) });
});
afterAll(async () => t?.close());

describe('late fees computed on read (hand-computed 分)', () => {
  it('accrues rate × unpaid principal per day from the day after the due date, through today', async () => {
    // 30 days × 100,000 × 0.0005 = 1,500
    const d = await detail(b.plain);
    expect(d.lateFee).toMatchObject({ applies: true, accrualStart: day(-29), days: 30, capped: false, accruedFen: 1_500, postedFen: 0, unpostedFen: 1_500, principalDays: '3000000' });
    expect(d.balance).toMatchObject({ principalOutstandingFen: 100_000, lateFeeAccruedFen: 1_500, lateFeeUnpostedFen: 1_500, totalDueFen: 101_500 });
    expect(d.overdue).toBe(true);
  });

  it('stops accruing on the paid part from the payment day on', async () => {
    // days −29 … −20: 10 × 50 = 500; days −19 … 0 (paid 40,000 on −19): 20 × 30 = 600
    const d = await detail(b.partPaid);
    expect(d.lateFee.accruedFen).toBe(1_100);
    expect(d.balance).toMatchObject({ principalOutstandingFen: 60_000, paidFen: 40_000, totalDueFen: 61_100 });
  });

  it('skips the grace days and caps at capBp of the original principal', async () => {
    // grace 3: accrual from day −26, 27 days × 50 = 1,350 > cap 10 % of 10,000 = 1,000
    const d = await detail(b.capped);
    expect(d.lateFee).toMatchObject({ accrualStart: day(-26), days: 27, capped: true, accruedFen: 1_000 });
  });

  it('rounds the exact sum once, half up', async () => {
    // 333 × 30 × 500 / 1,000,000 = 4.995 → 5
    const d = await detail(b.rounding);
    expect(d.lateFee).toMatchObject({ exact: '999/200', accruedFen: 5 });
  });

  it('explains why there is none: no rate, a void bill, not yet due', async () => {
    expect((await detail(b.noRate)).lateFee).toMatchObject({ applies: false, reason: 'no_rate', accruedFen: 0 });
    expect((await detail(b.void)).lateFee).toMatchObject({ applies: false, reason: 'void' });
    expect((await detail(b.future)).lateFee).toMatchObject({ applies: true, days: 0, accruedFen: 0 });
  });
});

describe('postLateFees', () => {
  it('posts round(total as of asOf) − posted, once per day, dated asOf', async () => {
    const actor = systemActor(ours.companyId);
    const post = (ids: string[], asOf: string) => t.ctx.database.db.transaction((tx) => postLateFees(tx, actor, ids, asOf));
    // as of day −10: 20 days × 50 = 1,000
    expect(await post([b.plain, b.noRate, b.future, b.void], day(-10))).toEqual([{ billId: b.plain, postedFen: 1_000 }]);
    expect(await post([b.plain], day(-10))).toEqual([]);
    expect(await post([b.plain, b.plain], day(0))).toEqual([{ billId: b.plain, postedFen: 500 }]);
    const bal = (await billBalances(t.ctx.database.db, ours.companyId, [b.plain])).get(b.plain)!;
    expect(bal).toMatchObject({ lateFeePostedFen: 1_500, lateFeeOutstandingFen: 1_500, principalOutstandingFen: 100_000 });
    const d = await detail(b.plain);
    expect(d.entries.map((e: any) => [e.kind, e.component, e.amountFen, e.entryDate])).toEqual([
      ['charge', 'principal', 100_000, expect.any(String)], ['late_fee', 'late_fee', 1_000, day(-10)], ['late_fee', 'late_fee', 500, day(0)],
    ]);
    expect(d.entries.at(-1).receivableBalanceFen).toBe(101_500);
    expect(d.balance).toMatchObject({ lateFeeUnpostedFen: 0, totalDueFen: 101_500 });
    const [audit] = ((await t.ctx.database.db.execute(sql`select count(*)::int as n from audit_log where company_id = ${ours.companyId} and action = 'billing.late_fee_posted'`)) as any).rows;
    expect(Number(audit.n)).toBe(2);
  });
});

describe('GET /api/billing/bills', () => {
  const list = async (qs: string, who = cashier) => {
    const res = await t.as(who)('GET', `/api/billing/bills?${qs}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const ids = (page: any) => page.items.map((r: any) => r.id).sort();

  it('filters by status: unpaid, overdue, paid, void, all', async () => {
    const p = `projectId=${ours.projectA}&pageSize=200`;
    const unpaid = [b.plain, b.partPaid, b.capped, b.rounding, b.noRate, b.future].sort();
    expect(ids(await list(`${p}&status=unpaid`))).toEqual(unpaid);
    expect(ids(await list(`${p}&status=overdue`))).toEqual(unpaid.filter((x) => x !== b.future).sort());
    expect(ids(await list(`${p}&status=paid`))).toEqual([b.paid]);
    expect(ids(await list(`${p}&status=void`))).toEqual([b.void]);
    expect((await list(p)).total).toBe(8);
  });

  it('filters by building, fee item, room code prefix, period overlap; pages', async () => {
    expect((await list(`buildingId=${buildingId}`)).total).toBe(8);
    expect(ids(await list(`feeItemId=${fee.cap}&status=all`))).toEqual([b.capped, b.void].sort());
    expect(ids(await list(`q=${encodeURIComponent(rooms[2]!.code)}`))).toEqual([b.paid, b.future, b.void].sort());
    expect((await list(`q=${encodeURIComponent('%')}`)).total).toBe(0);
    const one = await list(`feeItemId=${fee.lf}&pageSize=1`);
    expect(one.items).toHaveLength(1);
    const period = one.items[0];
    const overlap = await list(`periodFrom=${period.periodTo}&periodTo=${period.periodTo}`);
    expect(ids(overlap)).toContain(period.id);
    const bad = await t.as(cashier)('GET', `/api/billing/bills?periodFrom=2026-02-01&periodTo=2026-01-01`);
    expect(bad.statusCode).toBe(400);
  });

  it('shows each row with its target code, outstanding and the late fee due now', async () => {
    const page = await list(`projectId=${ours.projectA}&q=${encodeURIComponent(rooms[1]!.code)}`);
    const row = page.items.find((r: any) => r.id === b.rounding);
    expect(row).toMatchObject({ targetCode: rooms[1]!.code, feeItemName: 'LF', kind: 'periodic', overdue: true });
    expect(row.balance).toEqual({
      principalFen: 333, principalOutstandingFen: 333, lateFeePostedFen: 0, lateFeeOutstandingFen: 0, paidFen: 0, waivedFen: 0,
      lateFeeAccruedFen: 5, lateFeeUnpostedFen: 5, totalDueFen: 338,
    });
  });

  it('keeps other projects out: nothing listed, 404 on the detail', async () => {
    expect((await list(`projectId=${ours.projectB}`)).total).toBe(0);
    expect((await t.as(cashier)('GET', `/api/billing/bills/${b.other}`)).statusCode).toBe(404);
    expect((await t.as(hq)('GET', `/api/billing/bills/${b.other}`)).statusCode).toBe(200);
    expect((await list('', hq)).total).toBe(9);
  });
});

describe('project billing settings', () => {
  const url = () => `/api/billing/projects/${ours.projectA}/settings`;
  const body = (over: object) => ({ dueOffsetDays: 14, settleOrder: 'principal_first', autoDeductPrepaid: false, lateFeesEnabled: true, ...over });

  it('reads the defaults at version 0, saves with the version, refuses a stale one', async () => {
    expect((await t.as(cashier)('GET', url())).json()).toEqual({ projectId: ours.projectA, ...body({}), version: 0, updatedAt: null });
    const saved = await t.as(pm)('PUT', url(), body({ dueOffsetDays: 10, version: 0 }));
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ dueOffsetDays: 10, version: 1 });
    expect((await t.as(pm)('PUT', url(), body({ version: 0 }))).statusCode).toBe(409);
    expect((await t.as(pm)('PUT', url(), body({ dueOffsetDays: 400, version: 1 }))).statusCode).toBe(400);
    expect((await t.as(cashier)('PUT', url(), body({ version: 1 }))).statusCode).toBe(403);
    expect((await t.as(pm)('PUT', `/api/billing/projects/${ours.projectB}/settings`, body({ version: 0 }))).statusCode).toBe(404);
    expect((await t.as(pm)('GET', `/api/billing/projects/${ours.projectB}/settings`)).statusCode).toBe(404);
  });

  it('switching late fees off stops the live accrual (posted fees stay)', async () => {
    await t.as(pm)('PUT', url(), body({ lateFeesEnabled: false, version: 1 }));
    const off = await detail(b.partPaid);
    expect(off.lateFee).toMatchObject({ applies: false, reason: 'project_disabled', accruedFen: 0 });
    expect(off.balance.totalDueFen).toBe(60_000);
    expect((await detail(b.plain)).balance).toMatchObject({ lateFeePostedFen: 1_500, totalDueFen: 101_500 });
    const on = await t.as(pm)('PUT', url(), body({ lateFeesEnabled: true, version: 2 }));
    expect(on.json()).toMatchObject({ lateFeesEnabled: true, version: 3 });
    expect((await detail(b.partPaid)).lateFee.accruedFen).toBe(1_100);
  });
});

describe('balance identity', () => {
  it('holds for every bill: billed + late fees = paid + waived + outstanding', async () => {
    expect(await identityViolations(t, ours.companyId)).toEqual([]);
  });
});
