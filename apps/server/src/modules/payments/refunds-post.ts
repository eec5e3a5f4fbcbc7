import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { AppDb, Tx } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { systemActor, type Actor } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import { record } from '../audit/audit.service.ts';
import { debitHeld, guardMoney } from '../billing/held-balances.ts';
import { today } from '../billing/late-fees.service.ts';
import { ledgerEntries } from '../billing/ledger.table.ts';
import { redLetterForRefund } from './invoices.service.ts';
import { invoicePayments, paymentAllocations, payments, refunds } from './payments.table.ts';
import type { RefundResult, VerifiedNotification } from './providers/provider.ts';
import type { Refund, StoredLine } from './refunds.views.ts';

/**
 * Paying a refund out: the locks (one order everywhere: refund → room → payment → balances →
 * bills), the entries (docs/payments-plan.md), the provider round trip of an `original` refund, its
 * notification and the sweep that finishes what the provider left processing. A refund posts once:
 * the move to `succeeded` is a guarded update (`where status = 'processing'`) in the posting transaction.
 */
type Payment = typeof payments.$inferSelect;
const entity = (r: Pick<Refund, 'id' | 'projectId'>) => ({ type: 'refund', id: r.id, projectId: r.projectId });
const allocationLines = (r: Refund) => (r.lines as StoredLine[]).filter((l) => l.allocationId !== 'prepaid' && l.allocationId !== 'deposit');

/** Locks, after the refund row, the room, its payment, the balance rows and the bills it moves (as void and invoicing: room before payment); returns the payment. */
export async function lockForPosting(tx: Tx, r: Refund): Promise<Payment | null> {
  await tx.execute(sql`select id from rooms where company_id = ${r.companyId} and id = ${r.roomId} for no key update`);
  let p: Payment | null = null;
  if (r.paymentId) {
    [p] = await tx.select().from(payments).where(and(eq(payments.companyId, r.companyId), eq(payments.id, r.paymentId))).for('update') as Payment[];
  }
  const held = (r.lines as StoredLine[]).some((l) => l.allocationId === 'prepaid' || l.allocationId === 'deposit');
  if (held) {
    await tx.execute(sql`select id from account_balances where company_id = ${r.companyId} and room_id = ${r.roomId} and parking_space_id is null
      and account = ${r.source === 'deposit' ? 'deposit' : 'prepaid'} order by id for update`);
  }
  const ids = allocationLines(r).map((l) => l.allocationId);
  if (ids.length > 0) {
    await tx.execute(sql`select b.id from bills b where b.company_id = ${r.companyId}
      and b.id in (select bill_id from payment_allocations where company_id = ${r.companyId} and id = any(${sql.param(ids)}::uuid[])) order by b.id for no key update`);
  }
  return p;
}

/**
 * The entries of a refund that succeeded: per allocation line a `reversal` (+) of its `payment`
 * entry (same bill, component, fee item) and its `refunded_fen`; the prepaid part / a prepaid or
 * deposit balance a `refund` (−) with the balance debited; the payment's `refunded_fen`. Dated today.
 */
export async function postRefund(tx: Tx, ctx: AppContext, actor: Actor, r: Refund, p: Payment | null) {
  const day = today();
  const base = { companyId: r.companyId, projectId: r.projectId, roomId: r.roomId, entryDate: day, refundId: r.id, paymentId: p?.id ?? null, createdBy: r.decidedBy ?? actor.userId };
  const account = r.source === 'deposit' ? 'deposit' as const : 'prepaid' as const;
  const target = { companyId: r.companyId, projectId: r.projectId, roomId: r.roomId };
  const note = `退款：${r.reason}`;
  const posted = await guardMoney(account, async () => {
    const out: string[] = [];
    const allocs = allocationLines(r);
    if (allocs.length > 0) {
      const rows = await tx.select({ a: paymentAllocations, e: ledgerEntries }).from(paymentAllocations)
        .innerJoin(ledgerEntries, eq(ledgerEntries.id, paymentAllocations.entryId))
        .where(and(eq(paymentAllocations.companyId, r.companyId), inArray(paymentAllocations.id, allocs.map((l) => l.allocationId))));
      const byId = new Map(rows.map((x) => [x.a.id, x]));
      const entries = await tx.insert(ledgerEntries).values(allocs.map((l) => {
        const { e } = byId.get(l.allocationId)!;
        return { ...base, feeItemId: e.feeItemId, billId: e.billId, kind: 'reversal' as const, account: 'receivable' as const, component: e.component, amountFen: l.amountFen, reverses: e.id, note };
      })).returning({ id: ledgerEntries.id });
      out.push(...entries.map((e) => e.id));
      for (const l of allocs) {
        await tx.update(paymentAllocations).set({ refundedFen: sql`${paymentAllocations.refundedFen} + ${l.amountFen}` }).where(eq(paymentAllocations.id, l.allocationId));
      }
    }
    for (const l of r.lines as StoredLine[]) {
      if (l.allocationId !== 'prepaid' && l.allocationId !== 'deposit') continue;
      const feeItemId = r.source === 'payment' ? p!.prepaidFeeItemId : r.feeItemId;
      await debitHeld(tx, target, account, feeItemId, l.amountFen);
      const [e] = await tx.insert(ledgerEntries).values({ ...base, feeItemId, kind: 'refund', account, component: 'principal', amountFen: -l.amountFen, note }).returning({ id: ledgerEntries.id });
      out.push(e!.id);
    }
    if (p) {
      await tx.update(payments).set({ refundedFen: sql`${payments.refundedFen} + ${r.amountFen}`, version: sql`${payments.version} + 1` }).where(eq(payments.id, p.id));
    }
    return out;
  });
  await record(tx, actor, 'payment.refund_succeeded', entity(r), null, { amountFen: r.amountFen, channel: r.channel, lines: r.lines, entryIds: posted, providerRefundId: r.providerRefundId });
  if (p) {
    // a payment on a live issued invoice: 红冲 it (and re-invoice what is left), in this transaction, after refunded_fen moved
    const [live] = await tx.select({ id: invoicePayments.id }).from(invoicePayments)
      .where(and(eq(invoicePayments.companyId, r.companyId), eq(invoicePayments.paymentId, p.id), eq(invoicePayments.active, true)));
    if (live) await redLetterForRefund(tx, ctx, actor, p.id, r.id);
  }
  return posted;
}

const sweepActor = (companyId: string) => systemActor(companyId, '退款');

/** processing → succeeded and posted, once (false when another path got there first). */
export async function finishSucceeded(db: AppDb, ctx: AppContext, refundId: string, providerRefundId?: string): Promise<boolean> {
  try {
    return await db.transaction(async (tx) => {
      const [r] = await tx.update(refunds).set({
        status: 'succeeded', completedAt: new Date(), failReason: null, version: sql`${refunds.version} + 1`,
        ...(providerRefundId ? { providerRefundId } : {}),
      }).where(and(eq(refunds.id, refundId), eq(refunds.status, 'processing'))).returning();
      if (!r) return false;
      const p = await lockForPosting(tx, r);
      await postRefund(tx, ctx, sweepActor(r.companyId), r, p);
      return true;
    });
  } catch (e) {
    // the provider has paid it back but the books cannot take it (e.g. the prepaid balance was spent meanwhile): keep it processing, say why
    if (!(e instanceof AppError)) throw e;
    await db.update(refunds).set({ failReason: `渠道已退款，但记账失败，需人工处理：${e.message}` }).where(and(eq(refunds.id, refundId), eq(refunds.status, 'processing')));
    return false;
  }
}

/** processing → failed (nothing was posted); false when it was no longer processing. */
export async function markFailed(db: AppDb, refundId: string, failReason: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [r] = await tx.update(refunds).set({ status: 'failed', failReason, completedAt: new Date(), version: sql`${refunds.version} + 1` })
      .where(and(eq(refunds.id, refundId), eq(refunds.status, 'processing'))).returning();
    if (!r) return false;
    await record(tx, sweepActor(r.companyId), 'payment.refund_failed', entity(r), { status: 'processing' }, { status: 'failed', failReason });
    return true;
  });
}

/** What the provider said, applied. */
export async function applyProviderResult(db: AppDb, ctx: AppContext, refundId: string, res: RefundResult) {
  if (res.status === 'succeeded') return finishSucceeded(db, ctx, refundId, res.providerRefundId);
  if (res.status === 'failed') return markFailed(db, refundId, res.failReason ?? '渠道退款失败');
  if (res.providerRefundId) {
    await db.update(refunds).set({ providerRefundId: res.providerRefundId }).where(and(eq(refunds.id, refundId), eq(refunds.status, 'processing')));
  }
  return false;
}

/**
 * Asks the payment's provider to refund a processing refund (again: providers treat the same
 * out_refund_no as the same refund and answer its state, so the sweep uses this as its query).
 * A provider that cannot be reached leaves it processing.
 */
export async function callProvider(db: AppDb, ctx: AppContext, refundId: string) {
  const [row] = rowsOf(await db.execute(sql`select r.out_refund_no, r.amount_fen, r.reason, p.provider, p.provider_txn_id, p.amount_fen as total_fen,
      coalesce(o.out_trade_no, o2.out_trade_no) as out_trade_no
    from refunds r join payments p on p.id = r.payment_id and p.company_id = r.company_id
    left join payment_orders o on o.id = p.order_id
    left join payment_orders o2 on o2.payment_id = p.id
    where r.id = ${refundId} and r.status = 'processing'`));
  if (!row) return false;
  const provider = ctx.payProviders.get(row.provider);
  if (!provider || !row.out_trade_no) return false;
  let res: RefundResult;
  try {
    res = await provider.refund({
      outTradeNo: row.out_trade_no, providerTxnId: row.provider_txn_id, outRefundNo: row.out_refund_no, refundFen: Number(row.amount_fen),
      totalFen: Number(row.total_fen), reason: row.reason,
    });
  } catch (e: any) {
    // the provider refused it outright (4xx with its code: not paid, exceeds, wrong order …): nothing was refunded.
    // Anything else (network, 5xx, a bad answer) may or may not have reached it: stay processing, the sweep asks again.
    // Rate limiting (429, WeChat's FREQUENCY_LIMITED) refused nothing for good: ask again later.
    const status = Number(e?.httpStatus);
    const later = status === 429 || e?.code === 'FREQUENCY_LIMITED';
    if (typeof e?.code === 'string' && status >= 400 && status < 500 && !later) return markFailed(db, refundId, `${e.code}：${e.message}`);
    return false;
  }
  return applyProviderResult(db, ctx, refundId, res);
}

export type RefundSettlement = {
  verdict: 'refund_updated' | 'duplicate' | 'unknown_order' | 'amount_mismatch';
  refundId: string | null; companyId: string | null; paymentId: string | null; detail?: string;
};

/**
 * A provider's refund notification (signature already verified by the callback): the refund named
 * by `outRefundNo` (of that order, for that amount) finishes — posted once on success, failed
 * otherwise. Replays answer `duplicate`.
 */
export async function settleRefundNotification(db: AppDb, ctx: AppContext, v: VerifiedNotification): Promise<RefundSettlement> {
  const none = { refundId: null, companyId: null, paymentId: null };
  if (!v.outRefundNo) return { verdict: 'unknown_order', ...none, detail: 'no out_refund_no' };
  const [row] = rowsOf(await db.execute(sql`select r.id, r.company_id, r.payment_id, r.status, r.amount_fen, p.provider,
      coalesce(o.out_trade_no, o2.out_trade_no) as out_trade_no
    from refunds r join payments p on p.id = r.payment_id and p.company_id = r.company_id
    left join payment_orders o on o.id = p.order_id left join payment_orders o2 on o2.payment_id = p.id
    where r.out_refund_no = ${v.outRefundNo} and r.channel = 'original'`));
  if (!row || (row.out_trade_no && row.out_trade_no !== v.outTradeNo)) return { verdict: 'unknown_order', ...none, detail: `refund ${v.outRefundNo}` };
  const ids = { refundId: row.id as string, companyId: row.company_id as string, paymentId: row.payment_id as string };
  if (!(await amountAgrees(db, row, v))) return { verdict: 'amount_mismatch', ...ids, detail: `ours ${row.amount_fen}, theirs ${v.amountFen}${v.cumulative ? ' in all' : ''}` };
  if (row.status !== 'processing') return { verdict: 'duplicate', ...ids, detail: row.status };
  const done = v.success ? await finishSucceeded(db, ctx, row.id, v.providerRefundId) : await markFailed(db, row.id, '渠道通知退款失败');
  return { verdict: done ? 'refund_updated' : 'duplicate', ...ids };
}

/**
 * The notified amount is this refund's (WeChat, the sandbox) or, from Alipay, the trade's refunded
 * total so far: then it must cover this refund and not exceed what our live refunds of the payment
 * add up to (several may be in flight, and their notifications can come in any order).
 */
async function amountAgrees(db: AppDb, row: { id: string; payment_id: string; amount_fen: unknown }, v: VerifiedNotification) {
  if (!v.cumulative) return Number(row.amount_fen) === v.amountFen;
  const [t] = rowsOf(await db.execute(sql`select coalesce(sum(amount_fen), 0)::bigint as fen from refunds
    where payment_id = ${row.payment_id} and channel = 'original' and status in ('processing', 'succeeded')`));
  return v.amountFen >= Number(row.amount_fen) && v.amountFen <= Number(t.fen);
}

/** The sweep: every processing refund older than a moment goes back to its provider once; returns how many finished. */
export async function sweepRefunds(db: AppDb, ctx: AppContext, ids: string[]) {
  let finished = 0;
  for (const id of ids) if (await callProvider(db, ctx, id)) finished++;
  return finished;
}
