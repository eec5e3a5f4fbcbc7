import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { onPostgres, startTestApp, type TestApp } from '../../../test/harness.ts';
import { createTenant, loginAs, type Tenant } from '../../../test/factories.ts';
import { identityViolations } from '../billing/test-bills.ts';
import { sweepOrders } from './online.service.ts';
import { day, month, paymentsKit } from './payments-test-kit.ts';
import type { SandboxProvider } from './providers/sandbox.provider.ts';

let t: TestApp;
let ours: Tenant;
let hq: string;
let cashier: string;
let resident: string;
let fee: string;
let rooms: string[];
let sandbox: SandboxProvider;
const k = paymentsKit(() => t);
const due = day(-3);

beforeAll(async () => {
  t = await startTestApp();
  ours = await createTenant(t);
  [hq, cashier, resident] = await loginAs(t, ours, 'hq_admin', 'cashier', 'resident');
  fee = await k.feeItem(hq, 'WYF');
  rooms = await k.rooms(hq, ours.projectA, '2', 4, '80');
  // the resident lives in the first three rooms; the fourth is a neighbour's
  await k.bindResident(ours, ours.projectA, rooms.slice(0, 3));
  sandbox = t.ctx.payProviders.get('sandbox') as SandboxProvider;
});
afterAll(async () => t?.close());

let monthCursor = -30;
const bill = (roomId: string, principalFen: number) => k.bill({ companyId: ours.companyId, projectId: ours.projectA, roomId, feeItemId: fee, month: month(monthCursor++), due, principalFen });
const order = (cookie: string, body: object, url = '/api/me/payment-orders') => t.app.inject({ method: 'POST', url, headers: { cookie }, payload: body as any });
const notify = (d: { url: string; headers: Record<string, string>; payload: string }) =>
  t.app.inject({ method: 'POST', url: new URL(d.url, 'http://x').pathname, headers: d.headers, payload: d.payload });
/** the provider took the money but stays silent: the test holds its signed notification */
async function paidSilently(outTradeNo: string, faults: { wrongAmount?: boolean; badSignature?: boolean } = {}) {
  const row = await sandbox.markPaid(outTradeNo, { silent: true });
  return sandbox.notification(row!, null, faults);
}
const paymentsOf = async (orderId: string) => k.rows(sql`select * from payments where order_id = ${orderId}`);

describe('online payment through the sandbox provider', () => {
  it('a resident orders selected bills, the signed notification posts them once, the receipt is theirs', async () => {
    const room = rooms[0]!;
    const [a, b] = [await bill(room, 5_000), await bill(room, 7_000)];
    const res = await order(resident, { roomId: room, billIds: [a, b] });
    expect(res.statusCode).toBe(200);
    const o = res.json();
    expect(o).toMatchObject({ amountFen: 12_000, status: 'pending', provider: 'sandbox' });
    expect(o.payUrl).toContain(`/sandbox/pay/${o.outTradeNo}`);
    expect(o.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const d = await paidSilently(o.outTradeNo);
    const ack = await notify(d);
    expect(ack.statusCode).toBeLessThan(300);
    const after = (await k.as(resident)('GET', `/api/me/payment-orders/${o.id}`)).json();
    expect(after).toMatchObject({ status: 'paid' });
    expect(after.receiptNumber).toMatch(/^SJ-/);
    expect(await k.outstanding(a)).toEqual({ principal: 0, lateFee: 0 });
    expect(await k.outstanding(b)).toEqual({ principal: 0, lateFee: 0 });
    const mine = (await k.as(resident)("GET", "/api/me/payments")).json();
    expect(mine.items.map((p: any) => p.id)).toEqual([after.paymentId]);
    expect(mine.items[0]).toMatchObject({ channel: 'online', provider: 'sandbox', cashierId: null });
    const pdf = await k.as(resident)('GET', `/api/me/payments/${after.paymentId}/receipt.pdf`);
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    // a second identical notification is a duplicate: still 2xx for the provider, nothing more posted
    expect((await notify(d)).statusCode).toBeLessThan(300);
    expect(await paymentsOf(o.id)).toHaveLength(1);
    const verdicts = (await k.rows(sql`select verdict from payment_notifications where out_trade_no = ${o.outTradeNo} order by received_at`)).map((r) => r.verdict);
    expect(verdicts).toEqual(['posted', 'duplicate']);
  });

  it('refuses a bad signature (401), a wrong amount and an unknown order; posts nothing and logs each for reconciliation', async () => {
    const room = rooms[1]!;
    const o = (await order(resident, { roomId: room, billIds: [await bill(room, 3_000)] })).json();
    const forged = await paidSilently(o.outTradeNo, { badSignature: true });
    expect((await notify(forged)).statusCode).toBe(401);
    const row = await sandbox.find(o.outTradeNo);
    const wrong = sandbox.notification(row!, null, { wrongAmount: true });
    expect((await notify(wrong)).statusCode).toBe(400);
    expect(await paymentsOf(o.id)).toHaveLength(0);
    const tampered = { ...sandbox.notification(row!, null) };
    tampered.payload = tampered.payload.replace('"', '"x');
    expect((await notify(tampered)).statusCode).toBeGreaterThanOrEqual(400);
    const verdicts = (await k.rows(sql`select verdict from payment_notifications where out_trade_no = ${o.outTradeNo} or (out_trade_no is null and received_at > now() - interval '1 minute')`)).map((r) => r.verdict);
    expect(verdicts).toEqual(expect.arrayContaining(['bad_signature', 'amount_mismatch']));
    // the right notification still posts afterwards
    expect((await notify(sandbox.notification(row!, null))).statusCode).toBeLessThan(300);
    expect(await paymentsOf(o.id)).toHaveLength(1);
  });

  it('a bill paid at the counter meanwhile: the online money goes to prepaid', async () => {
    const room = rooms[2]!;
    const b = await bill(room, 4_000);
    const o = (await order(resident, { roomId: room, billIds: [b], prepaidFen: 1_000 })).json();
    expect(o.amountFen).toBe(5_000);
    await t.app.inject({ method: 'POST', url: '/api/payments', headers: { cookie: cashier }, payload: { roomId: room, channel: 'cash', amountFen: 4_000, billIds: [b] } });
    await notify(await paidSilently(o.outTradeNo));
    const [p] = await paymentsOf(o.id);
    expect([Number(p.bills_fen), Number(p.prepaid_fen)]).toEqual([0, 5_000]);
    expect(await k.balances(room)).toEqual({ 'prepaid:general': 5_000 });
    expect(await k.invariantBreaks(ours.companyId)).toEqual([]);
    expect(await identityViolations(t, ours.companyId)).toEqual([]);
  });

  it('the sweep posts a paid order whose notification never came, and closes an expired unpaid one', async () => {
    const room = rooms[0]!;
    const silent = (await order(resident, { roomId: room, billIds: [await bill(room, 2_000)] })).json();
    const idle = (await order(resident, { roomId: room, billIds: [], prepaidFen: 500 })).json();
    await sandbox.markPaid(silent.outTradeNo, { silent: true });
    await k.exec(sql`update payment_orders set created_at = now() - interval '5 minutes' where id in (${silent.id}, ${idle.id})`);
    await k.exec(sql`update payment_orders set expires_at = now() - interval '1 minute' where id = ${idle.id}`);
    const r = await sweepOrders(t.ctx);
    expect(r.posted).toBeGreaterThanOrEqual(1);
    expect((await k.as(resident)('GET', `/api/me/payment-orders/${silent.id}`)).json().status).toBe('paid');
    expect((await k.as(resident)('GET', `/api/me/payment-orders/${idle.id}`)).json().status).toBe('closed');
    expect((await sandbox.find(idle.outTradeNo))!.status).toBe('CLOSED');
  });

  it('bad input and scope: a neighbour\'s room, nothing to pay, a paid bill, a staff order for another project', async () => {
    expect((await order(resident, { roomId: rooms[3]!, billIds: [], prepaidFen: 100 })).statusCode).toBe(404);
    expect((await order(resident, { roomId: rooms[0]!, billIds: [] })).json().error.details[0].message).toBe('nothing_to_pay');
    expect((await order(resident, { roomId: rooms[0]!, billIds: [], prepaidFen: -1 })).statusCode).toBe(400);
    const b = await bill(rooms[0]!, 100);
    await t.app.inject({ method: 'POST', url: '/api/payments', headers: { cookie: cashier }, payload: { roomId: rooms[0], channel: 'cash', amountFen: 100, billIds: [b] } });
    expect((await order(resident, { roomId: rooms[0]!, billIds: [b] })).json().error.details[0]).toMatchObject({ path: 'body.billIds.0', message: 'not_payable' });
    // the counter's QR order is a staff order of the room's project
    const qr = await order(cashier, { roomId: rooms[3]!, billIds: [], prepaidFen: 100 }, '/api/payments/orders');
    expect(qr.statusCode).toBe(200);
    expect((await k.as(cashier)('GET', `/api/payments/orders/${qr.json().id}`)).json().status).toBe('pending');
    expect((await k.as(resident)('GET', `/api/me/payment-orders/${qr.json().id}`)).statusCode).toBe(404);
  });

  it.runIf(onPostgres)('one notification replayed 1–20 times at once, interleaved with the query sweep, posts exactly one payment each time', { timeout: 120_000 }, async () => {
    const room = rooms[1]!;
    for (const copies of [1, 2, 3, 5, 8, 13, 20]) {
      const o = (await order(resident, { roomId: room, billIds: [], prepaidFen: 100 + copies })).json();
      const d = await paidSilently(o.outTradeNo);
      await k.exec(sql`update payment_orders set created_at = now() - interval '5 minutes' where id = ${o.id}`);
      const answers = await Promise.all([...Array.from({ length: copies }, () => notify(d)), sweepOrders(t.ctx).then(() => ({ statusCode: 200 }))]);
      expect(answers.every((a) => a.statusCode < 300)).toBe(true);
      expect(await paymentsOf(o.id)).toHaveLength(1);
      const posted = await k.rows(sql`select count(*)::int as n from payment_notifications where out_trade_no = ${o.outTradeNo} and verdict = 'posted'`);
      expect(posted[0].n).toBe(1);
    }
    expect(await k.invariantBreaks(ours.companyId)).toEqual([]);
  });
});
