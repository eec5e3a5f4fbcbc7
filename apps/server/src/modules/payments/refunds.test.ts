import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { addMember, createTenant, createUser, login, loginAs, type Tenant } from '../../../test/factories.ts';
import { identityViolations } from '../billing/test-bills.ts';
import { day, month, paymentsKit } from './payments-test-kit.ts';
import { refundKit } from './refunds-test-kit.ts';

let t: TestApp;
let ours: Tenant;
let hq: string;
let cashier: string;
let pm: string;
let cashierB: string;
let fee: string;
let depositItem: string;
let rooms: string[];
const k = paymentsKit(() => t);
const rk = refundKit(() => t);

beforeAll(async () => {
  t = await startTestApp();
  ours = await createTenant(t);
  [hq, cashier, pm] = await loginAs(t, ours, 'hq_admin', 'cashier', 'project_manager');
  const b = await createUser(t);
  await addMember(t, ours.companyId, b.userId, 'cashier', [ours.projectB]);
  cashierB = await login(t, b.phone);
  fee = await k.feeItem(hq, 'WYF');
  depositItem = await k.feeItem(hq, 'ZXYJ', { category: 'deposit', feeCategory: 'other' });
  rooms = await k.rooms(hq, ours.projectA, '1', 9);
});
afterAll(async () => t?.close());

const bill = (roomId: string, m: number, principalFen: number, due = day(-10)) =>
  k.bill({ companyId: ours.companyId, projectId: ours.projectA, roomId, feeItemId: fee, month: month(m), due, principalFen });
const post = (cookie: string, url: string, body: object, key?: string) => t.app.inject({
  method: 'POST', url, headers: { cookie, ...(key ? { 'idempotency-key': key } : {}) }, payload: body as any,
});
/** a cash payment at the counter: the bills oldest first, the rest into general prepaid */
async function cashPayment(roomId: string, amountFen: number) {
  const r = await post(cashier, '/api/payments', { roomId, channel: 'cash', amountFen, prepayRemainder: true });
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r.json();
}
const approve = (cookie: string, r: { id: string; version: number }, note?: string) => post(cookie, `/api/refunds/${r.id}/approve`, { version: r.version, ...(note ? { note } : {}) });
const paymentRow = async (id: string) => (await rk.rows(sql`select amount_fen::bigint as amount, refunded_fen::bigint as refunded, version from payments where id = ${id}`))[0];
const clean = async () => {
  expect(await identityViolations(t, ours.companyId)).toEqual([]);
  expect(await k.invariantBreaks(ours.companyId)).toEqual([]);
};

describe('refunds of a payment', () => {
  it('refunds in parts up to exactly the payment: prepaid part first, then the newest bill; reversals make the bill owe again', async () => {
    const room = rooms[0]!;
    const older = await bill(room, -2, 10_000, day(-20));
    const newer = await bill(room, -1, 3_000, day(-5));
    const p = await cashPayment(room, 15_000); // 100 + 30 to the bills, 20 into prepaid
    expect(p).toMatchObject({ billsFen: 13_000, prepaidFen: 2_000 });

    const r1 = await post(cashier, `/api/payments/${p.id}/refunds`, { amountFen: 3_000, channel: 'cash', reason: '多交' });
    expect(r1.statusCode, r1.body).toBe(200);
    expect(r1.json()).toMatchObject({ status: 'requested', source: 'payment', paymentId: p.id, amountFen: 3_000, abilities: { approve: false } });
    expect(r1.json().lines.map((l: any) => [l.kind, l.billId, l.amountFen])).toEqual([['prepaid', null, 2_000], ['allocation', newer, 1_000]]);
    expect(r1.json().receiptNumber).toBe(p.receipt.number);
    // nothing moves before the approval
    expect(await rk.entriesOf(r1.json().id)).toEqual([]);

    const ok = await approve(pm, r1.json(), '同意');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'succeeded', decisionNote: '同意', decidedByName: expect.any(String) });
    const entries = await rk.entriesOf(r1.json().id);
    expect(entries.map((e) => [e.kind, e.account, Number(e.fen), e.bill_id, e.payment_id])).toEqual([
      ['refund', 'prepaid', -2_000, null, p.id], ['reversal', 'receivable', 1_000, newer, p.id],
    ]);
    const [alloc] = await rk.rows(sql`select entry_id, refunded_fen::bigint as refunded from payment_allocations where payment_id = ${p.id} and bill_id = ${newer}`);
    expect(entries[1].reverses).toBe(alloc.entry_id);
    expect(Number(alloc.refunded)).toBe(1_000);
    expect(await k.outstanding(newer)).toEqual({ principal: 1_000, lateFee: 0 });
    expect(await k.balances(room)).toEqual({ 'prepaid:general': 0 });
    expect(Number((await paymentRow(p.id)).refunded)).toBe(3_000);
    await clean();

    // one fen too many is refused with the most that can still go back
    const over = await post(cashier, `/api/payments/${p.id}/refunds`, { amountFen: 12_001, channel: 'cash', reason: 'x' });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.details).toEqual([{ path: 'body.amountFen', message: 'exceeds_refundable', maxFen: 12_000 }]);
    // exactly the rest: the newer bill's remaining 20, then the older bill's 100
    const r2 = await post(cashier, `/api/payments/${p.id}/refunds`, { amountFen: 12_000, channel: 'transfer', reason: '退房' });
    expect(r2.statusCode, r2.body).toBe(200);
    expect(r2.json().lines.map((l: any) => [l.billId, l.amountFen])).toEqual([[newer, 2_000], [older, 10_000]]);
    // an open request holds its money: a third asks for nothing left
    const held = await post(cashier, `/api/payments/${p.id}/refunds`, { amountFen: 1, channel: 'cash', reason: 'x' });
    expect(held.json().error.details[0].maxFen).toBe(0);
    expect((await approve(hq, r2.json())).json().status).toBe('succeeded');
    expect(Number((await paymentRow(p.id)).refunded)).toBe(15_000);
    expect(await k.outstanding(older)).toEqual({ principal: 10_000, lateFee: 0 });
    expect(await k.outstanding(newer)).toEqual({ principal: 3_000, lateFee: 0 });
    const none = await post(cashier, `/api/payments/${p.id}/refunds`, { amountFen: 1, channel: 'cash', reason: 'x' });
    expect(none.statusCode).toBe(400);
    await clean();
    const audit = await rk.rows(sql`select action from audit_log where company_id = ${ours.companyId} and entity_id = ${r2.json().id} order by created_at`);
    expect(audit.map((a) => a.action)).toEqual(['payment.refund_requested', 'payment.refund_approved', 'payment.refund_succeeded']);
  });

  it('takes the named allocations when asked, and refuses allocations of another payment', async () => {
    const room = rooms[1]!;
    const older = await bill(room, -2, 5_000);
    const newer = await bill(room, -1, 5_000);
    const p = await cashPayment(room, 10_000);
    const detail = (await k.as(cashier)('GET', `/api/payments/${p.id}`)).json();
    const olderAlloc = detail.allocations.find((a: any) => a.billId === older).id;
    const r = await post(cashier, `/api/payments/${p.id}/refunds`, { amountFen: 2_000, channel: 'cash', reason: '错收', allocationIds: [olderAlloc] });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().lines.map((l: any) => [l.billId, l.amountFen])).toEqual([[older, 2_000]]);
    const tooMuch = await post(cashier, `/api/payments/${p.id}/refunds`, { amountFen: 3_001, channel: 'cash', reason: '错收', allocationIds: [olderAlloc] });
    expect(tooMuch.json().error.details).toEqual([{ path: 'body.amountFen', message: 'exceeds_refundable', maxFen: 3_000 }]);
    const other = await cashPayment(rooms[2]!, 100);
    const foreign = await post(cashier, `/api/payments/${other.id}/refunds`, { amountFen: 100, channel: 'cash', reason: 'x', allocationIds: [olderAlloc] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details).toEqual([{ path: 'body.allocationIds.0', message: 'not_found' }]);
    expect((await approve(pm, r.json())).json().status).toBe('succeeded');
    expect(await k.outstanding(older)).toEqual({ principal: 2_000, lateFee: 0 });
    expect(await k.outstanding(newer)).toEqual({ principal: 0, lateFee: 0 });
    await clean();
  });

  it('refuses bad input: zero, fractions, original for a counter payment, a voided payment; four eyes on approval; rejection needs a note', async () => {
    const room = rooms[3]!;
    await bill(room, -1, 4_000);
    const p = await cashPayment(room, 4_000);
    for (const amountFen of [0, -1, 1.5]) {
      const r = await post(cashier, `/api/payments/${p.id}/refunds`, { amountFen, channel: 'cash', reason: 'x' });
      expect(r.statusCode).toBe(400);
    }
    const orig = await post(cashier, `/api/payments/${p.id}/refunds`, { amountFen: 100, channel: 'original', reason: 'x' });
    expect(orig.statusCode).toBe(400);
    expect(orig.json().error.details).toEqual([{ path: 'body.channel', message: 'original_needs_online' }]);
    const noReason = await post(cashier, `/api/payments/${p.id}/refunds`, { amountFen: 100, channel: 'cash', reason: ' ' });
    expect(noReason.statusCode).toBe(400);

    // the manager asks and may not approve it; the cashier may not approve at all
    const mine = (await post(pm, `/api/payments/${p.id}/refunds`, { amountFen: 100, channel: 'cash', reason: '自己申请' })).json();
    expect(mine.abilities).toEqual({ approve: false, reject: true });
    expect((await approve(pm, mine)).statusCode).toBe(403);
    expect((await approve(cashier, mine)).statusCode).toBe(403);
    const stale = await approve(hq, { id: mine.id, version: mine.version + 1 });
    expect(stale.statusCode).toBe(409);
    const bare = await post(hq, `/api/refunds/${mine.id}/reject`, { version: mine.version });
    expect(bare.statusCode).toBe(400);
    const rej = await post(hq, `/api/refunds/${mine.id}/reject`, { version: mine.version, note: '金额有误' });
    expect(rej.json()).toMatchObject({ status: 'rejected', decisionNote: '金额有误' });
    expect((await approve(hq, rej.json())).statusCode).toBe(409);
    // a rejected request holds nothing: the whole payment can be asked for again
    const again = await post(cashier, `/api/payments/${p.id}/refunds`, { amountFen: 4_000, channel: 'cash', reason: '全额' });
    expect(again.statusCode).toBe(200);

    await k.exec(sql`update payments set status = 'voided', void_reason = '测试作废' where id = ${p.id}`);
    const voided = await post(cashier, `/api/payments/${p.id}/refunds`, { amountFen: 100, channel: 'cash', reason: 'x' });
    expect(voided.statusCode).toBe(409);
    const late = await approve(pm, again.json());
    expect(late.statusCode).toBe(409);
    expect(await rk.entriesOf(again.json().id)).toEqual([]);
    await k.exec(sql`update payments set status = 'posted', void_reason = null where id = ${p.id}`);
  });

  it('replays the same request under the same Idempotency-Key (one refund), and 422s another body with it', async () => {
    const room = rooms[4]!;
    await bill(room, -1, 5_000);
    const p = await cashPayment(room, 5_000);
    const key = `refund-${p.id}`;
    const body = { amountFen: 1_000, channel: 'cash', reason: '重复提交' };
    const [a, b] = await Promise.all([post(cashier, `/api/payments/${p.id}/refunds`, body, key), post(cashier, `/api/payments/${p.id}/refunds`, body, key)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.json().id).toBe(b.json().id);
    const c = await post(cashier, `/api/payments/${p.id}/refunds`, body, key);
    expect(c.json().id).toBe(a.json().id);
    expect(c.headers['idempotent-replayed']).toBe('true');
    const d = await post(cashier, `/api/payments/${p.id}/refunds`, { ...body, amountFen: 999 }, key);
    expect(d.statusCode).toBe(422);
    const [n] = await rk.rows(sql`select count(*)::int as n from refunds where payment_id = ${p.id}`);
    expect(Number(n.n)).toBe(1);
  });

  it('keeps other projects out: 404 for their payment and refund, nothing of theirs in the list', async () => {
    const room = rooms[5]!;
    await bill(room, -1, 2_000);
    const p = await cashPayment(room, 2_000);
    const r = (await post(cashier, `/api/payments/${p.id}/refunds`, { amountFen: 500, channel: 'cash', reason: '范围' })).json();
    expect((await post(cashierB, `/api/payments/${p.id}/refunds`, { amountFen: 500, channel: 'cash', reason: 'x' })).statusCode).toBe(404);
    expect((await k.as(cashierB)('GET', `/api/refunds/${r.id}`)).statusCode).toBe(404);
    expect((await k.as(cashierB)('GET', '/api/refunds')).json().items.map((x: any) => x.id)).not.toContain(r.id);
    expect((await post(cashierB, '/api/refunds', { roomId: room, source: 'prepaid', amountFen: 1, channel: 'cash', reason: 'x' })).statusCode).toBe(404);
    const mineList = (await k.as(cashier)('GET', `/api/refunds?status=requested&paymentId=${p.id}`)).json();
    expect(mineList.items.map((x: any) => x.id)).toEqual([r.id]);
    expect((await k.as(cashier)('GET', `/api/refunds/${r.id}`)).json()).toMatchObject({ id: r.id, roomId: room, projectName: '项目A' });
    expect((await k.as(cashier)('GET', `/api/refunds?from=${day(1)}`)).json().items).toEqual([]);
  });
});

describe('prepaid and deposit balance refunds', () => {
  it('refunds at most the balance (less open requests), posts on approval, and 409s an approval the balance no longer covers', async () => {
    const room = rooms[6]!;
    await post(cashier, `/api/rooms/${room}/prepaid`, { amountFen: 10_000 });
    await post(cashier, `/api/rooms/${room}/deposits`, { feeItemId: depositItem, amountFen: 50_000 });
    const over = await post(cashier, '/api/refunds', { roomId: room, source: 'prepaid', amountFen: 10_001, channel: 'cash', reason: 'x' });
    expect(over.statusCode).toBe(409);
    expect(over.json().error.details).toEqual([{ path: 'body.amountFen', message: 'insufficient_balance', availableFen: 10_000 }]);
    const a = (await post(cashier, '/api/refunds', { roomId: room, source: 'prepaid', amountFen: 6_000, channel: 'cash', reason: '退预存' })).json();
    expect(a).toMatchObject({ source: 'prepaid', status: 'requested', lines: [{ kind: 'prepaid', amountFen: 6_000 }] });
    const held = await post(cashier, '/api/refunds', { roomId: room, source: 'prepaid', amountFen: 4_001, channel: 'cash', reason: 'x' });
    expect(held.json().error.details[0].availableFen).toBe(4_000);
    const noItem = await post(cashier, '/api/refunds', { roomId: room, source: 'deposit', amountFen: 1, channel: 'cash', reason: 'x' });
    expect(noItem.json().error.details).toEqual([{ path: 'body.feeItemId', message: 'required' }]);
    const wrongItem = await post(cashier, '/api/refunds', { roomId: room, source: 'deposit', feeItemId: fee, amountFen: 1, channel: 'cash', reason: 'x' });
    expect(wrongItem.json().error.details).toEqual([{ path: 'body.feeItemId', message: 'not_deposit_item' }]);
    const d = (await post(cashier, '/api/refunds', { roomId: room, source: 'deposit', feeItemId: depositItem, amountFen: 50_000, channel: 'transfer', reason: '装修完成退押金' })).json();
    expect(d).toMatchObject({ feeItemId: depositItem, feeItemName: 'ZXYJ' });

    // meanwhile the prepaid money is paid back out elsewhere: the approval no longer holds
    await post(cashier, `/api/rooms/${room}/prepaid/refund`, { amountFen: 5_000, reason: '柜台直接退' });
    const late = await approve(pm, a);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.details[0]).toMatchObject({ message: 'insufficient_balance', availableFen: 5_000 });
    expect((await approve(pm, d)).json().status).toBe('succeeded');
    expect(await k.balances(room)).toEqual({ 'prepaid:general': 5_000, [`deposit:${depositItem}`]: 0 });
    const [e] = await rk.entriesOf(d.id);
    expect([e.kind, e.account, Number(e.fen), e.fee_item_id]).toEqual(['refund', 'deposit', -50_000, depositItem]);
    await clean();
  });
});

describe('two approvals that together exceed', () => {
  it('lets the first through and answers the second 409 (concurrently on PostgreSQL, one after the other on PGlite)', async () => {
    const room = rooms[7]!;
    await bill(room, -1, 10_000);
    const p = await cashPayment(room, 10_000);
    const a = (await post(cashier, `/api/payments/${p.id}/refunds`, { amountFen: 6_000, channel: 'cash', reason: 'A' })).json();
    // a second request as if it had slipped past the check (two requests are each within the limit alone)
    const [b] = await rk.rows(sql`insert into refunds (id, company_id, project_id, room_id, source, payment_id, amount_fen, channel, reason, out_refund_no, lines, requested_by)
      select uuid_v7(), company_id, project_id, room_id, source, payment_id, amount_fen, channel, 'B', 'RFTEST' || substr(md5(random()::text), 1, 12), lines, requested_by
      from refunds where id = ${a.id} returning id, version`);
    const res = await Promise.all([approve(pm, a), approve(hq, { id: b.id, version: b.version })]);
    expect(res.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const lost = res.find((r) => r.statusCode === 409)!;
    expect(lost.json().error.details[0]).toMatchObject({ message: 'exceeds_refundable', maxFen: 4_000 });
    expect(Number((await paymentRow(p.id)).refunded)).toBe(6_000);
    await clean();
  });
});

describe('a refunded payment on an issued invoice', () => {
  it('red-letters the invoice in the refund\'s transaction and asks a new one for what is left', async () => {
    const room = rooms[8]!;
    await bill(room, -1, 10_000);
    const p = await cashPayment(room, 10_000);
    const [blue] = await rk.rows(sql`insert into invoices (id, company_id, project_id, room_id, kind, status, buyer_name, amount_fen, tax_fen, lines, invoice_no, issued_at)
      values (uuid_v7(), ${ours.companyId}, ${ours.projectA}, ${room}, 'blue', 'issued', '张三', 10000, 566,
        ${JSON.stringify([{ feeItemId: fee, name: 'WYF', invoiceCategory: '物业服务', taxRateBp: 600, amountFen: 10_000, taxFen: 566 }])}::jsonb, 'INV0001', now()) returning id`);
    await k.exec(sql`insert into invoice_payments (id, company_id, invoice_id, payment_id, amount_fen) values (uuid_v7(), ${ours.companyId}, ${blue.id}, ${p.id}, 10000)`);
    const r = (await post(cashier, `/api/payments/${p.id}/refunds`, { amountFen: 2_000, channel: 'cash', reason: '部分退款' })).json();
    const ok = await approve(pm, r);
    expect(ok.statusCode, ok.body).toBe(200);
    const list = await rk.rows(sql`select id, kind, status, red_of, amount_fen::bigint as fen from invoices where room_id = ${room} order by created_at`);
    expect(list.map((i) => [i.kind, i.status, Number(i.fen), i.red_of])).toEqual([
      ['blue', 'reversed', 10_000, null], ['red', expect.any(String), -10_000, blue.id], ['blue', expect.any(String), 8_000, null],
    ]);
    await clean();
  });
});
