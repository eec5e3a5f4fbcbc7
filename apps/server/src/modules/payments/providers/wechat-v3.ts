import type { KeyObject } from 'node:crypto';
import {
  ProviderError, type CreateOrderInput, type CreateOrderResult, type PaymentProvider, type ProviderOrderStatus, type QueryOrderResult,
  type RawNotification, type RefundInput, type RefundResult, type VerifiedNotification,
} from './provider.ts';
import { authorization, parseRfc3339, rfc3339, rsaVerify, v3Ack, verifySignedHeaders, verifyV3Notification, type SignatureCheck } from './v3-crypto.ts';

/**
 * WeChat Pay API v3 (直连商户, Native 扫码支付): orders, query, close, refund, and notification
 * verification. Complete except for the merchant's credentials (WECHATPAY_* in config.ts).
 */
export interface WechatV3Options {
  mchId: string;
  appId: string;
  /** serial number of the merchant API certificate */
  mchSerial: string;
  privateKey: KeyObject | string;
  /** 32 bytes */
  apiV3Key: Buffer;
  /** platform certificates / WeChat Pay public key, by serial (wechatpay-serial) */
  platformKeys: Record<string, KeyObject | string>;
  apiBase?: string;
  fetch?: typeof fetch;
  now?: () => number;
  /** request timeout */
  timeoutMs?: number;
}

const tradeStates: Record<string, ProviderOrderStatus> = {
  SUCCESS: 'paid', REFUND: 'refunded', NOTPAY: 'pending', USERPAYING: 'pending', CLOSED: 'closed', REVOKED: 'closed', PAYERROR: 'closed',
};

export class WechatPayV3 implements PaymentProvider {
  readonly name = 'wechat' as const;
  readonly merchantId: string;
  private readonly base: string;
  private readonly check: SignatureCheck;

  constructor(private readonly o: WechatV3Options) {
    this.merchantId = o.mchId;
    this.base = (o.apiBase ?? 'https://api.mch.weixin.qq.com').replace(/\/$/, '');
    this.check = (serial, message, signature) => {
      const key = Object.hasOwn(o.platformKeys, serial) ? o.platformKeys[serial] : undefined;
      return key ? rsaVerify(message, signature, key) : null;
    };
  }

  async createOrder(input: CreateOrderInput): Promise<CreateOrderResult> {
    const res = await this.call('POST', '/v3/pay/transactions/native', {
      appid: this.o.appId, mchid: this.o.mchId, description: truncate(input.description, 127), out_trade_no: input.outTradeNo,
      time_expire: rfc3339(input.expiresAt), notify_url: input.notifyUrl, amount: { total: input.amountFen, currency: 'CNY' },
    });
    if (typeof res.body?.code_url !== 'string') throw new ProviderError('BAD_RESPONSE', '微信支付未返回 code_url');
    return { payUrl: res.body.code_url };
  }

  async queryOrder(outTradeNo: string): Promise<QueryOrderResult> {
    let res;
    try {
      res = await this.call('GET', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?mchid=${encodeURIComponent(this.o.mchId)}`);
    } catch (e) {
      if (e instanceof ProviderError && e.code === 'ORDER_NOT_EXIST') return { status: 'not_found' };
      throw e;
    }
    const b = res.body ?? {};
    const status = tradeStates[b.trade_state as string];
    if (!status) throw new ProviderError('BAD_RESPONSE', `未知的交易状态 ${String(b.trade_state)}`);
    if (b.mchid !== undefined && b.mchid !== this.o.mchId) throw new ProviderError('BAD_RESPONSE', '查询结果的商户号不符');
    return {
      status, merchantId: b.mchid ?? this.o.mchId,
      ...(typeof b.transaction_id === 'string' ? { providerTxnId: b.transaction_id } : {}),
      ...(Number.isSafeInteger(b.amount?.total) ? { amountFen: b.amount.total } : {}),
      ...(parseRfc3339(b.success_time) ? { paidAt: parseRfc3339(b.success_time) } : {}),
    };
  }

  async closeOrder(outTradeNo: string): Promise<void> {
    await this.call('POST', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}/close`, { mchid: this.o.mchId });
  }

  async refund(input: RefundInput): Promise<RefundResult> {
    let res;
    try {
      res = await this.call('POST', '/v3/refund/domestic/refunds', {
        transaction_id: input.providerTxnId, out_trade_no: input.outTradeNo, out_refund_no: input.outRefundNo, reason: truncate(input.reason, 80),
        ...(input.notifyUrl ? { notify_url: input.notifyUrl } : {}),
        amount: { refund: input.refundFen, total: input.totalFen, currency: 'CNY' },
      });
    } catch (e) {
      // refused outright (not enough left, bad parameters): nothing was refunded
      if (e instanceof ProviderError && e.httpStatus && e.httpStatus >= 400 && e.httpStatus < 500 && e.code !== 'FREQUENCY_LIMITED') {
        return { status: 'failed', failReason: `${e.code}: ${e.message}` };
      }
      throw e;
    }
    const b = res.body ?? {};
    const status = b.status === 'SUCCESS' ? 'succeeded' : b.status === 'PROCESSING' ? 'processing' : 'failed';
    return {
      status, ...(typeof b.refund_id === 'string' ? { providerRefundId: b.refund_id } : {}),
      ...(status === 'failed' ? { failReason: `退款状态 ${String(b.status)}` } : {}),
    };
  }

  async verifyNotification(req: RawNotification): Promise<VerifiedNotification> {
    return verifyV3Notification(req, { check: this.check, apiV3Key: this.o.apiV3Key, mchId: this.o.mchId, ...(this.o.now ? { now: this.o.now } : {}) });
  }

  ack(accepted: boolean, message?: string, status?: number) { return v3Ack(accepted, message, status); }

  /** one signed request; a 2xx response must carry a valid platform signature */
  private async call(method: 'GET' | 'POST', pathAndQuery: string, payload?: unknown): Promise<{ status: number; body: any }> {
    const body = payload === undefined ? '' : JSON.stringify(payload);
    const headers: Record<string, string> = {
      accept: 'application/json', 'user-agent': 'wuye-payments/1.0',
      authorization: authorization({ mchId: this.o.mchId, serial: this.o.mchSerial, privateKey: this.o.privateKey }, method, pathAndQuery, body,
        Math.floor((this.o.now?.() ?? Date.now()) / 1000)),
    };
    if (payload !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await (this.o.fetch ?? fetch)(`${this.base}${pathAndQuery}`, {
        method, headers, ...(payload !== undefined ? { body } : {}), signal: AbortSignal.timeout(this.o.timeoutMs ?? 10_000),
      });
    } catch (e) {
      throw new ProviderError('NETWORK', `微信支付请求失败：${(e as Error).message}`);
    }
    const text = await res.text();
    if (res.status >= 200 && res.status < 300) {
      const h: Record<string, string | undefined> = {};
      res.headers.forEach((v, k) => { h[k.toLowerCase()] = v; });
      try {
        verifySignedHeaders(h, text, { check: this.check, ...(this.o.now ? { now: this.o.now } : {}) });
      } catch (e) {
        throw new ProviderError('BAD_RESPONSE_SIGNATURE', `微信支付应答验签失败：${(e as Error).message}`, res.status);
      }
      try { return { status: res.status, body: text ? JSON.parse(text) : null }; } catch { throw new ProviderError('BAD_RESPONSE', '微信支付应答不是 JSON', res.status); }
    }
    let err: any = null;
    try { err = JSON.parse(text); } catch { /* not JSON */ }
    throw new ProviderError(typeof err?.code === 'string' ? err.code : `HTTP_${res.status}`, typeof err?.message === 'string' ? err.message : `微信支付返回 ${res.status}`, res.status);
  }
}

function truncate(s: string, max: number) {
  const chars = [...s];
  return chars.length > max ? chars.slice(0, max).join('') : s;
}
