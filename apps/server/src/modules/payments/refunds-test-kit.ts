import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { TestApp } from '../../../test/harness.ts';
import { systemActor } from '../../lib/actor.ts';
import { paymentOrders } from './payments.table.ts';
import { postPayment } from './post-payment.ts';
import type { PaymentProvider, RefundInput, RefundResult } from './providers/provider.ts';

/** Shared by the refund tests: payments posted through postPayment (counter and online), a provider double. */
export function refundKit(t: () => TestApp) {
  const db = () => t().ctx.database.db;
  const rows = async (q: ReturnType<typeof sql>) => ((await db().execute(q)) as any).rows as any[];

  /** an online payment of a room (its order paid through `provider`), the rest beyond the bills into prepaid */
  async function onlinePayment(companyId: string, projectId: string, roomId: string, amountFen: number, o: { billIds?: string[]; provider?: 'sandbox' } = {}) {
    const outTradeNo = `T${randomBytes(8).toString('hex')}`;
    const providerTxnId = `4200${randomBytes(8).toString('hex')}`;
    return db().transaction(async (tx) => {
      const [order] = await tx.insert(paymentOrders).values({
        companyId, projectId, roomId, outTradeNo, provider: o.provider ?? 'sandbox', amountFen, description: '物业费', status: 'paid',
        expiresAt: new Date(Date.now() + 3_600_000), providerTxnId, paidAt: new Date(),
      }).returning();
      const { payment } = await postPayment(tx, systemActor(companyId, 'test'), {
        roomId, channel: 'online', amountFen, billIds: o.billIds, prepayRemainder: true, provider: o.provider ?? 'sandbox', providerTxnId, orderId: order!.id,
      });
      await tx.execute(sql`update payment_orders set payment_id = ${payment.id} where id = ${order!.id}`);
      return { paymentId: payment.id, outTradeNo, providerTxnId };
    });
  }

  /** the ledger entries a refund posted */
  const entriesOf = (refundId: string) => rows(sql`select kind, account, component, amount_fen::bigint as fen, bill_id, fee_item_id, reverses, payment_id
    from ledger_entries where refund_id = ${refundId} order by account, amount_fen`);

  return { rows, onlinePayment, entriesOf };
}

/** A provider that answers what the test says, recording every refund call. */
export function fakeProvider(answer: (input: RefundInput, call: number) => RefundResult | Promise<RefundResult>) {
  const calls: RefundInput[] = [];
  const p: PaymentProvider = {
    name: 'sandbox', merchantId: 'fake',
    createOrder: async () => { throw new Error('not used'); },
    queryOrder: async () => ({ status: 'paid' }),
    closeOrder: async () => {},
    refund: async (input) => { calls.push(input); return answer(input, calls.length); },
    verifyNotification: async () => { throw new Error('not used'); },
    ack: () => ({ status: 200, contentType: 'text/plain', body: 'ok' }),
  };
  return { provider: p, calls };
}
