import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { createTenant, login, type Tenant } from '../../../test/factories.ts';
import { residentRooms } from '../org/org.table.ts';
import { bills, ledgerEntries } from './ledger.table.ts';
import { payBill, periodicBill } from './test-bills.ts';

/**
 * 对账单 and 我的账单 with figures worked by hand. Room A (project A) over 2026-02-01 … 2026-03-31:
 *   before: January's 物业费 charged 100.00                                  opening 100.00
 *   02-01 charge 物业费 Feb +100.00 → 200.00     02-10 payment Jan −40.00 → 160.00
 *   02-28 late fee Jan +1.20 → 161.20            03-01 charge 停车费 Mar +50.00 → 211.20
 *   03-05 waiver Mar −5.00 → 206.20              03-15 charge 停车费 Apr +30.00 → 236.20
 *   03-20 reversal of that charge −30.00 → 206.20 (the bill voided)          closing 206.20
 *   after: 04-02 payment Feb −100.00 (outside); prepaid +200.00 on 02-15 (its own account).
 *   物业费: charged 100.00, late fee 1.20, paid 40.00, net 61.20; 停车费: charged 50.00 (80 − 30), waived 5.00, net 45.00.
 */
let t: TestApp;
let ours: Tenant, theirs: Tenant;
let hq: string, pm: string, resident: string, theirHq: string;
let property: string, parking: string;
let roomA: string, roomA2: string, roomB: string, theirRoom: string;
const b: Record<string, string> = {};

const as = (cookie: string) => (url: string) => t.as(cookie)('GET', url);
const rows = async (q: ReturnType<typeof sql>) => ((await t.ctx.database.db.execute(q)) as any).rows as any[];
const range = 'from=2026-02-01&to=2026-03-31';

async function roomOf(cookie: string, projectId: string, code: string) {
  const g = await t.app.inject({ method: 'POST', url: `/api/projects/${projectId}/buildings/generate`, headers: { cookie },
    payload: { code, name: `${code}号楼`, units: 1, floors: 1, roomsPerFloor: 2, areas: [{ buildingArea: '90' }, { buildingArea: '80' }] } });
  expect(g.statusCode, g.body).toBe(200);
  return (await as(cookie)(`/api/rooms?buildingId=${g.json().buildingId}`)).json().items.map((r: any) => r.id) as string[];
}

async function entry(billId: string, kind: 'late_fee' | 'waiver' | 'reversal', amountFen: number, entryDate: string, extra: { reverses?: string; component?: 'principal' | 'late_fee' } = {}) {
  const db = t.ctx.database.db;
  const [x] = await db.select().from(bills).where(sql`${bills.id} = ${billId}`);
  await db.insert(ledgerEntries).values({
    companyId: x!.companyId, projectId: x!.projectId, roomId: x!.roomId, feeItemId: x!.feeItemId, billId, kind, account: 'receivable',
    component: extra.component ?? (kind === 'late_fee' ? 'late_fee' : 'principal'), amountFen, entryDate, reverses: extra.reverses ?? null,
  });
}

beforeAll(async () => {
  t = await startTestApp();
  ours = await createTenant(t);
  theirs = await createTenant(t);
  [hq, pm, theirHq] = await Promise.all([login(t, ours.users.hq_admin!.phone), login(t, ours.users.project_manager!.phone), login(t, theirs.users.hq_admin!.phone)]);
  const item = async (code: string, name: string, lateFee: object | null) => (await t.app.inject({ method: 'POST', url: '/api/billing/fee-items', headers: { cookie: hq }, payload: {
    code, name, category: 'periodic', feeCategory: 'property_fee', taxRateBp: 600, invoiceCategory: '物业服务', defaultPayer: 'owner', lateFee,
  } })).json().id as string;
  property = await item('WY', '物业费', { dailyRatePpm: 500, graceDays: 0, capBp: null });
  parking = await item('TC', '停车费', null);
  [roomA, roomA2] = await roomOf(hq, ours.projectA, '5') as [string, string];
  [roomB] = await roomOf(hq, ours.projectB, '6') as [string];
  [theirRoom] = await roomOf(theirHq, theirs.projectA, '7') as [string];

  const spec = { companyId: ours.companyId, projectId: ours.projectA, roomId: roomA };
  b.jan = await periodicBill(t, { ...spec, feeItemId: property, principalFen: 10_000, dueDate: '2026-01-15', from: '2026-01-01' });
  b.feb = await periodicBill(t, { ...spec, feeItemId: property, principalFen: 10_000, dueDate: '2026-02-15', from: '2026-02-01' });
  await payBill(t, b.jan, 4_000, '2026-02-10');
  await entry(b.jan, 'late_fee', 120, '2026-02-28');
  b.mar = await periodicBill(t, { ...spec, feeItemId: parking, principalFen: 5_000, dueDate: '2026-03-15', from: '2026-03-01' });
  await entry(b.mar, 'waiver', -500, '2026-03-05');
  b.apr = await periodicBill(t, { ...spec, feeItemId: parking, principalFen: 3_000, dueDate: '2026-04-15', from: '2026-04-01', chargeDate: '2026-03-15' });
  const [charge] = await rows(sql`select id from ledger_entries where bill_id = ${b.apr} and kind = 'charge'`);
  await entry(b.apr, 'reversal', -3_000, '2026-03-20', { reverses: charge.id });
  await t.ctx.database.db.execute(sql`update bills set status = 'void', void_reason = '测试作废' where id = ${b.apr}`);
  await payBill(t, b.feb, 10_000, '2026-04-02');
  // a paid bill after the range: the resident sees it last
  b.may = await periodicBill(t, { ...spec, feeItemId: parking, principalFen: 2_000, dueDate: '2026-05-15', from: '2026-05-01' });
  await payBill(t, b.may, 2_000, '2026-05-03');
  await t.ctx.database.db.insert(ledgerEntries).values({
    companyId: ours.companyId, projectId: ours.projectA, roomId: roomA, kind: 'prepay_deposit', account: 'prepaid', amountFen: 20_000, entryDate: '2026-02-15',
  });
  // a neighbour's bill (same project, a room the resident is not bound to) and another project's
  b.neighbour = await periodicBill(t, { ...spec, roomId: roomA2, feeItemId: property, principalFen: 9_000, dueDate: '2026-01-15', from: '2026-01-01' });
  b.otherProject = await periodicBill(t, { companyId: ours.companyId, projectId: ours.projectB, roomId: roomB, feeItemId: property, principalFen: 9_000, dueDate: '2026-01-15', from: '2026-01-01' });

  await t.ctx.database.db.insert(residentRooms).values({
    companyId: ours.companyId, projectId: ours.projectA, membershipId: ours.users.resident!.membershipId!, roomId: roomA, relation: 'owner', status: 'active',
  });
  resident = await login(t, ours.users.resident!.phone);
});
afterAll(async () => t?.close());

describe('a room\'s statement (对账单)', () => {
  it('has the opening balance, entries in range with the running balance, the closing balance and per-fee-item subtotals', async () => {
    const res = await as(pm)(`/api/rooms/${roomA}/statement?${range}`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s).toMatchObject({ roomId: roomA, from: '2026-02-01', to: '2026-03-31', openingBalanceFen: 10_000, closingBalanceFen: 20_620, prepaidBalanceFen: 20_000, depositBalanceFen: 0 });
    expect(s.entries.map((e: any) => [e.entryDate, e.kind, e.amountFen, e.balanceFen])).toEqual([
      ['2026-02-01', 'charge', 10_000, 20_000],
      ['2026-02-10', 'payment', -4_000, 16_000],
      ['2026-02-28', 'late_fee', 120, 16_120],
      ['2026-03-01', 'charge', 5_000, 21_120],
      ['2026-03-05', 'waiver', -500, 20_620],
      ['2026-03-15', 'charge', 3_000, 23_620],
      ['2026-03-20', 'reversal', -3_000, 20_620],
    ]);
    expect(s.entries[0]).toMatchObject({ feeItemName: '物业费', periodFrom: '2026-02-01', periodTo: '2026-02-28', billId: b.feb });
    expect(s.subtotals).toEqual([
      { feeItemId: parking, feeItemName: '停车费', chargedFen: 5_000, lateFeeFen: 0, paidFen: 0, waivedFen: 500, netFen: 4_500 },
      { feeItemId: property, feeItemName: '物业费', chargedFen: 10_000, lateFeeFen: 120, paidFen: 4_000, waivedFen: 0, netFen: 6_120 },
    ]);
    expect(s.totals).toEqual({ chargedFen: 15_000, lateFeeFen: 120, paidFen: 4_000, waivedFen: 500, netFen: 10_620 });
  });

  it('an empty range carries the balance through; the default range is this year up to today', async () => {
    const s = (await as(hq)(`/api/rooms/${roomA}/statement?from=2026-06-01&to=2026-06-30`)).json();
    // 206.20 − 100.00 paid on 04-02 + 20.00 charged and paid in May
    expect(s).toMatchObject({ openingBalanceFen: 10_620, closingBalanceFen: 10_620, entries: [] });
    const d = await as(hq)(`/api/rooms/${roomA}/statement`);
    expect(d.statusCode, d.body).toBe(200);
    expect(d.json().to >= '2026-01-01').toBe(true);
    expect(d.json().from).toBe(`${d.json().to.slice(0, 4)}-01-01`);
  });

  it('refuses a range ending before it starts, over five years, or a bad day (400); another project\'s or company\'s room is 404', async () => {
    for (const q of ['from=2026-03-01&to=2026-02-01', 'from=2020-01-01&to=2026-01-01', 'from=2026-02-30&to=2026-03-01', 'from=x', 'to=2026-01-01&from=2026-01-01&extra=1']) {
      const res = await as(hq)(`/api/rooms/${roomA}/statement?${q}`);
      expect(res.statusCode, q).toBe(400);
    }
    expect((await as(hq)(`/api/rooms/${roomA}/statement?to=2025-06-01&from=2026-01-01`)).json().error.details[0].path).toContain('to');
    expect((await as(pm)(`/api/rooms/${roomB}/statement?${range}`)).statusCode).toBe(404);
    expect((await as(pm)(`/api/rooms/${roomB}/statement.pdf?${range}`)).statusCode).toBe(404);
    expect((await as(hq)(`/api/rooms/${theirRoom}/statement?${range}`)).statusCode).toBe(404);
    expect((await as(resident)(`/api/rooms/${roomA}/statement?${range}`)).statusCode).toBe(403);
  });

  it('downloads as a PDF and audits the export', async () => {
    const res = await as(pm)(`/api/rooms/${roomA}/statement.pdf?${range}`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(res.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('对账单-5-1-0101-2026-02-01-2026-03-31.pdf');
    const audit = await rows(sql`select entity_type, entity_id, after from audit_log where action = 'billing.statement_exported' and entity_id = ${roomA}`);
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({ from: '2026-02-01', to: '2026-03-31', entries: 7, closingBalanceFen: 20_620 });
  });
});

describe('我的账单 (the resident app)', () => {
  it('lists the resident\'s own live bills, unpaid first by due date, with what is owed today including the live late fee', async () => {
    const res = await as(resident)('/api/me/bills');
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json();
    // paid ones after, newest first (February was paid on 04-02)
    expect(page.items.map((x: any) => x.id)).toEqual([b.jan, b.mar, b.may, b.feb]);
    expect(page.total).toBe(4);
    const jan = page.items[0];
    // principal 100.00 − 40.00 paid; 1.20 posted; the rest of the accrued late fee not yet posted
    expect(jan.balance).toMatchObject({ principalOutstandingFen: 6_000, lateFeePostedFen: 120, lateFeeOutstandingFen: 120 });
    expect(jan.balance.lateFeeAccruedFen).toBeGreaterThan(120);
    expect(jan.balance.totalDueFen).toBe(6_000 + 120 + jan.balance.lateFeeUnpostedFen);
    expect(jan.overdue).toBe(true);
    expect(page.items[1].balance).toMatchObject({ principalOutstandingFen: 4_500, waivedFen: 500, totalDueFen: 4_500 });
    expect(page.items[2].balance.totalDueFen).toBe(0);
    expect((await as(resident)('/api/me/bills?status=unpaid')).json().items.map((x: any) => x.id)).toEqual([b.jan, b.mar]);
    expect((await as(resident)('/api/me/bills?status=paid')).json().items.map((x: any) => x.id)).toEqual([b.may, b.feb]);
    expect((await as(resident)(`/api/me/bills?roomId=${roomA}&pageSize=1&page=2`)).json().items.map((x: any) => x.id)).toEqual([b.mar]);
  });

  it('opens one of them with its entries and the late fee worked out, and no staff names', async () => {
    const res = await as(resident)(`/api/me/bills/${b.mar}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().entries.map((e: any) => [e.kind, e.amountFen, e.receivableBalanceFen])).toEqual([['charge', 5_000, 5_000], ['waiver', -500, 4_500]]);
    expect(res.json().lateFee).toMatchObject({ applies: false, reason: 'no_rate' });
    expect(res.json().waivers).toBeUndefined();
    expect((await as(resident)(`/api/me/bills/${b.jan}`)).json().lateFee).toMatchObject({ applies: true, accrualStart: '2026-01-16' });
  });

  it('gives the statement of the resident\'s own room (JSON and PDF)', async () => {
    const s = await as(resident)(`/api/me/rooms/${roomA}/statement?${range}`);
    expect(s.statusCode, s.body).toBe(200);
    expect(s.json()).toMatchObject({ openingBalanceFen: 10_000, closingBalanceFen: 20_620 });
    const pdf = await as(resident)(`/api/me/rooms/${roomA}/statement.pdf?${range}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
  });

  it('reads another resident\'s room or bill, a void bill, another project\'s, as not found; staff have no 我的账单', async () => {
    for (const url of [
      `/api/me/bills/${b.neighbour}`, `/api/me/bills/${b.otherProject}`, `/api/me/bills/${b.apr}`, `/api/me/bills?roomId=${roomA2}`,
      `/api/me/rooms/${roomA2}/statement?${range}`, `/api/me/rooms/${roomB}/statement.pdf?${range}`, `/api/me/rooms/${theirRoom}/statement`,
    ]) expect((await as(resident)(url)).statusCode, url).toBe(404);
    expect((await as(resident)('/api/me/bills?status=overdue')).statusCode).toBe(400);
    expect((await as(pm)('/api/me/bills')).statusCode).toBe(403);
  });
});
