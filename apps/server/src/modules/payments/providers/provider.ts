import type { Executor } from '../../../db/client.ts';

/**
 * What the payments module needs from an online payment provider (WeChat Pay API v3, Alipay, or the
 * built-in sandbox). The module never speaks a provider's protocol itself: it creates orders, asks
 * for their state, refunds, and hands every notification's raw HTTP request to `verifyNotification`.
 * Amounts are integer 分 everywhere (WeChat's `total` is 分; Alipay's `total_amount` is 元 with two
 * decimals — the adapter converts exactly, never through a float).
 */
export type ProviderName = 'sandbox' | 'wechat' | 'alipay';

export interface CreateOrderInput {
  /** our order number (payment_orders.out_trade_no): 6–32 chars [0-9A-Za-z_-] */
  outTradeNo: string;
  amountFen: number;
  /** shown to the payer, e.g. 阳光花园 1-1-101 物业费 */
  description: string;
  expiresAt: Date;
  /** absolute URL of POST /api/payments/notify/<provider> */
  notifyUrl: string;
  /** where the payer's browser goes after paying (resident H5 page); optional */
  returnUrl?: string;
}
export interface CreateOrderResult {
  /** what the payer opens or scans: WeChat native code_url, Alipay page URL, the sandbox pay page */
  payUrl: string;
}

export type ProviderOrderStatus = 'pending' | 'paid' | 'closed' | 'refunded' | 'not_found';
export interface QueryOrderResult {
  status: ProviderOrderStatus;
  providerTxnId?: string;
  amountFen?: number;
  paidAt?: Date;
  merchantId?: string;
}

export interface RefundInput {
  outTradeNo: string;
  providerTxnId: string;
  /** our refund number (refunds.out_refund_no) */
  outRefundNo: string;
  refundFen: number;
  /** the order's total, which WeChat requires */
  totalFen: number;
  reason: string;
  /** where the provider sends the refund's notification (WeChat: notify_url; default = the merchant's configured one); optional */
  notifyUrl?: string;
}
export interface RefundResult {
  status: 'succeeded' | 'processing' | 'failed';
  providerRefundId?: string;
  failReason?: string;
}

/** A notification whose signature (and merchant) checked out, decrypted and normalised. */
export interface VerifiedNotification {
  kind: 'payment' | 'refund';
  merchantId: string;
  outTradeNo: string;
  /** WeChat transaction_id, Alipay trade_no, the sandbox's id */
  providerTxnId: string;
  amountFen: number;
  /** payment: trade succeeded (WeChat SUCCESS, Alipay TRADE_SUCCESS / TRADE_FINISHED); refund: refund succeeded */
  success: boolean;
  paidAt?: Date;
  outRefundNo?: string;
  providerRefundId?: string;
  /** refund: `amountFen` is the trade's refunded total so far rather than this refund's amount (Alipay's refund_fee) */
  cumulative?: boolean;
}

export interface RawNotification {
  /** lower-cased header names */
  headers: Record<string, string | undefined>;
  /** the body exactly as received (a JSON or form-urlencoded string) */
  rawBody: string;
}

/** bad or missing signature, wrong merchant, undecryptable resource */
export class NotificationRejected extends Error {
  constructor(readonly reason: 'bad_signature' | 'merchant_mismatch' | 'malformed' | 'stale', message: string) { super(message); }
}

export interface ProviderAck { status: number; contentType: string; body: string }

export interface PaymentProvider {
  readonly name: ProviderName;
  readonly merchantId: string;
  /**
   * `opts.tx`: the caller's open transaction. Only an in-process provider (the sandbox keeps its books
   * in our database) uses it — on PGlite, one connection, a write outside it would wait forever.
   */
  createOrder(input: CreateOrderInput, opts?: { tx?: Executor }): Promise<CreateOrderResult>;
  queryOrder(outTradeNo: string): Promise<QueryOrderResult>;
  closeOrder(outTradeNo: string): Promise<void>;
  refund(input: RefundInput): Promise<RefundResult>;
  /** throws NotificationRejected; never trusts an unsigned field */
  verifyNotification(req: RawNotification): Promise<VerifiedNotification>;
  /**
   * the body the provider expects back: accepted (it stops retrying) or not (it retries later); `status`
   * is the HTTP status of a refusal (e.g. 401 for a bad signature; default 500 for WeChat, 200 for Alipay)
   */
  ack(accepted: boolean, message?: string, status?: number): ProviderAck;
}

/**
 * A provider call that failed: the provider's error code (WeChat `code`, Alipay `sub_code`, or ours:
 * NETWORK, BAD_RESPONSE, BAD_RESPONSE_SIGNATURE, ORDER_PAID, ORDER_CLOSED, OUT_TRADE_NO_USED, ORDER_NOT_EXIST,
 * REFUND_EXCEEDS) and, for HTTP errors, the status. Nothing is known to have happened unless `code` says so.
 */
export class ProviderError extends Error {
  constructor(readonly code: string, message: string, readonly httpStatus?: number) { super(message); }
}
