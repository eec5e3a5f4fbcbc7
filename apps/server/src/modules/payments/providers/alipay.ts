import { createSign, createVerify, type KeyObject } from 'node:crypto';
import { fenToYuanDecimal, parseYuan } from '@wuye/shared';
import { dayjs, BUSINESS_TZ } from '../../../lib/time.ts';
import {
  NotificationRejected, ProviderError, type CreateOrderInput, type CreateOrderResult, type PaymentProvider, type ProviderAck,
  type QueryOrderResult, type RawNotification, type RefundInput, type RefundResult, type VerifiedNotification,
} from './provider.ts';

/**
 * Alipay OpenAPI (当面付 precreate: the payer scans `qr_code`) with RSA2 signatures: precreate, query,
 * close, refund, and the asynchronous notification. Complete except for the app's credentials (ALIPAY_*).
 */
export interface AlipayOptions {
  appId: string;
  /** the app's private key */
  privateKey: KeyObject | string;
  /** Alipay's public key (支付宝公钥) */
  alipayPublicKey: KeyObject | string;
  gateway?: string;
  fetch?: typeof fetch;
  now?: () => number;
  timeoutMs?: number;
}

/** `k=v&…` sorted by key, without `sign` (and `sign_type` for notifications) and without empty values */
export function signContent(params: Record<string, string | undefined>, exclude: string[] = ['sign']): string {
  return Object.keys(params).filter((k) => !exclude.includes(k) && params[k] !== undefined && params[k] !== '').sort()
    .map((k) => `${k}=${params[k]}`).join('&');
}
export const rsa2Sign = (content: string, key: KeyObject | string) => createSign('RSA-SHA256').update(content, 'utf8').sign(key, 'base64');
export function rsa2Verify(content: string, sign: string, key: KeyObject | string): boolean {
  try { return createVerify('RSA-SHA256').update(content, 'utf8').verify(key, sign, 'base64'); } catch { return false; }
}

/** Alipay's 'yyyy-MM-dd HH:mm:ss' in Asia/Shanghai */
const alipayTime = (d: Date) => dayjs(d).tz(BUSINESS_TZ).format('YYYY-MM-DD HH:mm:ss');
function parseAlipayTime(v: unknown): Date | undefined {
  // gmt_refund carries fractions of a second: 2026-12-02 11:00:00.123
  if (typeof v !== 'string' || !/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,3})?$/.test(v)) return undefined;
  const d = dayjs.tz(v.slice(0, 19), BUSINESS_TZ);
  return d.isValid() ? d.toDate() : undefined;
}
/** 元 with at most 2 decimals → 分, exactly */
function yuanToFen(v: unknown): number | null {
  if (typeof v !== 'string') return null;
  const r = parseYuan(v);
  return r.ok ? r.value : null;
}

export class AlipayProvider implements PaymentProvider {
  readonly name = 'alipay' as const;
  readonly merchantId: string;
  private readonly gateway: string;

  constructor(private readonly o: AlipayOptions) {
    this.merchantId = o.appId;
    this.gateway = o.gateway ?? 'https://openapi.alipay.com/gateway.do';
  }

  /** the signed common + business parameters of one request */
  signedParams(method: string, biz: Record<string, unknown>, extra: Record<string, string> = {}): Record<string, string> {
    const params: Record<string, string> = {
      app_id: this.o.appId, method, charset: 'utf-8', sign_type: 'RSA2', version: '1.0',
      timestamp: alipayTime(new Date(this.o.now?.() ?? Date.now())), ...extra, biz_content: JSON.stringify(biz),
    };
    params.sign = rsa2Sign(signContent(params), this.o.privateKey);
    return params;
  }

  async createOrder(input: CreateOrderInput): Promise<CreateOrderResult> {
    const r = await this.call('alipay.trade.precreate', {
      out_trade_no: input.outTradeNo, total_amount: fenToYuanDecimal(input.amountFen), subject: [...input.description].slice(0, 128).join(''),
      time_expire: alipayTime(input.expiresAt),
    }, { notify_url: input.notifyUrl });
    if (r.code !== '10000' || typeof r.qr_code !== 'string') throw errorOf(r);
    return { payUrl: r.qr_code };
  }

  async queryOrder(outTradeNo: string): Promise<QueryOrderResult> {
    const r = await this.call('alipay.trade.query', { out_trade_no: outTradeNo });
    if (r.code !== '10000') {
      if (r.sub_code === 'ACQ.TRADE_NOT_EXIST') return { status: 'not_found' };
      throw errorOf(r);
    }
    const status = r.trade_status === 'TRADE_SUCCESS' || r.trade_status === 'TRADE_FINISHED' ? 'paid'
      : r.trade_status === 'WAIT_BUYER_PAY' ? 'pending' : r.trade_status === 'TRADE_CLOSED' ? 'closed' : null;
    if (!status) throw new ProviderError('BAD_RESPONSE', `未知的交易状态 ${String(r.trade_status)}`);
    const amountFen = yuanToFen(r.total_amount);
    const paidAt = parseAlipayTime(r.send_pay_date);
    return {
      status, merchantId: this.o.appId, ...(typeof r.trade_no === 'string' ? { providerTxnId: r.trade_no } : {}),
      ...(amountFen !== null ? { amountFen } : {}), ...(paidAt ? { paidAt } : {}),
    };
  }

  async closeOrder(outTradeNo: string): Promise<void> {
    const r = await this.call('alipay.trade.close', { out_trade_no: outTradeNo });
    // a precreated order nobody scanned does not exist at Alipay: nothing to close
    if (r.code !== '10000' && r.sub_code !== 'ACQ.TRADE_NOT_EXIST') throw errorOf(r);
  }

  async refund(input: RefundInput): Promise<RefundResult> {
    const r = await this.call('alipay.trade.refund', {
      out_trade_no: input.outTradeNo, trade_no: input.providerTxnId, refund_amount: fenToYuanDecimal(input.refundFen),
      refund_reason: input.reason, out_request_no: input.outRefundNo,
    });
    if (r.code === '10000') return { status: 'succeeded', ...(typeof r.trade_no === 'string' ? { providerRefundId: `${r.trade_no}:${input.outRefundNo}` } : {}) };
    if (r.code === '20000') return { status: 'processing' }; // service busy: retry with the same out_request_no
    return { status: 'failed', failReason: `${r.sub_code ?? r.code}: ${r.sub_msg ?? r.msg}` };
  }

  /** the form-urlencoded notification: RSA2 over the sorted decoded params without sign/sign_type, and our app_id */
  async verifyNotification(req: RawNotification): Promise<VerifiedNotification> {
    const p: Record<string, string> = {};
    for (const [k, v] of new URLSearchParams(req.rawBody)) p[k] = v;
    if (!p.sign) throw new NotificationRejected('bad_signature', '缺少签名');
    if (p.sign_type && p.sign_type !== 'RSA2') throw new NotificationRejected('bad_signature', `不支持的签名类型 ${p.sign_type}`);
    // the documented content leaves sign_type out; Alipay's own SDK also accepts it signed in (rsaCheckV2)
    const ok = rsa2Verify(signContent(p, ['sign', 'sign_type']), p.sign, this.o.alipayPublicKey)
      || (!!p.sign_type && rsa2Verify(signContent(p, ['sign']), p.sign, this.o.alipayPublicKey));
    if (!ok) throw new NotificationRejected('bad_signature', '签名验证失败');
    if (p.app_id !== this.o.appId) throw new NotificationRejected('merchant_mismatch', `app_id 不符：${p.app_id ?? ''}`);
    const outTradeNo = p.out_trade_no; const tradeNo = p.trade_no;
    if (!outTradeNo || !tradeNo) throw new NotificationRejected('malformed', '通知缺少订单号');
    const paidAt = parseAlipayTime(p.gmt_payment);
    if (p.out_biz_no && p.refund_fee !== undefined) {
      // a refund's notification: refund_fee is the trade's refunded total so far
      const refunded = yuanToFen(p.refund_fee);
      if (refunded === null) throw new NotificationRejected('malformed', 'refund_fee 格式错误');
      return {
        kind: 'refund', merchantId: p.app_id, outTradeNo, providerTxnId: tradeNo, amountFen: refunded, cumulative: true, success: true,
        outRefundNo: p.out_biz_no, providerRefundId: `${tradeNo}:${p.out_biz_no}`, ...(parseAlipayTime(p.gmt_refund) ? { paidAt: parseAlipayTime(p.gmt_refund) } : {}),
      };
    }
    const total = yuanToFen(p.total_amount);
    if (total === null) throw new NotificationRejected('malformed', 'total_amount 格式错误');
    return {
      kind: 'payment', merchantId: p.app_id, outTradeNo, providerTxnId: tradeNo, amountFen: total,
      success: p.trade_status === 'TRADE_SUCCESS' || p.trade_status === 'TRADE_FINISHED', ...(paidAt ? { paidAt } : {}),
    };
  }

  /** Alipay reads the body only: `success` stops its retries */
  ack(accepted: boolean, _message?: string, status?: number): ProviderAck {
    return { status: accepted ? 200 : (status ?? 200), contentType: 'text/plain; charset=utf-8', body: accepted ? 'success' : 'fail' };
  }

  /** one gateway call; the `<method>_response` object must carry Alipay's signature */
  private async call(method: string, biz: Record<string, unknown>, extra: Record<string, string> = {}): Promise<any> {
    const params = this.signedParams(method, biz, extra);
    let res: Response;
    try {
      res = await (this.o.fetch ?? fetch)(`${this.gateway}?charset=utf-8`, {
        method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8', accept: 'application/json' },
        body: new URLSearchParams(params).toString(), signal: AbortSignal.timeout(this.o.timeoutMs ?? 10_000),
      });
    } catch (e) {
      throw new ProviderError('NETWORK', `支付宝请求失败：${(e as Error).message}`);
    }
    const text = await res.text();
    if (res.status !== 200) throw new ProviderError(`HTTP_${res.status}`, `支付宝返回 ${res.status}`, res.status);
    const key = `${method.replace(/\./g, '_')}_response`;
    let json: any;
    try { json = JSON.parse(text); } catch { throw new ProviderError('BAD_RESPONSE', '支付宝应答不是 JSON'); }
    const body = json?.[key];
    if (!body || typeof body !== 'object') throw new ProviderError('BAD_RESPONSE', `支付宝应答缺少 ${key}`);
    // an error about our own request (e.g. bad app_id) comes unsigned; a business answer is signed
    if (typeof json.sign === 'string') {
      const content = responseSignContent(text, key);
      if (!content || !rsa2Verify(content, json.sign, this.o.alipayPublicKey)) throw new ProviderError('BAD_RESPONSE_SIGNATURE', '支付宝应答验签失败');
    } else if (body.code === '10000') {
      throw new ProviderError('BAD_RESPONSE_SIGNATURE', '支付宝应答没有签名');
    }
    return body;
  }
}

/** the raw text of the `"<key>":{…}` value, exactly as Alipay signed it */
export function responseSignContent(raw: string, key: string): string | null {
  const start = raw.indexOf(`"${key}"`);
  if (start < 0) return null;
  const open = raw.indexOf('{', start + key.length + 2);
  if (open < 0) return null;
  let depth = 0; let inStr = false;
  for (let i = open; i < raw.length; i++) {
    const c = raw[i];
    if (inStr) { if (c === '\\') i++; else if (c === '"') inStr = false; continue; }
    if (c === '"') inStr = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return raw.slice(open, i + 1);
  }
  return null;
}

function errorOf(r: any): ProviderError {
  return new ProviderError(String(r?.sub_code ?? r?.code ?? 'UNKNOWN'), String(r?.sub_msg ?? r?.msg ?? '支付宝返回错误'));
}
