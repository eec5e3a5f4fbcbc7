import { createHash, randomInt } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/client.ts';
import type { Secrets } from '../../../lib/secrets.ts';
import { businessNow } from '../../../lib/time.ts';
import { sandboxPayOrders, sandboxPayRefunds } from '../payments.table.ts';
import {
  ProviderError, type CreateOrderInput, type CreateOrderResult, type PaymentProvider, type QueryOrderResult, type RawNotification,
  type RefundInput, type RefundResult, type VerifiedNotification,
} from './provider.ts';
import { buildV3Envelope, hmacSign, hmacVerify, nonceStr, rfc3339, v3Ack, verifyV3Notification } from './v3-crypto.ts';

/**
 * The sandbox payment provider: it behaves like WeChat Pay API v3 (same notification headers, the
 * same AEAD_AES_256_GCM resource, TRANSACTION.SUCCESS / REFUND.SUCCESS), keeps its own books in
 * sandbox_pay_orders / sandbox_pay_refunds and signs with HMAC-SHA256 under keys derived from the
 * application secret, so every instance signs and verifies alike. Its pay page is sandbox.routes.ts.
 */
export const SANDBOX_MCH_ID = '1900000001';
export const SANDBOX_APP_ID = 'wxsandbox00000001';
export const SANDBOX_SIGNATURE_TYPE = 'WECHATPAY2-SHA256-HMAC';

export interface SandboxFaults { duplicates?: number; delaySeconds?: number; wrongAmount?: boolean; badSignature?: boolean; silent?: boolean }

export interface SandboxKeys { apiV3Key: Buffer; signKey: Buffer; serial: string }
export function sandboxKeys(secrets: Secrets): SandboxKeys {
  const signKey = secrets.derive('pay-sandbox-notify-sign');
  return {
    apiV3Key: secrets.derive('pay-sandbox-apiv3'),
    signKey,
    serial: `SBX${createHash('sha256').update(signKey).digest('hex').slice(0, 24).toUpperCase()}`,
  };
}

/** what the sandbox posts: a URL path with query, signed headers and the body */
export interface SandboxDelivery { url: string; headers: Record<string, string>; payload: string }
/** schedules (or sends) a notification; set by paySandboxJobs, which has the jobs and the loopback */
export type SandboxDispatch = (n: { kind: 'payment' | 'refund'; outTradeNo: string; outRefundNo?: string }) => Promise<void>;

type OrderRow = typeof sandboxPayOrders.$inferSelect;
type RefundRow = typeof sandboxPayRefunds.$inferSelect;

const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('');
export const newTransactionId = () => `SBX${businessNow().format('YYYYMMDDHHmmss')}${digits(12)}`;
const newRefundId = () => `SBXR${businessNow().format('YYYYMMDDHHmmss')}${digits(11)}`;

export class SandboxProvider implements PaymentProvider {
  readonly name = 'sandbox' as const;
  readonly merchantId = SANDBOX_MCH_ID;
  readonly keys: SandboxKeys;
  dispatch: SandboxDispatch | null = null;

  constructor(readonly database: Database, secrets: Secrets, private readonly now: () => number = Date.now) {
    this.keys = sandboxKeys(secrets);
  }

  async createOrder(input: CreateOrderInput, opts: { tx?: Executor } = {}): Promise<CreateOrderResult> {
    const origin = new URL(input.notifyUrl).origin;
    const db = opts.tx ?? this.database.db;
    const [row] = await db.insert(sandboxPayOrders).values({
      merchantId: SANDBOX_MCH_ID, outTradeNo: input.outTradeNo, amountFen: input.amountFen, description: input.description,
      notifyUrl: input.notifyUrl, returnUrl: input.returnUrl ?? null, expiresAt: input.expiresAt,
    }).onConflictDoNothing().returning();
    if (!row) {
      // WeChat answers a repeated order with the same parameters as the first time, and refuses others
      const existing = await this.find(input.outTradeNo, db);
      if (!existing || existing.amountFen !== input.amountFen || existing.notifyUrl !== input.notifyUrl) {
        throw new ProviderError('OUT_TRADE_NO_USED', '商户订单号重复', 400);
      }
      if (existing.status !== 'NOTPAY') throw new ProviderError(existing.status === 'CLOSED' ? 'ORDER_CLOSED' : 'ORDER_PAID', '订单已关闭或已支付', 400);
    }
    return { payUrl: `${origin}/sandbox/pay/${encodeURIComponent(input.outTradeNo)}` };
  }

  async find(outTradeNo: string, db: Executor = this.database.db): Promise<OrderRow | null> {
    const [row] = await db.select().from(sandboxPayOrders).where(eq(sandboxPayOrders.outTradeNo, outTradeNo));
    return row ?? null;
  }

  /** an unpaid order past its expiry is closed, as WeChat closes it */
  expired(o: OrderRow) { return o.status === 'NOTPAY' && o.expiresAt.getTime() <= this.now(); }

  async queryOrder(outTradeNo: string): Promise<QueryOrderResult> {
    const o = await this.find(outTradeNo);
    if (!o) return { status: 'not_found' };
    const status = o.status === 'SUCCESS' ? 'paid' : o.status === 'REFUND' ? 'refunded' : o.status === 'CLOSED' || this.expired(o) ? 'closed' : 'pending';
    return {
      status, merchantId: o.merchantId, amountFen: o.amountFen,
      ...(o.transactionId ? { providerTxnId: o.transactionId } : {}), ...(o.paidAt ? { paidAt: o.paidAt } : {}),
    };
  }

  async closeOrder(outTradeNo: string): Promise<void> {
    const o = await this.find(outTradeNo);
    if (!o) throw new ProviderError('ORDER_NOT_EXIST', '订单不存在', 404);
    if (o.status === 'SUCCESS' || o.status === 'REFUND') throw new ProviderError('ORDER_PAID', '订单已支付', 400);
    await this.database.db.update(sandboxPayOrders).set({ status: 'CLOSED' })
      .where(and(eq(sandboxPayOrders.outTradeNo, outTradeNo), eq(sandboxPayOrders.status, 'NOTPAY')));
  }

  /** marks the order paid (the pay page's 确认支付); null when it cannot be paid any more */
  async markPaid(outTradeNo: string, faults: SandboxFaults, tx?: Executor): Promise<OrderRow | null> {
    const db = tx ?? this.database.db;
    const [row] = await db.update(sandboxPayOrders)
      .set({ status: 'SUCCESS', transactionId: newTransactionId(), paidAt: new Date(this.now()), faults })
      .where(and(eq(sandboxPayOrders.outTradeNo, outTradeNo), eq(sandboxPayOrders.status, 'NOTPAY'), sql`${sandboxPayOrders.expiresAt} > ${new Date(this.now())}`))
      .returning();
    return row ?? null;
  }

  async refund(input: RefundInput): Promise<RefundResult> {
    const { refund, created } = await this.database.db.transaction(async (tx) => {
      const [o] = await tx.select().from(sandboxPayOrders).where(eq(sandboxPayOrders.outTradeNo, input.outTradeNo)).for('update');
      if (!o) throw new ProviderError('ORDER_NOT_EXIST', '订单不存在', 404);
      const [prior] = await tx.select().from(sandboxPayRefunds).where(eq(sandboxPayRefunds.outRefundNo, input.outRefundNo));
      if (prior) {
        if (prior.outTradeNo !== input.outTradeNo || prior.amountFen !== input.refundFen) throw new ProviderError('OUT_REFUND_NO_USED', '退款单号重复', 400);
        return { refund: prior, created: false };
      }
      if (o.status !== 'SUCCESS' && o.status !== 'REFUND') throw new ProviderError('TRADE_NOT_PAID', '订单未支付', 400);
      if (o.transactionId !== input.providerTxnId) throw new ProviderError('INVALID_REQUEST', '微信订单号与商户订单号不符', 400);
      if (input.totalFen !== o.amountFen) throw new ProviderError('INVALID_REQUEST', '订单金额与原订单不符', 400);
      const [{ done }] = await tx.select({ done: sql<number>`coalesce(sum(${sandboxPayRefunds.amountFen}), 0)::bigint` }).from(sandboxPayRefunds)
        .where(eq(sandboxPayRefunds.outTradeNo, input.outTradeNo)) as [{ done: number }];
      if (input.refundFen <= 0 || Number(done) + input.refundFen > o.amountFen) throw new ProviderError('NOT_ENOUGH', '退款金额超过可退金额', 400);
      const [r] = await tx.insert(sandboxPayRefunds).values({
        outRefundNo: input.outRefundNo, outTradeNo: input.outTradeNo, refundId: newRefundId(), amountFen: input.refundFen, status: 'SUCCESS',
      }).returning();
      await tx.update(sandboxPayOrders).set({ status: 'REFUND' }).where(eq(sandboxPayOrders.id, o.id));
      return { refund: r!, created: true };
    });
    if (created) {
      // like WeChat, the REFUND.SUCCESS notification comes after the answer (never inside the caller's work)
      setTimeout(() => { void this.dispatch?.({ kind: 'refund', outTradeNo: input.outTradeNo, outRefundNo: input.outRefundNo }).catch(() => {}); }, 0).unref();
    }
    return { status: 'succeeded', providerRefundId: refund.refundId };
  }

  async verifyNotification(req: RawNotification): Promise<VerifiedNotification> {
    return verifyV3Notification(req, {
      apiV3Key: this.keys.apiV3Key, mchId: SANDBOX_MCH_ID, now: this.now,
      check: (serial, message, signature) => {
        if (serial !== this.keys.serial) return null;
        const type = req.headers['wechatpay-signature-type'];
        if (type && type !== SANDBOX_SIGNATURE_TYPE) return false;
        return hmacVerify(message, signature, this.keys.signKey);
      },
    });
  }

  ack(accepted: boolean, message?: string, status?: number) { return v3Ack(accepted, message, status); }

  /** the signed notification of a payment (or a refund) as WeChat Pay v3 would post it; faults applied */
  notification(order: OrderRow, refund: RefundRow | null, opts: { wrongAmount?: boolean; badSignature?: boolean } = {}): SandboxDelivery {
    const url = new URL(order.notifyUrl);
    const total = order.amountFen + (opts.wrongAmount && !refund ? 1 : 0);
    const plaintext = refund
      ? JSON.stringify({
        mchid: order.merchantId, out_trade_no: order.outTradeNo, transaction_id: order.transactionId, out_refund_no: refund.outRefundNo,
        refund_id: refund.refundId, refund_status: refund.status, success_time: rfc3339(refund.createdAt), user_received_account: '支付用户零钱',
        amount: { total: order.amountFen, refund: refund.amountFen, payer_total: order.amountFen, payer_refund: refund.amountFen },
      })
      : JSON.stringify({
        appid: SANDBOX_APP_ID, mchid: order.merchantId, out_trade_no: order.outTradeNo, transaction_id: order.transactionId, trade_type: 'NATIVE',
        trade_state: 'SUCCESS', trade_state_desc: '支付成功', bank_type: 'OTHERS', attach: '', success_time: rfc3339(order.paidAt ?? new Date(this.now())),
        payer: { openid: 'oSandboxPayer000000000000000' }, amount: { total, payer_total: total, currency: 'CNY', payer_currency: 'CNY' },
      });
    const payload = buildV3Envelope({
      id: `EV-${refund ? refund.refundId : order.transactionId}`, eventType: refund ? `REFUND.${refund.status}` : 'TRANSACTION.SUCCESS',
      summary: refund ? '退款成功' : '支付成功', originalType: refund ? 'refund' : 'transaction', plaintext,
    }, this.keys.apiV3Key, new Date(this.now()));
    const timestamp = String(Math.floor(this.now() / 1000));
    const nonce = nonceStr();
    let signature = hmacSign(`${timestamp}\n${nonce}\n${payload}\n`, this.keys.signKey);
    if (opts.badSignature) signature = corrupt(signature);
    return {
      url: url.pathname + url.search,
      headers: {
        'content-type': 'application/json', 'wechatpay-timestamp': timestamp, 'wechatpay-nonce': nonce, 'wechatpay-signature': signature,
        'wechatpay-serial': this.keys.serial, 'wechatpay-signature-type': SANDBOX_SIGNATURE_TYPE, 'user-agent': 'Mozilla/4.0 (sandbox-pay)',
      },
      payload,
    };
  }
}

/** the same length, other bytes */
function corrupt(b64: string): string {
  const bytes = Buffer.from(b64, 'base64');
  bytes[0] = bytes[0]! ^ 0xff;
  return bytes.toString('base64');
}
