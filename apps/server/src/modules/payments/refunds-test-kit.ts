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

/**
 * Voids under test: what the service should answer for a payment as it stands (its own rules, read
 * from the rows, not from the service), everything a void could write for a room, and the shape a
 * voided payment must keep.
 */
export function voidKit(t: () => TestApp) {
  const rows = async (q: ReturnType<typeof sql>) => ((await t().ctx.database.db.execute(q)) as any).rows as any[];

  /** the refusal `voidPayment` owes this payment (its details' message), or null when the void must go through */
  async function expectedRefusal(paymentId: string): Promise<string | null> {
    const [p] = await rows(sql`select p.status, p.prepaid_fen::bigint as prepaid,
        (select count(*) from refunds r where r.payment_id = p.id and r.status not in ('rejected', 'failed'))::int as open_refunds,
        coalesce((select balance_fen from account_balances b where b.room_id = p.room_id and b.account = 'prepaid' and b.parking_space_id is null
          and b.fee_item_id is not distinct from p.prepaid_fee_item_id), 0)::bigint as held
      from payments p where p.id = ${paymentId}`);
    if (p.status !== 'posted') return 'already_voided';
    if (p.open_refunds > 0) return 'has_refunds';
    if (Number(p.prepaid) > Number(p.held)) return 'insufficient_balance';
    return null;
  }

  /** the room's entries, held balances, payments, receipts and refunds: equal before and after a refused void */
  async function footprint(roomId: string): Promise<string> {
    const [f] = await rows(sql`select
        (select json_build_array(count(*), coalesce(sum(amount_fen), 0)) from ledger_entries where room_id = ${roomId}) as entries,
        (select json_agg(json_build_array(account, fee_item_id, balance_fen) order by account, fee_item_id) from account_balances where room_id = ${roomId}) as held,
        (select json_agg(json_build_array(id, status, version, refunded_fen) order by id) from payments where room_id = ${roomId}) as payments,
        (select json_agg(json_build_array(r.id, r.status) order by r.id) from receipts r join payments p on p.id = r.payment_id where p.room_id = ${roomId}) as receipts,
        (select json_agg(json_build_array(id, status, version) order by id) from refunds where room_id = ${roomId}) as refunds`);
    return JSON.stringify(f);
  }

  /**
   * Per voided payment of the room: its receipt is void too, nothing was refunded, and every entry it
   * posted has exactly one reversal of the opposite amount — so its entries net to 0 per account, bill and component.
   */
  async function voidBreaks(roomId: string): Promise<string[]> {
    const bad = await rows(sql`select p.id, p.refunded_fen, r.status as receipt,
        (select count(*) from ledger_entries e where e.payment_id = p.id and e.kind in ('payment', 'prepay_deposit')
          and (select count(*) from ledger_entries x where x.reverses = e.id and x.kind = 'reversal' and x.amount_fen = -e.amount_fen) <> 1)::int as unreversed,
        (select count(*) from (select 1 from ledger_entries e where e.payment_id = p.id
          group by e.account, e.bill_id, e.component having sum(e.amount_fen) <> 0) n)::int as unbalanced
      from payments p left join receipts r on r.payment_id = p.id
      where p.room_id = ${roomId} and p.status = 'voided'`);
    return bad.filter((b) => Number(b.refunded_fen) !== 0 || b.receipt !== 'voided' || b.unreversed > 0 || b.unbalanced > 0).map((b) => `voided ${JSON.stringify(b)}`);
  }

  return { expectedRefusal, footprint, voidBreaks };
}
