import { createSign, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AlipaySdk } from 'alipay-sdk';
import { AlipayProvider, responseSignContent, signContent } from './alipay.ts';
import { NotificationRejected } from './provider.ts';

/**
 * The Alipay adapter proved against Alipay's own Node SDK (alipay-sdk): a notification its signer
 * produced is accepted by us, notifications signed as Alipay documents them are accepted by both us
 * and the SDK's checkNotifySign / checkNotifySignV2, tampered ones are refused by both; our request
 * signature is byte-identical to the SDK's (RSA PKCS#1 v1.5 is deterministic) and verifies with its
 * rsaCheck; responses verify like its checkResponseSign.
 */
const pair = () => generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
const app = pair(); // the merchant's app key
const ali = pair(); // Alipay's own key (it signs notifications and responses)
const other = pair();
const APP_ID = '2021000123456789';

const ours = (extra: Partial<ConstructorParameters<typeof AlipayProvider>[0]> = {}) =>
  new AlipayProvider({ appId: APP_ID, privateKey: app.privateKey, alipayPublicKey: ali.publicKey, gateway: 'https://openapi.alipay.test/gateway.do', ...extra });
/** the SDK as a merchant configures it: verifies what Alipay signed */
const merchantSdk = new AlipaySdk({ appId: APP_ID, privateKey: app.privateKey, alipayPublicKey: ali.publicKey, keyType: 'PKCS8' });
/** the SDK holding Alipay's key: its signer plays Alipay */
const alipaySideSdk = new AlipaySdk({ appId: APP_ID, privateKey: ali.privateKey, alipayPublicKey: app.publicKey, keyType: 'PKCS8' });

const notifyFields = (over: Record<string, string> = {}): Record<string, string> => ({
  gmt_create: '2026-12-02 10:30:00', charset: 'utf-8', seller_email: 'merchant@example.com', subject: '阳光花园 1-1-101 物业费',
  buyer_id: '2088102177846880', invoice_amount: '123.45', notify_id: '2026120200222103000036371446151234', fund_bill_list: '[{"amount":"123.45","fundChannel":"ALIPAYACCOUNT"}]',
  notify_type: 'trade_status_sync', trade_status: 'TRADE_SUCCESS', receipt_amount: '123.45', app_id: APP_ID, buyer_pay_amount: '123.45',
  sign_type: 'RSA2', seller_id: '2088102177649450', gmt_payment: '2026-12-02 10:30:05', notify_time: '2026-12-02 10:30:06', version: '1.0',
  out_trade_no: 'P20261202000001', total_amount: '123.45', trade_no: '2026120222001446881000123456', auth_app_id: APP_ID, point_amount: '0.00', ...over,
});
/** as Alipay documents it: RSA2 over the sorted params without sign and sign_type */
function alipaySigned(fields: Record<string, string>, key = ali.privateKey) {
  const content = Object.keys(fields).filter((k) => k !== 'sign' && k !== 'sign_type').sort().map((k) => `${k}=${fields[k]}`).join('&');
  return { ...fields, sign: createSign('RSA-SHA256').update(content, 'utf8').sign(key, 'base64') };
}
const form = (p: Record<string, string>) => new URLSearchParams(p).toString();
const raw = (p: Record<string, string>) => ({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, rawBody: form(p) });

async function reason(p: Promise<unknown>) {
  try { await p; } catch (e) { if (e instanceof NotificationRejected) return e.reason; throw e; }
  return 'accepted';
}

describe('Alipay notifications', () => {
  it('accepts what Alipay signs, like the SDK does, and converts 元 to 分 exactly', async () => {
    const p = alipaySigned(notifyFields());
    expect(merchantSdk.checkNotifySign(p)).toBe(true);
    expect(merchantSdk.checkNotifySignV2(p)).toBe(true);
    expect(await ours().verifyNotification(raw(p))).toEqual({
      kind: 'payment', merchantId: APP_ID, outTradeNo: 'P20261202000001', providerTxnId: '2026120222001446881000123456', amountFen: 12345,
      success: true, paidAt: new Date('2026-12-02T02:30:05Z'),
    });
    for (const [amount, fen] of [['0.01', 1], ['0.10', 10], ['1.1', 110], ['19.99', 1999], ['100000.07', 10000007]] as const) {
      expect((await ours().verifyNotification(raw(alipaySigned(notifyFields({ total_amount: amount }))))).amountFen).toBe(fen);
    }
    const finished = await ours().verifyNotification(raw(alipaySigned(notifyFields({ trade_status: 'TRADE_FINISHED' }))));
    expect(finished.success).toBe(true);
    const waiting = await ours().verifyNotification(raw(alipaySigned(notifyFields({ trade_status: 'WAIT_BUYER_PAY' }))));
    expect(waiting.success).toBe(false);
  });

  it('accepts a notification produced by the SDK\'s own signer (sign_type inside the signed content)', async () => {
    // the SDK adds app_id, charset, version, sign_type, timestamp, method itself
    const { app_id: _a, sign_type: _t, charset: _c, version: _v, ...fields } = notifyFields();
    const query = alipaySideSdk.sdkExecute('alipay.trade.notify', fields, { bizContentAutoSnakeCase: false });
    const p = Object.fromEntries(new URLSearchParams(query));
    expect(p.sign_type).toBe('RSA2');
    expect(merchantSdk.checkNotifySignV2(p)).toBe(true);
    expect(await ours().verifyNotification({ headers: {}, rawBody: query })).toMatchObject({ outTradeNo: 'P20261202000001', amountFen: 12345 });
  });

  it('refuses what the SDK refuses: changed amount, changed signature, another key; and another app', async () => {
    const good = alipaySigned(notifyFields());
    const cases: [string, Record<string, string>][] = [
      ['amount', { ...good, total_amount: '123.46' }],
      ['status', { ...alipaySigned(notifyFields({ trade_status: 'WAIT_BUYER_PAY' })), trade_status: 'TRADE_SUCCESS' }],
      ['signature', { ...good, sign: good.sign.slice(0, 10) + (good.sign[10] === 'A' ? 'B' : 'A') + good.sign.slice(11) }],
      ['key', alipaySigned(notifyFields(), other.privateKey)],
      ['added field', { ...good, refund_fee: '1.00' }],
    ];
    for (const [what, p] of cases) {
      expect(merchantSdk.checkNotifySignV2(p), what).toBe(false);
      expect(await reason(ours().verifyNotification(raw(p))), what).toBe('bad_signature');
    }
    const { sign: _s, ...unsigned } = good;
    expect(await reason(ours().verifyNotification(raw(unsigned)))).toBe('bad_signature');
    const foreign = alipaySigned(notifyFields({ app_id: '2021000999999999' }));
    expect(merchantSdk.checkNotifySignV2(foreign)).toBe(true); // the SDK checks the signature only
    expect(await reason(ours().verifyNotification(raw(foreign)))).toBe('merchant_mismatch');
    expect(await reason(ours().verifyNotification(raw(alipaySigned(notifyFields({ total_amount: '1.234' })))))).toBe('malformed');
  });

  it('maps a refund notification and acks with success / fail', async () => {
    const p = alipaySigned(notifyFields({ out_biz_no: 'R20261202001', refund_fee: '23.45', gmt_refund: '2026-12-02 11:00:00.000', trade_status: 'TRADE_SUCCESS' }));
    expect(await ours().verifyNotification(raw(p))).toMatchObject({ kind: 'refund', outRefundNo: 'R20261202001', amountFen: 2345, success: true, paidAt: new Date('2026-12-02T03:00:00Z') });
    expect(ours().ack(true)).toEqual({ status: 200, contentType: 'text/plain; charset=utf-8', body: 'success' });
    expect(ours().ack(false, 'x', 401)).toMatchObject({ status: 401, body: 'fail' });
  });
});

describe('Alipay requests', () => {
  it('signs exactly as the SDK signs (same bytes) and the SDK verifies our signature', () => {
    const biz = { out_trade_no: 'P1', total_amount: '5.00', subject: '物业费' };
    const sdkQuery = merchantSdk.sdkExecute('alipay.trade.precreate', { bizContent: biz, notifyUrl: 'https://w.example/api/payments/notify/alipay' }, { bizContentAutoSnakeCase: false });
    const sdkParams = Object.fromEntries(new URLSearchParams(sdkQuery));
    const fixed = Date.parse(`${sdkParams.timestamp!.replace(' ', 'T')}+08:00`);
    const mine = ours({ now: () => fixed }).signedParams('alipay.trade.precreate', biz, { notify_url: 'https://w.example/api/payments/notify/alipay' });
    expect(Object.keys(mine).sort()).toEqual(Object.keys(sdkParams).sort());
    expect(mine.biz_content).toBe(sdkParams.biz_content);
    expect(mine.sign).toBe(sdkParams.sign);
    const verifying = new AlipaySdk({ appId: APP_ID, privateKey: other.privateKey, alipayPublicKey: app.publicKey, keyType: 'PKCS8' });
    expect(verifying.rsaCheck(signContent(mine), mine.sign!)).toBe(true);
    expect(verifying.rsaCheck(signContent({ ...mine, biz_content: mine.biz_content!.replace('5.00', '5.01') }), mine.sign!)).toBe(false);
  });

  function gateway(answer: (method: string, biz: any) => { body: Record<string, unknown>; key?: string; unsigned?: boolean }) {
    const calls: { method: string; biz: any; sigOk: boolean }[] = [];
    const f = (async (_url: string, init: RequestInit) => {
      const p = Object.fromEntries(new URLSearchParams(init.body as string));
      const sigOk = new AlipaySdk({ appId: APP_ID, privateKey: other.privateKey, alipayPublicKey: app.publicKey, keyType: 'PKCS8' }).rsaCheck(signContent(p), p.sign!);
      const biz = JSON.parse(p.biz_content!);
      calls.push({ method: p.method!, biz, sigOk });
      const a = answer(p.method!, biz);
      const key = `${p.method!.replace(/\./g, '_')}_response`;
      const inner = JSON.stringify(a.body);
      const sign = createSign('RSA-SHA256').update(inner, 'utf8').sign(a.key ?? ali.privateKey, 'base64');
      const text = a.unsigned ? `{"${key}":${inner}}` : `{"${key}":${inner},"sign":"${sign}"}`;
      expect(a.unsigned || responseSignContent(text, key) === merchantSdk.getSignStr(text, key)).toBe(true);
      return new Response(text, { status: 200, headers: { 'content-type': 'text/html;charset=utf-8' } });
    }) as unknown as typeof fetch;
    return { f, calls };
  }

  it('maps precreate / query / close / refund and verifies the responses', async () => {
    const g = gateway((method, biz) => {
      if (method === 'alipay.trade.precreate') return { body: { code: '10000', msg: 'Success', out_trade_no: biz.out_trade_no, qr_code: 'https://qr.alipay.com/bax0123' } };
      if (method === 'alipay.trade.query' && biz.out_trade_no === 'NOPE') return { body: { code: '40004', msg: 'Business Failed', sub_code: 'ACQ.TRADE_NOT_EXIST', sub_msg: '交易不存在' } };
      if (method === 'alipay.trade.query') return { body: { code: '10000', msg: 'Success', trade_no: '2026T', out_trade_no: biz.out_trade_no, trade_status: 'TRADE_SUCCESS', total_amount: '88.80', send_pay_date: '2026-12-02 10:00:00' } };
      if (method === 'alipay.trade.close') return { body: { code: '40004', msg: 'Business Failed', sub_code: 'ACQ.TRADE_NOT_EXIST', sub_msg: '交易不存在' } };
      return { body: { code: '10000', msg: 'Success', trade_no: '2026T', out_trade_no: biz.out_trade_no, refund_fee: '10.00', fund_change: 'Y' } };
    });
    const a = ours({ fetch: g.f });
    expect(await a.createOrder({ outTradeNo: 'P1', amountFen: 8880, description: '物业费', expiresAt: new Date('2026-12-02T03:00:00Z'), notifyUrl: 'https://w.example/n' }))
      .toEqual({ payUrl: 'https://qr.alipay.com/bax0123' });
    expect(g.calls[0]!.biz).toEqual({ out_trade_no: 'P1', total_amount: '88.80', subject: '物业费', time_expire: '2026-12-02 11:00:00' });
    expect(await a.queryOrder('P1')).toEqual({ status: 'paid', merchantId: APP_ID, providerTxnId: '2026T', amountFen: 8880, paidAt: new Date('2026-12-02T02:00:00Z') });
    expect(await a.queryOrder('NOPE')).toEqual({ status: 'not_found' });
    await a.closeOrder('P1'); // never scanned: nothing to close
    expect(await a.refund({ outTradeNo: 'P1', providerTxnId: '2026T', outRefundNo: 'R1', refundFen: 1000, totalFen: 8880, reason: '多缴' })).toMatchObject({ status: 'succeeded' });
    expect(g.calls[4]!.biz).toEqual({ out_trade_no: 'P1', trade_no: '2026T', refund_amount: '10.00', refund_reason: '多缴', out_request_no: 'R1' });
    expect(g.calls.every((c) => c.sigOk)).toBe(true);
  });

  it('refuses a response Alipay did not sign', async () => {
    const forged = gateway(() => ({ body: { code: '10000', msg: 'Success', qr_code: 'https://evil' }, key: other.privateKey }));
    const input = { outTradeNo: 'P2', amountFen: 1, description: 'x', expiresAt: new Date(Date.now() + 60_000), notifyUrl: 'https://w.example/n' };
    await expect(ours({ fetch: forged.f }).createOrder(input)).rejects.toMatchObject({ code: 'BAD_RESPONSE_SIGNATURE' });
    const unsigned = gateway(() => ({ body: { code: '10000', msg: 'Success', qr_code: 'https://evil' }, unsigned: true }));
    await expect(ours({ fetch: unsigned.f }).createOrder(input)).rejects.toMatchObject({ code: 'BAD_RESPONSE_SIGNATURE' });
  });
});
