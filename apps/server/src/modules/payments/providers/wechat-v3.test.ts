import { generateKeyPairSync } from 'node:crypto';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { NotificationRejected, ProviderError } from './provider.ts';
import { WechatPayV3 } from './wechat-v3.ts';

/**
 * The WeChat Pay v3 adapter proved against a maintained WeChat Pay v3 SDK (wechatpay-axios-plugin):
 * notifications signed with its Rsa.sign over its Formatter.response message and encrypted with its
 * AesGcm are accepted, and tampered ones refused; our request signatures verify with its Rsa.verify
 * over its Formatter.request message; responses it signs verify with ours.
 */
const require = createRequire(import.meta.url);
const { Rsa, Aes, Formatter } = require('wechatpay-axios-plugin') as any;

const pair = () => generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
const merchant = pair();
const platform = pair();
const other = pair();
const MCH = '1230000109';
const PLATFORM_SERIAL = 'PUB_KEY_ID_0112345678901234567890';
const APIV3 = 'abcdefghijklmnopqrstuvwxyz012345';

function adapter(extra: Partial<ConstructorParameters<typeof WechatPayV3>[0]> = {}) {
  return new WechatPayV3({
    mchId: MCH, appId: 'wxd678efh567hg6787', mchSerial: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1', privateKey: merchant.privateKey,
    apiV3Key: Buffer.from(APIV3), platformKeys: { [PLATFORM_SERIAL]: platform.publicKey }, apiBase: 'https://api.example.test', ...extra,
  });
}

/** a notification exactly as WeChat builds it, with the SDK's primitives */
function sdkNotification(o: { event?: string; plain?: Record<string, unknown>; ts?: number; serial?: string; key?: string; signWith?: string; apiV3?: string } = {}) {
  const plain = o.plain ?? {
    mchid: MCH, appid: 'wxd678efh567hg6787', out_trade_no: 'P20261202000001', transaction_id: '4200001234202612021234567890', trade_type: 'NATIVE',
    trade_state: 'SUCCESS', trade_state_desc: '支付成功', bank_type: 'CMC', success_time: '2026-12-02T10:34:56+08:00',
    payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' }, amount: { total: 12345, payer_total: 12345, currency: 'CNY', payer_currency: 'CNY' },
  };
  const nonce = Formatter.nonce(12);
  const body = JSON.stringify({
    id: 'EV-2018022511223320873', create_time: '2026-12-02T10:35:00+08:00', resource_type: 'encrypt-resource', event_type: o.event ?? 'TRANSACTION.SUCCESS',
    summary: '支付成功', resource: { original_type: 'transaction', algorithm: 'AEAD_AES_256_GCM', associated_data: 'transaction', nonce,
      ciphertext: Aes.AesGcm.encrypt(JSON.stringify(plain), o.apiV3 ?? APIV3, nonce, 'transaction') },
  });
  const ts = String(o.ts ?? Formatter.timestamp());
  const hnonce = Formatter.nonce();
  const signature = Rsa.sign(Formatter.response(ts, hnonce, body), o.signWith ?? platform.privateKey);
  return { headers: { 'wechatpay-timestamp': ts, 'wechatpay-nonce': hnonce, 'wechatpay-signature': signature, 'wechatpay-serial': o.serial ?? PLATFORM_SERIAL,
    'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048' }, rawBody: body };
}

async function rejected(p: Promise<unknown>): Promise<string> {
  try { await p; } catch (e) { if (e instanceof NotificationRejected) return e.reason; throw e; }
  return 'accepted';
}

describe('WeChat Pay v3 notifications built with the SDK', () => {
  it('accepts a signed, encrypted TRANSACTION.SUCCESS and maps it', async () => {
    const v = await adapter().verifyNotification(sdkNotification());
    expect(v).toEqual({
      kind: 'payment', merchantId: MCH, outTradeNo: 'P20261202000001', providerTxnId: '4200001234202612021234567890', amountFen: 12345,
      success: true, paidAt: new Date('2026-12-02T02:34:56Z'),
    });
  });

  it('maps REFUND.SUCCESS / REFUND.ABNORMAL', async () => {
    const plain = { mchid: MCH, out_trade_no: 'P1', transaction_id: '42000', out_refund_no: 'R20261202001', refund_id: '50000000382019052709732678859',
      refund_status: 'SUCCESS', success_time: '2026-12-02T13:29:35+08:00', amount: { total: 999, refund: 300, payer_total: 999, payer_refund: 300 } };
    const ok = await adapter().verifyNotification(sdkNotification({ event: 'REFUND.SUCCESS', plain }));
    expect(ok).toMatchObject({ kind: 'refund', outRefundNo: 'R20261202001', providerRefundId: '50000000382019052709732678859', amountFen: 300, success: true });
    const bad = await adapter().verifyNotification(sdkNotification({ event: 'REFUND.ABNORMAL', plain: { ...plain, refund_status: 'ABNORMAL' } }));
    expect(bad.success).toBe(false);
  });

  it('refuses tampered ones', async () => {
    const a = adapter();
    const n = sdkNotification();
    expect(await rejected(a.verifyNotification({ ...n, rawBody: n.rawBody.replace('"summary":"支付成功"', '"summary":"支付成功 "') }))).toBe('bad_signature');
    const sig = Buffer.from(n.headers['wechatpay-signature'], 'base64'); sig[10] = sig[10]! ^ 1;
    expect(await rejected(a.verifyNotification({ ...n, headers: { ...n.headers, 'wechatpay-signature': sig.toString('base64') } }))).toBe('bad_signature');
    expect(await rejected(a.verifyNotification(sdkNotification({ serial: 'PUB_KEY_ID_OTHER' })))).toBe('bad_signature');
    expect(await rejected(a.verifyNotification(sdkNotification({ signWith: other.privateKey })))).toBe('bad_signature');
    expect(await rejected(a.verifyNotification(sdkNotification({ ts: Math.floor(Date.now() / 1000) - 301 })))).toBe('stale');
    expect(await rejected(a.verifyNotification(sdkNotification({ ts: Math.floor(Date.now() / 1000) + 400 })))).toBe('stale');
    expect(await rejected(a.verifyNotification({ ...n, headers: { ...n.headers, 'wechatpay-nonce': undefined } }))).toBe('bad_signature');
    // signed fine but encrypted under another APIv3 key, or for another merchant
    expect(await rejected(a.verifyNotification(sdkNotification({ apiV3: 'ZZZdefghijklmnopqrstuvwxyz012345' })))).toBe('malformed');
    const base = JSON.parse(JSON.stringify({ mchid: '1900009999', out_trade_no: 'P1', transaction_id: 't', trade_state: 'SUCCESS', amount: { total: 1 } }));
    expect(await rejected(a.verifyNotification(sdkNotification({ plain: base })))).toBe('merchant_mismatch');
  });

  it('refuses a changed amount: the ciphertext no longer authenticates, even when re-signed', async () => {
    const n = sdkNotification();
    const env = JSON.parse(n.rawBody);
    const raw = Buffer.from(env.resource.ciphertext, 'base64');
    raw[5] = raw[5]! ^ 0x01; // flips a plaintext byte under CTR: the GCM tag must catch it
    env.resource.ciphertext = raw.toString('base64');
    const body = JSON.stringify(env);
    const signature = Rsa.sign(Formatter.response(n.headers['wechatpay-timestamp'], n.headers['wechatpay-nonce'], body), platform.privateKey);
    expect(await rejected(adapter().verifyNotification({ headers: { ...n.headers, 'wechatpay-signature': signature }, rawBody: body }))).toBe('malformed');
  });

  it('answers WeChat the way it expects', () => {
    expect(adapter().ack(true)).toMatchObject({ status: 204, body: '' });
    const no = adapter().ack(false, '签名错误', 401);
    expect(no.status).toBe(401);
    expect(JSON.parse(no.body)).toEqual({ code: 'FAIL', message: '签名错误' });
  });
});

describe('WeChat Pay v3 requests', () => {
  /** a fake api.mch.weixin.qq.com: checks our Authorization with the SDK and signs its answers with the SDK */
  function fakeServer(answer: (method: string, path: string, body: any) => { status: number; body?: unknown; signWith?: string }) {
    const seen: { method: string; path: string; body: any; authOk: boolean; auth: Record<string, string> }[] = [];
    const f = (async (url: string, init: RequestInit) => {
      const u = new URL(url);
      const path = u.pathname + u.search;
      const method = init.method ?? 'GET';
      const bodyText = (init.body as string | undefined) ?? '';
      const authHeader = (init.headers as Record<string, string>).authorization!;
      expect(authHeader.startsWith('WECHATPAY2-SHA256-RSA2048 ')).toBe(true);
      const auth = Object.fromEntries([...authHeader.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
      const authOk = Rsa.verify(Formatter.request(method, path, auth.timestamp, auth.nonce_str, bodyText), auth.signature, merchant.publicKey);
      seen.push({ method, path, body: bodyText ? JSON.parse(bodyText) : null, authOk, auth });
      const a = answer(method, path, bodyText ? JSON.parse(bodyText) : null);
      const text = a.body === undefined ? '' : JSON.stringify(a.body);
      const ts = String(Formatter.timestamp()); const nonce = Formatter.nonce();
      return new Response(a.status === 204 ? null : text, { status: a.status, headers: {
        'content-type': 'application/json', 'wechatpay-timestamp': ts, 'wechatpay-nonce': nonce, 'wechatpay-serial': PLATFORM_SERIAL,
        'wechatpay-signature': Rsa.sign(Formatter.response(ts, nonce, text), a.signWith ?? platform.privateKey),
      } });
    }) as unknown as typeof fetch;
    return { fetch: f, seen };
  }

  it('signs requests so the SDK verifies them, and maps create / query / close / refund', async () => {
    const srv = fakeServer((method, path) => {
      if (path === '/v3/pay/transactions/native') return { status: 200, body: { code_url: 'weixin://wxpay/bizpayurl?pr=abc' } };
      if (path.startsWith('/v3/pay/transactions/out-trade-no/P1?')) {
        return { status: 200, body: { mchid: MCH, out_trade_no: 'P1', transaction_id: '4200', trade_state: 'SUCCESS', success_time: '2026-12-02T10:00:00+08:00', amount: { total: 500 } } };
      }
      if (path.startsWith('/v3/pay/transactions/out-trade-no/NOPE?')) return { status: 404, body: { code: 'ORDER_NOT_EXIST', message: '订单不存在' } };
      if (path.endsWith('/close') && method === 'POST') return { status: 204 };
      if (path === '/v3/refund/domestic/refunds') return { status: 200, body: { refund_id: '5000', out_refund_no: 'R1', status: 'PROCESSING' } };
      return { status: 400, body: { code: 'PARAM_ERROR', message: '?' } };
    });
    const a = adapter({ fetch: srv.fetch });
    const expiresAt = new Date('2026-12-02T03:00:00Z');
    expect(await a.createOrder({ outTradeNo: 'P1', amountFen: 500, description: '阳光花园 1-1-101 物业费', expiresAt, notifyUrl: 'https://wuye.example/api/payments/notify/wechat' }))
      .toEqual({ payUrl: 'weixin://wxpay/bizpayurl?pr=abc' });
    expect(srv.seen[0]!.body).toEqual({ appid: 'wxd678efh567hg6787', mchid: MCH, description: '阳光花园 1-1-101 物业费', out_trade_no: 'P1',
      time_expire: '2026-12-02T11:00:00+08:00', notify_url: 'https://wuye.example/api/payments/notify/wechat', amount: { total: 500, currency: 'CNY' } });
    expect(await a.queryOrder('P1')).toEqual({ status: 'paid', merchantId: MCH, providerTxnId: '4200', amountFen: 500, paidAt: new Date('2026-12-02T02:00:00Z') });
    expect(srv.seen[1]!.path).toBe(`/v3/pay/transactions/out-trade-no/P1?mchid=${MCH}`);
    expect(await a.queryOrder('NOPE')).toEqual({ status: 'not_found' });
    await a.closeOrder('P1');
    expect(srv.seen[3]).toMatchObject({ method: 'POST', path: '/v3/pay/transactions/out-trade-no/P1/close', body: { mchid: MCH } });
    expect(await a.refund({ outTradeNo: 'P1', providerTxnId: '4200', outRefundNo: 'R1', refundFen: 200, totalFen: 500, reason: '多缴' }))
      .toEqual({ status: 'processing', providerRefundId: '5000' });
    expect(srv.seen[4]!.body).toEqual({ transaction_id: '4200', out_trade_no: 'P1', out_refund_no: 'R1', reason: '多缴', amount: { refund: 200, total: 500, currency: 'CNY' } });
    expect(srv.seen.every((s) => s.authOk && s.auth.mchid === MCH && s.auth.serial_no === '5157F09EFDC096DE15EBE81A47057A7232F1B8E1')).toBe(true);
  });

  it('refuses a response that the platform did not sign, and surfaces WeChat error codes', async () => {
    const forged = fakeServer(() => ({ status: 200, body: { code_url: 'weixin://evil' }, signWith: other.privateKey }));
    const input = { outTradeNo: 'P2', amountFen: 1, description: 'x', expiresAt: new Date(Date.now() + 60_000), notifyUrl: 'https://w.example/n' };
    await expect(adapter({ fetch: forged.fetch }).createOrder(input)).rejects.toMatchObject({ code: 'BAD_RESPONSE_SIGNATURE' });
    const paid = fakeServer(() => ({ status: 400, body: { code: 'ORDERPAID', message: '订单已支付' } }));
    const e = await adapter({ fetch: paid.fetch }).closeOrder('P2').catch((x) => x);
    expect(e).toBeInstanceOf(ProviderError);
    expect(e).toMatchObject({ code: 'ORDERPAID', httpStatus: 400 });
    const notEnough = fakeServer(() => ({ status: 403, body: { code: 'NOT_ENOUGH', message: '基本账户余额不足' } }));
    expect(await adapter({ fetch: notEnough.fetch }).refund({ outTradeNo: 'P2', providerTxnId: 't', outRefundNo: 'R2', refundFen: 1, totalFen: 1, reason: 'r' }))
      .toMatchObject({ status: 'failed' });
  });
});
