import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { createTenant, loginAs, type Tenant } from '../../../test/factories.ts';
import { day, identityViolations, periodicBill, lateFeeRoom } from './test-bills.ts';

let t: TestApp;
let ours: Tenant;
let hq: string, pm: string, cashier: string;
let lf: string;
let roomA: string, roomB: string;
let oneOff: { id: string };

const rows = async (q: ReturnType<typeof sql>) => ((await t.ctx.database.db.execute(q)) as any).rows as any[];
const bill = async (id: string) => (await t.as(hq)('GET', `/api/billing/bills/${id}`)).json();
const waiverEntries = async (billId: string) => (await rows(sql`select component, amount_fen from ledger_entries where bill_id = ${billId} and kind = 'waiver' order by component`))
  .map((r) => [r.component, Number(r.amount_fen)]);

beforeAll(async () => {
  t = await startTestApp();
  ours = await createTenant(t);
  [hq, pm, cashier] = await loginAs(t, ours, 'hq_admin', 'project_manager', 'cashier');
  ({ feeItemId: lf, roomId: roomA } = await lateFeeRoom(t, hq, ours.projectA, '3'));
  const gb = await t.as(hq)('POST', `/api/projects/${ours.projectB}/buildings/generate`, { code: '4', name: '4号楼', units: 1, floors: 1, roomsPerFloor: 1, areas: [{ buildingArea: 50 }] });
  roomB = (await t.as(hq)('GET', `/api/rooms?buildingId=${gb.json().buildingId}`)).json().items[0].id;
  // a one-off charge (not due yet: no late fee) through the real route
  oneOff = (await t.as(cashier)('POST', '/api/billing/one-off-charges', { roomId: roomA, feeItemId: lf, amountFen: 12_345, dueDate: day(30), description: '维修费' })).json();
});
afterAll(async () => t?.close());

describe('requesting a waiver', () => {
  it('records a request without touching the ledger', async () => {
    const res = await t.as(cashier)('POST', '/api/billing/waivers', { billId: oneOff.id, principalFen: 2_345, lateFeeFen: 0, reason: '业主困难' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'requested', principalFen: 2_345, lateFeeFen: 0, version: 1, requestedBy: ours.users.cashier!.userId, feeItemName: '物业费' });
    expect(await waiverEntries(oneOff.id)).toEqual([]);
  });

  it('refuses more than outstanding (400 on the field), nothing, a void bill (409), another project\'s bill (404)', async () => {
    const over = await t.as(cashier)('POST', '/api/billing/waivers', { billId: oneOff.id, principalFen: 12_346, lateFeeFen: 1, reason: '太多了' });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.details).toEqual([
      { path: 'body.principalFen', message: 'exceeds_outstanding', maxFen: 12_345 },
      { path: 'body.lateFeeFen', message: 'exceeds_outstanding', maxFen: 0 },
    ]);
    const zero = await t.as(cashier)('POST', '/api/billing/waivers', { billId: oneOff.id, principalFen: 0, lateFeeFen: 0, reason: '零' + '元' });
    expect(zero.statusCode).toBe(400);
    expect(JSON.stringify(zero.json().error.details)).toContain('principalFen');
    expect((await t.as(cashier)('POST', '/api/billing/waivers', { billId: oneOff.id, principalFen: -1, lateFeeFen: 5, reason: '负数' })).statusCode).toBe(400);

    const voided = await periodicBill(t, { companyId: ours.companyId, projectId: ours.projectA, roomId: roomA, feeItemId: lf, principalFen: 500, dueDate: day(-3) });
    await t.ctx.database.db.execute(sql`update bills set status = 'void', void_reason = '测试' where id = ${voided}`);
    const v = await t.as(cashier)('POST', '/api/billing/waivers', { billId: voided, principalFen: 100, lateFeeFen: 0, reason: '作废的' });
    expect(v.statusCode).toBe(409);
    expect(v.json().error.details).toEqual([{ path: 'body.billId', message: 'bill_void' }]);

    const other = await periodicBill(t, { companyId: ours.companyId, projectId: ours.projectB, roomId: roomB, feeItemId: lf, principalFen: 500, dueDate: day(-3) });
    expect((await t.as(cashier)('POST', '/api/billing/waivers', { billId: other, principalFen: 100, lateFeeFen: 0, reason: '别的项目' })).statusCode).toBe(404);
    const [n] = await rows(sql`select count(*)::int as n from waivers where company_id = ${ours.companyId}`);
    expect(Number(n.n)).toBe(1);
  });
});

describe('deciding a waiver', () => {
  it('refuses the requester approving their own request (403) and a stale version (409); posts once approved', async () => {
    const w = (await t.as(pm)('POST', '/api/billing/waivers', { billId: oneOff.id, principalFen: 1_000, lateFeeFen: 0, reason: '经理申请' })).json();
    const own = await t.as(pm)('POST', `/api/billing/waivers/${w.id}/approve`, { version: 1 });
    expect(own.statusCode).toBe(403);
    expect((await t.as(cashier)('POST', `/api/billing/waivers/${w.id}/approve`, { version: 1 })).statusCode).toBe(403);
    expect((await t.as(hq)('POST', `/api/billing/waivers/${w.id}/approve`, { version: 2 })).statusCode).toBe(409);
    const ok = await t.as(hq)('POST', `/api/billing/waivers/${w.id}/approve`, { version: 1, note: '同意' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', version: 2, decidedBy: ours.users.hq_admin!.userId, decisionNote: '同意' });
    expect(await waiverEntries(oneOff.id)).toEqual([['principal', -1_000]]);
    expect((await bill(oneOff.id)).balance).toMatchObject({ principalOutstandingFen: 11_345, waivedFen: 1_000, totalDueFen: 11_345 });
    // decided: approving or withdrawing again is 409
    expect((await t.as(hq)('POST', `/api/billing/waivers/${w.id}/approve`, { version: 2 })).statusCode).toBe(409);
    expect((await t.as(pm)('POST', `/api/billing/waivers/${w.id}/withdraw`, { version: 2 })).statusCode).toBe(409);
  });

  it('rejects with a note; only the requester withdraws', async () => {
    const a = (await t.as(cashier)('POST', '/api/billing/waivers', { billId: oneOff.id, principalFen: 10, lateFeeFen: 0, reason: '驳回我' })).json();
    expect((await t.as(pm)('POST', `/api/billing/waivers/${a.id}/reject`, { version: 1 })).statusCode).toBe(400);
    const rej = await t.as(pm)('POST', `/api/billing/waivers/${a.id}/reject`, { version: 1, note: '理由不足' });
    expect(rej.json()).toMatchObject({ status: 'rejected', decisionNote: '理由不足' });
    const b = (await t.as(cashier)('POST', '/api/billing/waivers', { billId: oneOff.id, principalFen: 10, lateFeeFen: 0, reason: '撤回我' })).json();
    expect((await t.as(pm)('POST', `/api/billing/waivers/${b.id}/withdraw`, { version: 1 })).statusCode).toBe(403);
    expect((await t.as(cashier)('POST', `/api/billing/waivers/${b.id}/withdraw`, { version: 1 })).json()).toMatchObject({ status: 'withdrawn', version: 2 });
    expect(await waiverEntries(oneOff.id)).toEqual([['principal', -1_000]]);
    const list = (await t.as(cashier)('GET', `/api/billing/waivers?projectId=${ours.projectA}&status=requested`)).json();
    expect(list.items.map((x: any) => x.id)).not.toContain(b.id);
    const all = (await t.as(cashier)('GET', `/api/billing/waivers?billId=${oneOff.id}&pageSize=2`)).json();
    expect(all).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    expect(all.items).toHaveLength(2);
    expect((await t.as(cashier)('GET', `/api/billing/waivers?projectId=${ours.projectB}`)).json().total).toBe(0);
    const audit = await rows(sql`select action, count(*)::int as n from audit_log where company_id = ${ours.companyId} and action like 'billing.waiver_%' group by action order by action`);
    expect(audit.map((r) => [r.action, Number(r.n)])).toEqual([
      ['billing.waiver_approved', 1], ['billing.waiver_rejected', 1], ['billing.waiver_requested', 4], ['billing.waiver_withdrawn', 1],
    ]);
  });

  it('waiving a late fee posts the live late fee up to today first (hand-computed 分)', async () => {
    // 100,000 due 20 days ago at 0.5‰ a day: 20 × 50 = 1,000 accrued, nothing posted
    const id = await periodicBill(t, { companyId: ours.companyId, projectId: ours.projectA, roomId: roomA, feeItemId: lf, principalFen: 100_000, dueDate: day(-20), from: '2025-01-01', to: '2025-01-31' });
    const over = await t.as(cashier)('POST', '/api/billing/waivers', { billId: id, principalFen: 0, lateFeeFen: 1_001, reason: '全免滞纳金' });
    expect(over.json().error.details).toEqual([{ path: 'body.lateFeeFen', message: 'exceeds_outstanding', maxFen: 1_000 }]);
    const w = (await t.as(cashier)('POST', '/api/billing/waivers', { billId: id, principalFen: 30_000, lateFeeFen: 1_000, reason: '全免滞纳金' })).json();
    const ok = await t.as(pm)('POST', `/api/billing/waivers/${w.id}/approve`, { version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    const d = await bill(id);
    expect(d.entries.map((e: any) => [e.kind, e.component, e.amountFen, e.entryDate])).toEqual([
      ['charge', 'principal', 100_000, '2025-01-01'], ['late_fee', 'late_fee', 1_000, day(0)], ['waiver', 'principal', -30_000, day(0)], ['waiver', 'late_fee', -1_000, day(0)],
    ]);
    expect(d.balance).toMatchObject({ principalOutstandingFen: 70_000, lateFeePostedFen: 1_000, lateFeeOutstandingFen: 0, waivedFen: 31_000, lateFeeUnpostedFen: 0, totalDueFen: 70_000 });
    expect(d.waivers.map((x: any) => x.status)).toEqual(['approved']);
  });

  it('two concurrent approvals never double-post', async () => {
    const id = await periodicBill(t, { companyId: ours.companyId, projectId: ours.projectA, roomId: roomA, feeItemId: lf, principalFen: 5_000, dueDate: day(10), from: '2025-02-01', to: '2025-02-28' });
    // the same waiver approved twice at once
    const w = (await t.as(cashier)('POST', '/api/billing/waivers', { billId: id, principalFen: 1_000, lateFeeFen: 0, reason: '同一申请' })).json();
    const same = await Promise.all([hq, pm].map((c) => t.as(c)('POST', `/api/billing/waivers/${w.id}/approve`, { version: 1 })));
    expect(same.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    // two requests for the whole remaining principal, approved at once: the second finds nothing left
    const [x, y] = await Promise.all([1, 2].map(async () => (await t.as(cashier)('POST', '/api/billing/waivers', { billId: id, principalFen: 4_000, lateFeeFen: 0, reason: '剩余全免' })).json()));
    const both = await Promise.all([t.as(hq)('POST', `/api/billing/waivers/${x.id}/approve`, { version: 1 }), t.as(pm)('POST', `/api/billing/waivers/${y.id}/approve`, { version: 1 })]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const refused = both.find((r) => r.statusCode === 409)!.json();
    expect(refused.error.details).toEqual([{ path: 'body.principalFen', message: 'exceeds_outstanding', maxFen: 0 }]);
    expect(await waiverEntries(id)).toEqual([['principal', -1_000], ['principal', -4_000]]);
    expect((await bill(id)).balance).toMatchObject({ principalOutstandingFen: 0, waivedFen: 5_000 });
  });

  it('keeps billed + late fees = paid + waived + outstanding on every bill', async () => {
    expect(await identityViolations(t, ours.companyId)).toEqual([]);
  });
});
