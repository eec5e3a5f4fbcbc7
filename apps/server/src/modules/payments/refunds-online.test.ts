import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { createTenant, loginAs, type Tenant } from '../../../test/factories.ts';
import { identityViolations } from '../billing/test-bills.ts';
import { day, month, paymentsKit } from './payments-test-kit.ts';
import type { PayProviders } from './providers/registry.ts';
import type { RefundResult } from './providers/provider.ts';
import { settleRefundNotification, sweepRefunds } from './refunds-post.ts';
import { processingRefunds } from './refunds.service.ts';
import { fakeProvider, refundKit } from './refunds-test-kit.ts';

let t: TestApp;
let ours: Tenant;
let hq: string;
let cashier: string;
let pm: string;
let fee: string;
let rooms: string[];
let realProviders: PayProviders;
const k = paymentsKit(() => t);
const rk = refundKit(() => t);

beforeAll(async () => {
  t = await startTestApp();
  realProviders = t.ctx.payProviders;
  ours = await createTenant(t);
  [hq, cashier, pm] = await loginAs(t, ours, 'hq_admin', 'cashier', 'project_manager');
  fee = await k.feeItem(hq, 'WYF');
  rooms = await k.rooms(hq, ours.projectA, '1', 10);
});
afterEach(() => { t.ctx.payProviders = realProviders; });
afterAll(async () => t?.close());

const post = (cookie: string, url: string, body: object) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload: body as any });
const approve = (r: { id: string; version: number }) => post(pm, `/api/refunds/${r.id}/approve`, { version: r.version });
const useProvider = (answer: (call: number) => RefundResult | Promise<RefundResult>) => {
  const fake = fakeProvider((_i, n) => answer(n));
  t.ctx.payProviders = { active: 'sandbox', get: (name) => (name === 'sandbox' ? fake.provider : null) };
  return fake;
};
/** a room with a 100 元 bill paid online with 120 元 (20 into prepaid), and a refund of `amountFen` requested back to the original channel */
async function onlineRefund(room: string, amountFen: number) {
  await k.bill({ companyId: ours.companyId, projectId: ours.projectA, roomId: room, feeItemId: fee, month: month(-1), due: day(-3), principalFen: 10_000 });
  const pay = await rk.onlinePayment(ours.companyId, ours.projectA, room, 12_000);
  const r = await post(cashier, `/api/payments/${pay.paymentId}/refunds`, { amountFen, channel: 'original', reason: '线上退款' });
  expect(r.statusCode, r.body).toBe(200);
  return { ...pay, refund: r.json() };
}
const refundRow = async (id: string) => (await rk.rows(sql`select status, fail_reason, provider_refund_id from refunds where id = ${id}`))[0];
const postedFen = async (paymentId: string) => Number((await rk.rows(sql`select refunded_fen::bigint as f from payments where id = ${paymentId}`))[0].f);
const clean = async () => {
  expect(await identityViolations(t, ours.companyId)).toEqual([]);
  expect(await k.invariantBreaks(ours.companyId)).toEqual([]);
};

describe('refunds back to the original online channel', () => {
  it('asks the provider after the approval commits and posts on its success', async () => {
    const fake = useProvider(() => ({ status: 'succeeded', providerRefundId: 'RFD-1' }));
    const { refund, paymentId, outTradeNo, providerTxnId } = await onlineRefund(rooms[0]!, 5_000);
    const res = await approve(refund);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'succeeded', providerRefundId: 'RFD-1', channel: 'original' });
    expect(fake.calls).toEqual([{ outTradeNo, providerTxnId, outRefundNo: refund.outRefundNo, refundFen: 5_000, totalFen: 12_000, reason: '线上退款' }]);
    expect(await postedFen(paymentId)).toBe(5_000);
    expect((await rk.entriesOf(refund.id)).map((e) => [e.kind, e.account, Number(e.fen)])).toEqual([['refund', 'prepaid', -2_000], ['reversal', 'receivable', 3_000]]);
    await clean();
  });

  it('a provider that says processing leaves it processing; the notification posts it once, replays are duplicates, the sweep does nothing more', async () => {
    useProvider(() => ({ status: 'processing' }));
    const { refund, paymentId, outTradeNo } = await onlineRefund(rooms[1]!, 12_000);
    expect((await approve(refund)).json().status).toBe('processing');
    expect(await rk.entriesOf(refund.id)).toEqual([]);
    // while processing, its money is spoken for
    const more = await post(cashier, `/api/payments/${paymentId}/refunds`, { amountFen: 1, channel: 'cash', reason: 'x' });
    expect(more.json().error.details[0].maxFen).toBe(0);

    const v = { kind: 'refund' as const, merchantId: 'fake', outTradeNo, providerTxnId: 'x', amountFen: 12_000, success: true, outRefundNo: refund.outRefundNo, providerRefundId: 'RFD-2' };
    expect((await settleRefundNotification(t.ctx.database.db, t.ctx, { ...v, amountFen: 11_999 })).verdict).toBe('amount_mismatch');
    expect((await settleRefundNotification(t.ctx.database.db, t.ctx, { ...v, outRefundNo: 'RFNOPE' })).verdict).toBe('unknown_order');
    expect((await settleRefundNotification(t.ctx.database.db, t.ctx, { ...v, outTradeNo: 'OTHER' })).verdict).toBe('unknown_order');
    const verdicts = await Promise.all(Array.from({ length: 5 }, () => settleRefundNotification(t.ctx.database.db, t.ctx, v)));
    expect(verdicts.map((x) => x.verdict).sort()).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate', 'refund_updated']);
    expect(verdicts[0]).toMatchObject({ refundId: refund.id, companyId: ours.companyId, paymentId });
    useProvider(() => ({ status: 'succeeded' }));
    expect(await sweepRefunds(t.ctx.database.db, t.ctx, [refund.id])).toBe(0);
    expect(await refundRow(refund.id)).toMatchObject({ status: 'succeeded', provider_refund_id: 'RFD-2' });
    expect(await postedFen(paymentId)).toBe(12_000);
    expect((await rk.entriesOf(refund.id)).length).toBe(2);
    await clean();
  });

  it('the sweep finishes what the provider left processing or never heard about (network down), posting exactly once even beside a notification', async () => {
    let down = true;
    const fake = useProvider(() => { if (down) throw Object.assign(new Error('connect ETIMEDOUT'), { code: 'NETWORK' }); return { status: 'succeeded', providerRefundId: 'RFD-3' }; });
    const { refund, paymentId, outTradeNo } = await onlineRefund(rooms[2]!, 3_000);
    expect((await approve(refund)).json().status).toBe('processing');
    // not old enough for the sweep yet
    expect((await processingRefunds(t.ctx.database.db)).map((r) => r.id)).not.toContain(refund.id);
    expect((await processingRefunds(t.ctx.database.db, 50, 0)).map((r) => r.id)).toContain(refund.id);
    expect(await sweepRefunds(t.ctx.database.db, t.ctx, [refund.id])).toBe(0);
    expect((await refundRow(refund.id)).status).toBe('processing');
    down = false;
    const v = { kind: 'refund' as const, merchantId: 'fake', outTradeNo, providerTxnId: 'x', amountFen: 3_000, success: true, outRefundNo: refund.outRefundNo };
    const [swept, note] = await Promise.all([sweepRefunds(t.ctx.database.db, t.ctx, [refund.id]), settleRefundNotification(t.ctx.database.db, t.ctx, v)]);
    expect(swept + (note.verdict === 'refund_updated' ? 1 : 0)).toBe(1);
    expect(fake.calls.every((c) => c.outRefundNo === refund.outRefundNo)).toBe(true);
    expect(await postedFen(paymentId)).toBe(3_000);
    expect((await rk.entriesOf(refund.id)).length).toBe(2);
    await clean();
  });

  it('a refusal fails it with the reason, posts nothing and holds nothing', async () => {
    useProvider((n) => (n === 1 ? { status: 'failed', failReason: '用户账户异常' } : Promise.reject(Object.assign(new Error('退款金额超过可退金额'), { code: 'NOT_ENOUGH', httpStatus: 400 }))));
    const { refund, paymentId } = await onlineRefund(rooms[3]!, 4_000);
    const res = await approve(refund);
    expect(res.json()).toMatchObject({ status: 'failed', failReason: '用户账户异常' });
    expect(await rk.entriesOf(refund.id)).toEqual([]);
    expect(await postedFen(paymentId)).toBe(0);
    const again = (await post(cashier, `/api/payments/${paymentId}/refunds`, { amountFen: 12_000, channel: 'original', reason: '重新申请' })).json();
    const res2 = await approve(again);
    expect(res2.json()).toMatchObject({ status: 'failed', failReason: 'NOT_ENOUGH：退款金额超过可退金额' });
    const audit = await rk.rows(sql`select action from audit_log where entity_id = ${refund.id} order by created_at`);
    expect(audit.map((a) => a.action)).toEqual(['payment.refund_requested', 'payment.refund_approved', 'payment.refund_failed']);
    await clean();
  });

  it('a rate-limited refund (429, FREQUENCY_LIMITED) stays processing and the sweep finishes it later', async () => {
    let limited = true;
    useProvider(() => (limited
      ? Promise.reject(Object.assign(new Error('频率超限'), { code: 'FREQUENCY_LIMITED', httpStatus: 429 }))
      : { status: 'succeeded', providerRefundId: 'RFD-4' }));
    const { refund, paymentId } = await onlineRefund(rooms[6]!, 2_000);
    expect((await approve(refund)).json().status).toBe('processing');
    expect(await rk.entriesOf(refund.id)).toEqual([]);
    limited = false;
    expect(await sweepRefunds(t.ctx.database.db, t.ctx, [refund.id])).toBe(1);
    expect(await refundRow(refund.id)).toMatchObject({ status: 'succeeded', provider_refund_id: 'RFD-4' });
    expect(await postedFen(paymentId)).toBe(2_000);
    await clean();
  });

  it("Alipay's refund notification carries the trade's refunded total: the second partial refund is settled, not an amount mismatch", async () => {
    useProvider(() => ({ status: 'processing' }));
    const { refund: first, paymentId, outTradeNo } = await onlineRefund(rooms[7]!, 3_000);
    expect((await approve(first)).json().status).toBe('processing');
    const second = (await post(cashier, `/api/payments/${paymentId}/refunds`, { amountFen: 2_000, channel: 'original', reason: '再退一部分' })).json();
    expect((await approve(second)).json().status).toBe('processing');
    const v = { kind: 'refund' as const, merchantId: 'fake', outTradeNo, providerTxnId: 'x', success: true, cumulative: true };
    const settle = (outRefundNo: string, amountFen: number) => settleRefundNotification(t.ctx.database.db, t.ctx, { ...v, outRefundNo, amountFen });
    // a total below this refund, or above all live refunds of the payment, cannot be right
    expect((await settle(second.outRefundNo, 1_999)).verdict).toBe('amount_mismatch');
    expect((await settle(second.outRefundNo, 5_001)).verdict).toBe('amount_mismatch');
    // in either order: the second's notification says 5,000 in all, the first's 3,000 (or 5,000 when it comes late)
    expect((await settle(second.outRefundNo, 5_000)).verdict).toBe('refund_updated');
    expect((await settle(first.outRefundNo, 5_000)).verdict).toBe('refund_updated');
    expect((await settle(first.outRefundNo, 3_000)).verdict).toBe('duplicate');
    expect(await postedFen(paymentId)).toBe(5_000);
    await clean();
  });

  it('refuses the original channel when its provider is not configured (409, nothing moves)', async () => {
    t.ctx.payProviders = { active: 'sandbox', get: () => null };
    const { refund } = await onlineRefund(rooms[4]!, 1_000);
    const res = await approve(refund);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toEqual([{ path: 'channel', message: 'provider_unavailable' }]);
    expect((await refundRow(refund.id)).status).toBe('requested');
  });

  it('through the built-in sandbox provider: refunded there, posted here once (its later notification is a duplicate)', async () => {
    const room = rooms[5]!;
    await k.bill({ companyId: ours.companyId, projectId: ours.projectA, roomId: room, feeItemId: fee, month: month(-1), due: day(-3), principalFen: 10_000 });
    const pay = await rk.onlinePayment(ours.companyId, ours.projectA, room, 10_000);
    const sandbox = t.ctx.payProviders.get('sandbox');
    expect(sandbox, 'the sandbox provider is on in tests').not.toBeNull();
    await k.exec(sql`insert into sandbox_pay_orders (id, merchant_id, out_trade_no, amount_fen, description, notify_url, status, transaction_id, expires_at, paid_at)
      values (uuid_v7(), ${sandbox!.merchantId}, ${pay.outTradeNo}, 10000, '物业费', 'http://127.0.0.1/api/payments/notify/sandbox', 'SUCCESS', ${pay.providerTxnId}, now() + interval '1 hour', now())`);
    const r = (await post(cashier, `/api/payments/${pay.paymentId}/refunds`, { amountFen: 2_500, channel: 'original', reason: '沙箱退款' })).json();
    const res = await approve(r);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('succeeded');
    expect(res.json().providerRefundId).toBeTruthy();
    const [sb] = await rk.rows(sql`select amount_fen::bigint as fen, status from sandbox_pay_refunds where out_refund_no = ${r.outRefundNo}`);
    expect([Number(sb.fen), sb.status]).toEqual([2_500, 'SUCCESS']);
    // the sandbox notifies a moment later; whatever arrives, the refund stays posted once
    await new Promise((ok) => setTimeout(ok, 500));
    const notes = await rk.rows(sql`select verdict from payment_notifications where kind = 'refund' and out_trade_no = ${pay.outTradeNo}`);
    for (const n of notes) expect(n.verdict).toBe('duplicate');
    expect(await postedFen(pay.paymentId)).toBe(2_500);
    expect((await rk.entriesOf(r.id)).map((e) => [e.kind, Number(e.fen)])).toEqual([['reversal', 2_500]]);
    await clean();
  });
});
