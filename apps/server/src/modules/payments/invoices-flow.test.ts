import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { createTenant, loginAs, type Tenant } from '../../../test/factories.ts';
import { issueInvoice } from './einvoice/issue.ts';
import { day, month, paymentsKit } from './payments-test-kit.ts';

/**
 * Invoices over the real counter and the real refunds: a cash payment (bills + prepaid remainder) is
 * invoiced for its bills only; a partial refund approved later red-letters the invoice and re-invoices
 * the rest; a voided payment is neither offered nor invoiceable.
 */
let t: TestApp;
let ours: Tenant;
let hq: string, cashier: string, pm: string;
let fee: string;
let rooms: string[];
const k = paymentsKit(() => t);
const post = (cookie: string, url: string, body: object, key?: string) => t.app.inject({
  method: 'POST', url, headers: { cookie, ...(key ? { 'idempotency-key': key } : {}) }, payload: body as any,
});
const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

beforeAll(async () => {
  t = await startTestApp();
  ours = await createTenant(t);
  [hq, cashier, pm] = await loginAs(t, ours, 'hq_admin', 'cashier', 'project_manager');
  fee = await k.feeItem(hq, 'WYF');
  rooms = await k.rooms(hq, ours.projectA, '1', 2);
});
afterAll(async () => t?.close());

describe('invoices with the counter and refunds', () => {
  it('a counter payment is invoiced for its bills; a partial refund red-letters it and the rest is re-invoiced', async () => {
    const room = rooms[0]!;
    await k.bill({ companyId: ours.companyId, projectId: ours.projectA, roomId: room, feeItemId: fee, month: month(-2), due: day(-20), principalFen: 8_000 });
    await k.bill({ companyId: ours.companyId, projectId: ours.projectA, roomId: room, feeItemId: fee, month: month(-1), due: day(-5), principalFen: 4_000 });
    const pay = await post(cashier, '/api/payments', { roomId: room, channel: 'cash', amountFen: 15_000, prepayRemainder: true }, 'flow-pay-000001');
    expect(pay.statusCode, pay.body).toBeLessThan(300);
    const paymentId = pay.json().id;

    const offered = (await get(cashier, `/api/invoices/invoiceable?roomId=${room}`)).json().items;
    expect(offered).toEqual([expect.objectContaining({ paymentId, amountFen: 15_000, prepaidFen: 3_000, invoiceableFen: 12_000 })]);
    const blue = (await post(cashier, '/api/invoices', { paymentIds: [paymentId], buyerType: 'personal', buyerName: '王五' }, 'flow-inv-000001')).json();
    expect(blue).toMatchObject({ status: 'issued', amountFen: 12_000, taxFen: 679 }); // 12,000 × 6/106 = 679.25
    expect(blue.payments[0].receiptNumber).toBe(pay.json().receipt.number);

    // 5,000 back: the 3,000 prepaid part first, then 2,000 from the newest bill
    const req = await post(cashier, `/api/payments/${paymentId}/refunds`, { amountFen: 5_000, channel: 'cash', reason: '多收退回' }, 'flow-ref-000001');
    expect(req.statusCode, req.body).toBeLessThan(300);
    const ok = await post(pm, `/api/refunds/${req.json().id}/approve`, { version: req.json().version });
    expect(ok.statusCode, ok.body).toBe(200);

    const after = (await get(cashier, `/api/invoices/${blue.id}`)).json();
    expect(after).toMatchObject({ status: 'reversed' });
    const redId = after.reversedBy as string;
    const [next] = await k.rows(sql`select i.id from invoices i join invoice_payments ip on ip.invoice_id = i.id
      where ip.payment_id = ${paymentId} and ip.active and i.kind = 'blue'`);
    // no jobs in tests: the refund's transaction left them requested; the job's work, by hand
    expect(await issueInvoice(t.ctx, redId)).toBe('issued');
    expect(await issueInvoice(t.ctx, next.id)).toBe('issued');
    expect((await get(cashier, `/api/invoices/${redId}`)).json()).toMatchObject({ kind: 'red', status: 'issued', amountFen: -12_000, taxFen: -679 });
    expect((await get(cashier, `/api/invoices/${next.id}`)).json()).toMatchObject({ kind: 'blue', status: 'issued', amountFen: 10_000, taxFen: 566, buyerName: '王五' });
    const actions = (await k.rows(sql`select action from audit_log where company_id = ${ours.companyId} and action like 'payment.invoice%' order by created_at, id`)).map((r) => r.action);
    expect(actions).toEqual(['payment.invoice_requested', 'payment.invoice_issued', 'payment.invoice_reversed', 'payment.invoice_requested', 'payment.invoice_issued', 'payment.invoice_issued']);
  });

  it('a voided counter payment is not offered and cannot be invoiced', async () => {
    const room = rooms[1]!;
    await k.bill({ companyId: ours.companyId, projectId: ours.projectA, roomId: room, feeItemId: fee, month: month(-1), due: day(-5), principalFen: 1_000 });
    const pay = (await post(cashier, '/api/payments', { roomId: room, channel: 'cash', amountFen: 1_000 }, 'flow-pay-000002')).json();
    const v = await post(pm, `/api/payments/${pay.id}/void`, { reason: '录错', version: pay.version });
    expect(v.statusCode, v.body).toBe(200);
    expect((await get(cashier, `/api/invoices/invoiceable?roomId=${room}`)).json().items).toEqual([]);
    const res = await post(cashier, '/api/invoices', { paymentIds: [pay.id], buyerType: 'personal', buyerName: '王五' });
    expect(res.statusCode).toBe(409);
  });
});
