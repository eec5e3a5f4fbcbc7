import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../../test/harness.ts';
import { secretsFrom } from '../../../lib/secrets.ts';
import { businessNow } from '../../../lib/time.ts';
import { sandboxPayOrders } from '../payments.table.ts';
import { NotificationRejected, ProviderError } from './provider.ts';
import { RETRY_SCHEDULE_SECONDS } from './sandbox.jobs.ts';
import { SandboxProvider } from './sandbox.provider.ts';

/**
 * The sandbox provider end to end inside one app (JOBS=0: notifications go out in process): its books,
 * its pay page, the signed WeChat-v3-shaped notifications it posts through the loopback, every fault,
 * WeChat's retry schedule (scaled down), refunds and the daily statement in WeChat's bill layout.
 */
const require = createRequire(import.meta.url);
const { Formatter } = require('wechatpay-axios-plugin') as any;

let t: TestApp;
let sbx: SandboxProvider;
type Call = { url: string; headers: Record<string, string>; payload: string; at: number };
let calls: Call[];
let answers: number[];
const SCALE = 0.00002; // 15 s → 0.3 ms; the whole schedule ≈ 1.6 s
const NOTIFY = 'http://wuye.test/api/payments/notify/sandbox';

beforeAll(async () => {
  t = await startTestApp({ env: { PAY_SANDBOX_RETRY_SCALE: String(SCALE) } });
  sbx = t.ctx.payProviders.get('sandbox') as SandboxProvider;
});
afterAll(async () => t?.close());
beforeEach(() => {
  calls = []; answers = [];
  t.ctx.loopback = async (r) => { calls.push({ ...r, at: Date.now() }); return { statusCode: answers.shift() ?? 204, body: '' }; };
});

let seq = 0;
async function order(over: { amountFen?: number; expiresAt?: Date; returnUrl?: string; description?: string } = {}) {
  const outTradeNo = `SBT${Date.now()}${seq++}${randomBytes(2).toString('hex')}`;
  const r = await sbx.createOrder({
    outTradeNo, amountFen: over.amountFen ?? 12345, description: over.description ?? '阳光花园 1-1-101 物业费',
    expiresAt: over.expiresAt ?? new Date(Date.now() + 15 * 60_000), notifyUrl: `${NOTIFY}?v=1`, ...(over.returnUrl ? { returnUrl: over.returnUrl } : {}),
  });
  return { outTradeNo, payUrl: r.payUrl };
}
const pay = (no: string, faults: Record<string, unknown> = {}) => t.app.inject({ method: 'POST', url: `/sandbox/pay/${no}/pay`, payload: faults });
const verify = (c: Call) => sbx.verifyNotification({ headers: c.headers, rawBody: c.payload });
const until = async (cond: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
};
async function rejection(p: Promise<unknown>) {
  try { await p; } catch (e) { if (e instanceof NotificationRejected) return e.reason; throw e; }
  return 'accepted';
}

describe('sandbox provider', () => {
  it('create → pay → a signed TRANSACTION.SUCCESS arrives at the notify URL and verifies', async () => {
    const { outTradeNo, payUrl } = await order();
    expect(payUrl).toBe(`http://wuye.test/sandbox/pay/${outTradeNo}`);
    expect(await sbx.queryOrder(outTradeNo)).toMatchObject({ status: 'pending', amountFen: 12345 });
    const res = await pay(outTradeNo);
    expect(res.statusCode).toBe(200);
    const txn = res.json().transactionId;
    expect(txn).toMatch(/^SBX\d{26}$/);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('/api/payments/notify/sandbox?v=1');
    expect(calls[0]!.headers).toMatchObject({ 'wechatpay-serial': sbx.keys.serial, 'wechatpay-signature-type': 'WECHATPAY2-SHA256-HMAC' });
    const env = JSON.parse(calls[0]!.payload);
    expect(env).toMatchObject({ event_type: 'TRANSACTION.SUCCESS', resource_type: 'encrypt-resource', resource: { algorithm: 'AEAD_AES_256_GCM', original_type: 'transaction' } });
    expect(calls[0]!.payload).not.toContain(outTradeNo); // encrypted
    expect(await verify(calls[0]!)).toMatchObject({ kind: 'payment', merchantId: '1900000001', outTradeNo, providerTxnId: txn, amountFen: 12345, success: true });
    expect(await sbx.queryOrder(outTradeNo)).toMatchObject({ status: 'paid', providerTxnId: txn, amountFen: 12345 });
    const [row] = await t.ctx.database.db.select().from(sandboxPayOrders).where(eq(sandboxPayOrders.outTradeNo, outTradeNo));
    expect(row).toMatchObject({ status: 'SUCCESS', notifyAttempts: 1 });
    expect(row!.notifiedAt).not.toBeNull();
    expect((await pay(outTradeNo)).statusCode).toBe(409); // paid once
  });

  it('refuses a notification another secret signed, a stale one, and one with its body changed', async () => {
    const { outTradeNo } = await order();
    await pay(outTradeNo);
    const c = calls[0]!;
    const stranger = new SandboxProvider(t.ctx.database, secretsFrom(randomBytes(32)));
    expect(await rejection(stranger.verifyNotification({ headers: c.headers, rawBody: c.payload }))).toBe('bad_signature'); // other serial
    expect(await rejection(stranger.verifyNotification({ headers: { ...c.headers, 'wechatpay-serial': stranger.keys.serial }, rawBody: c.payload }))).toBe('bad_signature');
    expect(await rejection(verify({ ...c, payload: c.payload.replace('"支付成功"', '"支付成功!"') }))).toBe('bad_signature');
    const later = new SandboxProvider(t.ctx.database, t.ctx.secrets, () => Date.now() + 6 * 60_000);
    expect(await rejection(later.verifyNotification({ headers: c.headers, rawBody: c.payload }))).toBe('stale');
    expect(await rejection(verify({ ...c, headers: { ...c.headers, 'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048' } }))).toBe('bad_signature');
  });

  it('faults: duplicates, wrong amount, bad signature (first attempt), silent, delay', async () => {
    const dup = await order();
    await pay(dup.outTradeNo, { duplicates: 3 });
    expect(calls).toHaveLength(4);
    expect(new Set(calls.map((c) => c.payload)).size).toBe(1);
    expect(new Set(calls.map((c) => c.headers['wechatpay-signature'])).size).toBe(1);

    calls = [];
    const wrong = await order({ amountFen: 500 });
    await pay(wrong.outTradeNo, { wrongAmount: true });
    expect(await verify(calls[0]!)).toMatchObject({ amountFen: 501 }); // correctly signed, wrong amount
    expect(await sbx.queryOrder(wrong.outTradeNo)).toMatchObject({ amountFen: 500 });

    calls = []; answers = [401];
    const bad = await order();
    await pay(bad.outTradeNo, { badSignature: true });
    await until(() => calls.length >= 2);
    expect(await rejection(verify(calls[0]!))).toBe('bad_signature');
    expect(await verify(calls[1]!)).toMatchObject({ outTradeNo: bad.outTradeNo }); // the retry is signed properly

    calls = [];
    const silent = await order();
    await pay(silent.outTradeNo, { silent: true });
    await new Promise((r) => setTimeout(r, 200));
    expect(calls).toHaveLength(0);
    expect(await sbx.queryOrder(silent.outTradeNo)).toMatchObject({ status: 'paid' }); // the query sweep finds it

    calls = [];
    const late = await order();
    const started = Date.now();
    await pay(late.outTradeNo, { delaySeconds: 1 });
    expect(calls).toHaveLength(0);
    await until(() => calls.length >= 1, 3000);
    expect(calls[0]!.at - started).toBeGreaterThanOrEqual(950);
  });

  it('retries on WeChat\'s schedule while the answer is not 2xx, and stops at the first 2xx', async () => {
    const { outTradeNo } = await order();
    answers = [500, 503, 404];
    await pay(outTradeNo);
    await until(() => calls.length >= 4);
    await new Promise((r) => setTimeout(r, 100));
    expect(calls).toHaveLength(4);
    const gaps = calls.slice(1).map((c, i) => c.at - calls[i]!.at);
    expect(gaps[2]!).toBeGreaterThanOrEqual(Math.floor(RETRY_SCHEDULE_SECONDS[2]! * 1000 * SCALE)); // 30 s scaled
    const [row] = await t.ctx.database.db.select().from(sandboxPayOrders).where(eq(sandboxPayOrders.outTradeNo, outTradeNo));
    expect(row!.notifyAttempts).toBe(4);
    // every attempt is signed afresh (new timestamp and nonce) and verifies
    for (const c of calls) expect((await verify(c)).outTradeNo).toBe(outTradeNo);

    calls = []; answers = Array(100).fill(500);
    const never = await order();
    await pay(never.outTradeNo);
    await until(() => calls.length >= 1 + RETRY_SCHEDULE_SECONDS.length, 8000);
    await new Promise((r) => setTimeout(r, 300));
    expect(calls).toHaveLength(1 + RETRY_SCHEDULE_SECONDS.length); // 16 deliveries, like WeChat's 15 retries
  });

  it('the pay page: escaped, self-contained, ids for e2e; pays by form and goes back to returnUrl; closed orders cannot be paid', async () => {
    const { outTradeNo } = await order({ description: '<script>alert(1)</script> 物业费', returnUrl: 'http://wuye.test/m/resident/bills?paid=1', amountFen: 8050 });
    const page = await t.app.inject({ method: 'GET', url: `/sandbox/pay/${outTradeNo}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.body).not.toContain('<script>');
    for (const id of ['sandbox-pay', 'sandbox-cancel', 'sandbox-options']) expect(page.body).toContain(`id="${id}"`);
    expect(page.body).toContain('¥80.50');
    expect(page.body).toContain('<svg');
    expect(page.body).toContain('href="http://wuye.test/m/resident/bills?paid=1"'); // 取消 goes back too

    const form = await t.app.inject({ method: 'POST', url: `/sandbox/pay/${outTradeNo}/pay`, headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'duplicates=0&delaySeconds=&wrongAmount=1' });
    expect(form.statusCode).toBe(303);
    expect(form.headers.location).toBe('http://wuye.test/m/resident/bills?paid=1');
    expect(await verify(calls[0]!)).toMatchObject({ amountFen: 8051 });
    const again = await t.app.inject({ method: 'GET', url: `/sandbox/pay/${outTradeNo}` });
    expect(again.body).toContain('data-state="already_paid"');

    const bad = await t.app.inject({ method: 'POST', url: `/sandbox/pay/${outTradeNo}/pay`, payload: { duplicates: 21 } });
    expect(bad.statusCode).toBe(400);

    const expired = await order({ expiresAt: new Date(Date.now() - 1000) });
    expect((await t.app.inject({ method: 'GET', url: `/sandbox/pay/${expired.outTradeNo}` })).statusCode).toBe(409);
    expect((await pay(expired.outTradeNo)).statusCode).toBe(409);
    expect(await sbx.queryOrder(expired.outTradeNo)).toMatchObject({ status: 'closed' });

    const closed = await order();
    await sbx.closeOrder(closed.outTradeNo);
    expect(await sbx.queryOrder(closed.outTradeNo)).toMatchObject({ status: 'closed' });
    const closedForm = await t.app.inject({ method: 'POST', url: `/sandbox/pay/${closed.outTradeNo}/pay`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    expect(closedForm.statusCode).toBe(409);
    expect(closedForm.body).toContain('data-state="closed"');
    expect((await t.app.inject({ method: 'GET', url: '/sandbox/pay/NOSUCHORDER1' })).statusCode).toBe(404);
    expect(await sbx.queryOrder('NOSUCHORDER1')).toEqual({ status: 'not_found' });
    await expect(sbx.closeOrder('NOSUCHORDER1')).rejects.toBeInstanceOf(ProviderError);
  });

  it('createOrder is idempotent for the same order and refuses a reused number', async () => {
    const { outTradeNo } = await order({ amountFen: 100 });
    const again = await t.ctx.database.db.transaction((tx) => sbx.createOrder({ outTradeNo, amountFen: 100, description: 'x', expiresAt: new Date(Date.now() + 60_000), notifyUrl: `${NOTIFY}?v=1` }, { tx }));
    expect(again.payUrl).toContain(outTradeNo);
    await expect(sbx.createOrder({ outTradeNo, amountFen: 101, description: 'x', expiresAt: new Date(Date.now() + 60_000), notifyUrl: `${NOTIFY}?v=1` }))
      .rejects.toMatchObject({ code: 'OUT_TRADE_NO_USED' });
  });

  it('refunds immediately with a REFUND.SUCCESS notification; never more than was paid', async () => {
    const { outTradeNo } = await order({ amountFen: 1000 });
    const txn = (await pay(outTradeNo)).json().transactionId;
    calls = [];
    const r = await sbx.refund({ outTradeNo, providerTxnId: txn, outRefundNo: `R${outTradeNo}`, refundFen: 300, totalFen: 1000, reason: '多缴' });
    expect(r).toMatchObject({ status: 'succeeded' });
    expect(r.providerRefundId).toMatch(/^SBXR/);
    await until(() => calls.length >= 1);
    expect(await verify(calls[0]!)).toMatchObject({ kind: 'refund', outTradeNo, providerTxnId: txn, outRefundNo: `R${outTradeNo}`, providerRefundId: r.providerRefundId, amountFen: 300, success: true });
    expect(await sbx.refund({ outTradeNo, providerTxnId: txn, outRefundNo: `R${outTradeNo}`, refundFen: 300, totalFen: 1000, reason: '多缴' })).toEqual(r); // same number: same answer
    await expect(sbx.refund({ outTradeNo, providerTxnId: txn, outRefundNo: `R2${outTradeNo}`, refundFen: 701, totalFen: 1000, reason: 'x' })).rejects.toMatchObject({ code: 'NOT_ENOUGH' });
    expect(await sbx.refund({ outTradeNo, providerTxnId: txn, outRefundNo: `R3${outTradeNo}`, refundFen: 700, totalFen: 1000, reason: 'x' })).toMatchObject({ status: 'succeeded' });
    expect(await sbx.queryOrder(outTradeNo)).toMatchObject({ status: 'refunded' });
    const unpaid = await order();
    await expect(sbx.refund({ outTradeNo: unpaid.outTradeNo, providerTxnId: 'x', outRefundNo: `R${unpaid.outTradeNo}`, refundFen: 1, totalFen: 12345, reason: 'x' }))
      .rejects.toMatchObject({ code: 'TRADE_NOT_PAID' });
  });

  it('the day\'s statement parses with the SDK\'s trade-bill reader, one row per payment and refund', async () => {
    const a = await order({ amountFen: 2000 });
    const b = await order({ amountFen: 35 });
    const ta = (await pay(a.outTradeNo)).json().transactionId;
    await pay(b.outTradeNo);
    await sbx.refund({ outTradeNo: a.outTradeNo, providerTxnId: ta, outRefundNo: `R${a.outTradeNo}`, refundFen: 500, totalFen: 2000, reason: 'x' });
    const date = businessNow().format('YYYY-MM-DD');
    const res = await t.app.inject({ method: 'GET', url: `/sandbox/pay/statement?date=${date}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const { rows, summary } = Formatter.castCsvBill(Buffer.from(res.body, 'utf8'));
    const mine = rows.filter((r: any) => r['商户订单号'] === a.outTradeNo || r['商户订单号'] === b.outTradeNo);
    expect(mine).toHaveLength(3);
    expect(mine.find((r: any) => r['商户订单号'] === b.outTradeNo)).toMatchObject({ 交易状态: 'SUCCESS', 应结订单总金额: '0.35', 商户号: '1900000001', 交易类型: 'NATIVE' });
    expect(mine.find((r: any) => r['交易状态'] === 'REFUND')).toMatchObject({ 微信订单号: ta, 商户退款单号: `R${a.outTradeNo}`, 退款金额: '5.00', 退款状态: 'SUCCESS' });
    expect(Number(summary['总交易单数'])).toBe(rows.length);
    const cents = (s: string) => Math.round(Number(s) * 100);
    expect(cents(summary['应结订单总金额'])).toBe(rows.filter((r: any) => r['交易状态'] === 'SUCCESS').reduce((s: number, r: any) => s + cents(r['应结订单总金额']), 0));
    expect(cents(summary['退款总金额'])).toBe(rows.filter((r: any) => r['交易状态'] === 'REFUND').reduce((s: number, r: any) => s + cents(r['退款金额']), 0));
    expect((await t.app.inject({ method: 'GET', url: '/sandbox/pay/statement?date=2026-13-01' })).statusCode).toBe(400);
    const empty = await t.app.inject({ method: 'GET', url: '/sandbox/pay/statement?date=2001-01-01' });
    expect(Formatter.castCsvBill(Buffer.from(empty.body, 'utf8'))).toMatchObject({ rows: [], summary: { 总交易单数: '0' } });
  });
});
