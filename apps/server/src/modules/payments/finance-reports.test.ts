import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { addMember, createTenant, createUser, login, loginAs, type Tenant } from '../../../test/factories.ts';
import { readXlsx } from '../../../test/xlsx.ts';
import { financeKit } from './finance-test-kit.ts';

let t: TestApp;
let ours: Tenant;
let theirs: Tenant;
let hq: string;
let pm: string;
let cashier: string;
let cashier2: string;
let cashier2Id: string;
let theirHq: string;
const k = financeKit(() => t);
const D = '2026-11-25';
const at = (hhmm: string) => new Date(`${D}T${hhmm}:00+08:00`);

let roomA: string;
let fee: string;
let water: string;

beforeAll(async () => {
  t = await startTestApp();
  [ours, theirs] = [await createTenant(t), await createTenant(t)];
  [hq, pm, cashier] = await loginAs(t, ours, 'hq_admin', 'project_manager', 'cashier');
  theirHq = await login(t, theirs.users.hq_admin!.phone);
  const u = await createUser(t, { name: '收银员乙' });
  await addMember(t, ours.companyId, u.userId, 'cashier', [ours.projectA]);
  cashier2 = await login(t, u.phone);
  cashier2Id = u.userId;
  roomA = await k.room(ours.companyId, ours.projectA);
  fee = await k.feeItem(ours.companyId, '物业费');
  water = await k.feeItem(ours.companyId, '水费');
});
afterAll(async () => t?.close());

describe('cashier daily report', () => {
  it('sums by channel, fee item and cashier equal the day\'s payments; voids and refunds apart', async () => {
    const c = { companyId: ours.companyId, projectId: ours.projectA, roomId: roomA };
    const me = ours.users.cashier!.userId;
    const b1 = await k.bill(c, fee, 30_000, D);
    const b2 = await k.bill(c, water, 8_000, D);
    const p1 = await k.pay({ ...c, feeItemId: fee }, { day: D, channel: 'cash', createdBy: me, createdAt: at('09:00'), parts: [{ billId: b1, amountFen: 10_000 }, { billId: b1, component: 'late_fee', amountFen: 150 }], prepaidFen: 850 });
    await k.pay({ ...c, feeItemId: water }, { day: D, channel: 'cash', createdBy: me, createdAt: at('10:00'), parts: [{ billId: b2, amountFen: 8_000 }], prepaidFen: 2_000, prepaidFeeItemId: water });
    await k.pay({ ...c, feeItemId: fee }, { day: D, channel: 'pos', createdBy: cashier2Id, createdAt: at('11:00'), parts: [{ billId: b1, amountFen: 5_000 }] });
    const online = await k.pay({ ...c, feeItemId: fee }, { day: D, channel: 'online', txn: 'DR-1', createdAt: at('12:00'), parts: [{ billId: b1, amountFen: 7_000 }] });
    const voided = await k.pay({ ...c, feeItemId: fee }, { day: D, channel: 'cash', createdBy: me, createdAt: at('13:00'), parts: [{ billId: b1, amountFen: 1_234 }] });
    await k.voidPayment(c, voided.id, D, at('13:30'));
    await k.refund(c, { paymentId: p1.id, amountFen: 300, channel: 'cash', requestedBy: me, completedAt: at('15:00') });
    await k.refund(c, { paymentId: online.id, amountFen: 700, channel: 'original', requestedBy: cashier2Id, completedAt: at('16:00') });
    // not of this day / project: the day before, project B, the other company
    await k.pay({ ...c, feeItemId: fee }, { day: '2026-11-24', channel: 'cash', createdBy: me, prepaidFen: 999 });
    const roomB = await k.room(ours.companyId, ours.projectB);
    await k.pay({ companyId: ours.companyId, projectId: ours.projectB, roomId: roomB, feeItemId: fee }, { day: D, channel: 'cash', prepaidFen: 4_444 });

    const res = await k.as(pm)('GET', `/api/payments/reports/daily?projectId=${ours.projectA}&date=${D}`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    const live = [11_000, 10_000, 5_000, 7_000];
    expect(r.collected).toEqual({ count: 5, amountFen: live.reduce((s, x) => s + x, 0) + 1_234 });
    expect(r.voids).toEqual({ count: 1, amountFen: 1_234 });
    expect(r.refunds).toEqual({ count: 2, amountFen: 1_000 });
    expect(r.netFen).toBe(33_000 - 1_000);
    expect(r.byChannel).toEqual([
      { channel: 'cash', count: 2, amountFen: 21_000, refundsFen: 300 }, { channel: 'transfer', count: 0, amountFen: 0, refundsFen: 0 },
      { channel: 'pos', count: 1, amountFen: 5_000, refundsFen: 0 }, { channel: 'online', count: 1, amountFen: 7_000, refundsFen: 700 },
    ]);
    const byName = (xs: any[]) => [...xs].sort((a, b) => `${a.kind}${a.feeItemName}`.localeCompare(`${b.kind}${b.feeItemName}`));
    expect(byName(r.byFeeItem)).toEqual(byName([
      { feeItemId: water, feeItemName: '水费', kind: 'bill', principalFen: 8_000, lateFeeFen: 0, amountFen: 8_000 },
      { feeItemId: fee, feeItemName: '物业费', kind: 'bill', principalFen: 22_000, lateFeeFen: 150, amountFen: 22_150 },
      { feeItemId: null, feeItemName: '通用预存', kind: 'prepaid', principalFen: 850, lateFeeFen: 0, amountFen: 850 },
      { feeItemId: water, feeItemName: '预存（水费）', kind: 'prepaid', principalFen: 2_000, lateFeeFen: 0, amountFen: 2_000 },
    ]));
    const sum = (xs: { amountFen: number }[]) => xs.reduce((s, x) => s + x.amountFen, 0);
    expect(sum(r.byChannel)).toBe(r.collected.amountFen - r.voids.amountFen);
    expect(sum(r.byFeeItem)).toBe(r.collected.amountFen - r.voids.amountFen);
    expect(sum(r.byCashier)).toBe(r.collected.amountFen - r.voids.amountFen);
    // against the payments table itself
    const [db] = await k.rows(sql`select sum(amount_fen)::bigint as fen from payments where company_id = ${ours.companyId} and project_id = ${ours.projectA} and business_date = ${D} and status = 'posted'`);
    expect(sum(r.byChannel)).toBe(Number(db.fen));

    const mine = (await k.as(cashier)('GET', `/api/payments/reports/daily?projectId=${ours.projectA}&date=${D}&cashierId=${ours.users.cashier!.userId}`)).json();
    expect(mine).toMatchObject({ collected: { count: 3, amountFen: 22_234 }, voids: { count: 1, amountFen: 1_234 }, refunds: { count: 1, amountFen: 300 }, netFen: 20_700 });
    expect(mine.byCashier.map((x: any) => x.cashierId)).toEqual([ours.users.cashier!.userId]);

    // HQ over every project sees B's payment too; the other company sees nothing of ours
    const all = (await k.as(hq)('GET', `/api/payments/reports/daily?date=${D}`)).json();
    expect(all.collected.amountFen).toBe(r.collected.amountFen + 4_444);
    expect((await k.as(theirHq)('GET', `/api/payments/reports/daily?date=${D}`)).json().collected).toEqual({ count: 0, amountFen: 0 });

    const xlsx = await k.as(cashier)('GET', `/api/payments/reports/daily/export?projectId=${ours.projectA}&date=${D}&format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const text = (await readXlsx(xlsx.rawPayload)).rows.flat().join('|');
    expect(text).toContain('收费日报');
    expect(text).toContain('320'); // 净收款 320.00 元
    const pdf = await k.as(cashier)('GET', `/api/payments/reports/daily/export?projectId=${ours.projectA}&date=${D}&format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const [n] = await k.rows(sql`select count(*)::int as n from audit_log where company_id = ${ours.companyId} and action = 'payment.report_exported'`);
    expect(Number(n.n)).toBe(2);
  });

  it('refuses another project (404) and bad input (400 on the field)', async () => {
    expect((await k.as(cashier)('GET', `/api/payments/reports/daily?projectId=${ours.projectB}`)).statusCode).toBe(404);
    expect((await k.as(theirHq)('GET', `/api/payments/reports/daily?projectId=${ours.projectA}`)).statusCode).toBe(404);
    expect((await k.as(cashier)('GET', `/api/payments/reports/daily/export?projectId=${ours.projectB}`)).statusCode).toBe(404);
    const bad = await k.as(cashier)('GET', '/api/payments/reports/daily?date=2026-11-31&cashierId=x');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: any) => d.path).sort()).toEqual(['querystring.cashierId', 'querystring.date']);
    expect((await k.as(cashier)('GET', '/api/payments/reports/daily/export?format=doc')).statusCode).toBe(400);
  });
});

describe('shift hand-over', () => {
  it('hands over the payments since the previous hand-over, with the cash difference', async () => {
    const c = { companyId: ours.companyId, projectId: ours.projectA, roomId: roomA, feeItemId: fee };
    const cid = cashier2Id;
    await k.pay(c, { day: D, channel: 'cash', createdBy: cid, prepaidFen: 10_000 });
    await k.pay(c, { day: D, channel: 'pos', createdBy: cid, prepaidFen: 2_500 });
    const v = await k.pay(c, { day: D, channel: 'cash', createdBy: cid, prepaidFen: 999 });
    await k.voidPayment(c, v.id, D);
    await k.refund(c, { amountFen: 1_000, channel: 'cash', requestedBy: cid });
    await k.pay(c, { day: D, channel: 'cash', createdBy: ours.users.cashier!.userId, prepaidFen: 7_777 }); // someone else's

    const preview = (await k.as(cashier2)('GET', '/api/payments/shifts/preview')).json();
    expect(preview.projectId).toBe(ours.projectA);
    const colleagues = preview.colleagues.map((x: any) => x.userId);
    expect(colleagues).toEqual(expect.arrayContaining([ours.users.cashier!.userId, ours.users.hq_admin!.userId, ours.users.project_manager!.userId]));
    expect(colleagues).not.toContain(cid);
    expect(colleagues).not.toContain(ours.staffB.userId);
    expect(colleagues).not.toContain(theirs.users.cashier!.userId);
    expect(preview.totals).toEqual({
      count: 3, amountFen: 13_499, byChannel: { cash: 10_999, transfer: 0, pos: 2_500, online: 0 }, voidsCount: 1, voidsFen: 999, refundsFen: 1_000, expectedCashFen: 9_000,
    });
    const s1 = await k.as(cashier2)('POST', '/api/payments/shifts', { projectId: ours.projectA, cashCountedFen: 8_950, handedTo: ours.users.cashier!.userId, note: '晚班接' });
    expect(s1.statusCode, s1.body).toBe(200);
    expect(s1.json()).toMatchObject({ cashierId: cid, cashierName: '收银员乙', totals: preview.totals, cashCountedFen: 8_950, cashDifferenceFen: -50, handedTo: ours.users.cashier!.userId, note: '晚班接' });

    // the next window starts where this one ended
    await new Promise((r) => setTimeout(r, 5));
    await k.pay(c, { day: D, channel: 'transfer', createdBy: cid, prepaidFen: 4_000 });
    const s2 = await k.as(cashier2)('POST', '/api/payments/shifts', { projectId: ours.projectA });
    expect(s2.json()).toMatchObject({ fromAt: s1.json().toAt, totals: { count: 1, amountFen: 4_000, expectedCashFen: 0 }, cashCountedFen: null, cashDifferenceFen: null });

    const list = (await k.as(pm)('GET', `/api/payments/shifts?projectId=${ours.projectA}&cashierId=${cid}`)).json();
    expect(list.items.map((x: any) => x.id)).toEqual([s2.json().id, s1.json().id]);
    expect((await k.as(theirHq)('GET', '/api/payments/shifts')).json().items).toEqual([]);
    const [n] = await k.rows(sql`select count(*)::int as n from audit_log where company_id = ${ours.companyId} and action = 'payment.shift_handed_over'`);
    expect(Number(n.n)).toBe(2);
  });

  it('refuses another project (404), unknown colleagues and bad counts (400 on the field), and roles without payment.collect (403)', async () => {
    expect((await k.as(cashier)('POST', '/api/payments/shifts', { projectId: ours.projectB })).statusCode).toBe(404);
    expect((await k.as(theirHq)('POST', '/api/payments/shifts', { projectId: ours.projectA })).statusCode).toBe(404);
    const stranger = await k.as(cashier)('POST', '/api/payments/shifts', { projectId: ours.projectA, handedTo: theirs.users.cashier!.userId });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.details).toEqual([{ path: 'body.handedTo', message: 'unknown_user' }]);
    const self = await k.as(cashier)('POST', '/api/payments/shifts', { projectId: ours.projectA, handedTo: ours.users.cashier!.userId });
    expect(self.json().error.details).toEqual([{ path: 'body.handedTo', message: 'self' }]);
    const neg = await k.as(cashier)('POST', '/api/payments/shifts', { projectId: ours.projectA, cashCountedFen: -1 });
    expect(neg.statusCode).toBe(400);
    expect(neg.json().error.details[0].path).toBe('body.cashCountedFen');
    const frac = await k.as(cashier)('POST', '/api/payments/shifts', { projectId: ours.projectA, cashCountedFen: 1.5 });
    expect(frac.statusCode).toBe(400);
    const viewer = await login(t, ours.users.hq_viewer!.phone);
    expect((await k.as(viewer)('POST', '/api/payments/shifts', { projectId: ours.projectA })).statusCode).toBe(403);
    const [n] = await k.rows(sql`select count(*)::int as n from cashier_shifts where company_id = ${ours.companyId} and cashier_id = ${ours.users.cashier!.userId}`);
    expect(Number(n.n)).toBe(0);
  });
});
