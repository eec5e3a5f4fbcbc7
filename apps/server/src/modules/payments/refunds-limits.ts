import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { accountBalances } from '../billing/balances.table.ts';
import { bills } from '../billing/ledger.table.ts';
import { paymentAllocations, payments } from './payments.table.ts';
import type { StoredLine } from './refunds.views.ts';

/**
 * How much a refund may still take, and where from. A request counts every open refund
 * (requested, approved, processing) as already spoken for; an approval counts only those already
 * approved or on their way (two requests may together exceed what is left — the first approved
 * wins, the second gets 409). Succeeded refunds are in the payment's and allocations' `refunded_fen`.
 */
export type Claimers = readonly string[];
export const REQUEST_CLAIMS: Claimers = ['requested', 'approved', 'processing'];
export const APPROVE_CLAIMS: Claimers = ['approved', 'processing'];
const NIL = '00000000-0000-0000-0000-000000000000';
type Payment = typeof payments.$inferSelect;

/** Σ of the refunds of a payment in `statuses` (other than `exclude`). */
export async function claimedOfPayment(db: Executor, p: Payment, statuses: Claimers, exclude: string | null) {
  const [r] = rowsOf(await db.execute(sql`select coalesce(sum(amount_fen), 0)::bigint as fen from refunds
    where company_id = ${p.companyId} and payment_id = ${p.id} and status = any(${sql.param([...statuses])}::text[]) and id <> ${exclude ?? NIL}`));
  return Number(r.fen);
}

/** Σ of the lines of a payment's refunds in `statuses`, per allocation id (or 'prepaid'). */
export async function claimedLines(db: Executor, p: Payment, statuses: Claimers, exclude: string | null): Promise<Map<string, number>> {
  const rows = rowsOf(await db.execute(sql`select l->>'allocationId' as target, sum((l->>'amountFen')::bigint)::bigint as fen
    from refunds r cross join lateral jsonb_array_elements(r.lines) l
    where r.company_id = ${p.companyId} and r.payment_id = ${p.id} and r.status = any(${sql.param([...statuses])}::text[]) and r.id <> ${exclude ?? NIL}
    group by 1`));
  return new Map(rows.map((r) => [r.target as string, Number(r.fen)]));
}

/**
 * What open refunds of a room (of any source) would take from one held balance — its prepaid
 * earmark (null = general) or a deposit fee item — other than `exclude`.
 */
export async function claimedOfBalance(db: Executor, companyId: string, roomId: string, account: 'prepaid' | 'deposit', feeItemId: string | null,
  statuses: Claimers, exclude: string | null) {
  const [r] = rowsOf(await db.execute(sql`select coalesce(sum((l->>'amountFen')::bigint), 0)::bigint as fen
    from refunds r left join payments p on p.id = r.payment_id and p.company_id = r.company_id
    cross join lateral jsonb_array_elements(r.lines) l
    where r.company_id = ${companyId} and r.room_id = ${roomId} and r.status = any(${sql.param([...statuses])}::text[]) and r.id <> ${exclude ?? NIL}
      and l->>'allocationId' = ${account}
      and (case when r.source = 'payment' then p.prepaid_fee_item_id else r.fee_item_id end) is not distinct from ${feeItemId}::uuid`));
  return Number(r.fen);
}

export async function heldBalance(db: Executor, companyId: string, roomId: string, account: 'prepaid' | 'deposit', feeItemId: string | null, lock = false) {
  const q = db.select({ balanceFen: accountBalances.balanceFen }).from(accountBalances).where(and(
    eq(accountBalances.companyId, companyId), eq(accountBalances.roomId, roomId), sql`${accountBalances.parkingSpaceId} is null`,
    eq(accountBalances.account, account), feeItemId === null ? sql`${accountBalances.feeItemId} is null` : eq(accountBalances.feeItemId, feeItemId)));
  const [row] = lock ? await q.for('update') : await q;
  return row?.balanceFen ?? 0;
}

/** The payment's allocations, newest bill first (due date, period), principal before late fee within a bill. */
export async function allocationsNewestFirst(db: Executor, p: Payment) {
  return db.select({ a: paymentAllocations, dueDate: bills.dueDate, periodFrom: bills.periodFrom, feeItemId: bills.feeItemId })
    .from(paymentAllocations).innerJoin(bills, eq(bills.id, paymentAllocations.billId))
    .where(and(eq(paymentAllocations.companyId, p.companyId), eq(paymentAllocations.paymentId, p.id)))
    .orderBy(desc(bills.dueDate), desc(bills.periodFrom), sql`${paymentAllocations.component} = 'late_fee'`, desc(paymentAllocations.id));
}

export interface Capacity { target: string; capFen: number }

/**
 * What a payment refund of `statuses`' view may take: per target (prepaid part first, then the
 * allocations in order) and in total. `maxFen` is the most one refund may be now.
 */
export async function paymentCapacity(db: Executor, p: Payment, statuses: Claimers, exclude: string | null, allocationIds?: readonly string[]) {
  // one after the other: these run on the caller's transaction (one connection)
  const claimed = await claimedOfPayment(db, p, statuses, exclude);
  const lines = await claimedLines(db, p, statuses, exclude);
  const allocs = await allocationsNewestFirst(db, p);
  const totalCap = Math.max(0, p.amountFen - p.refundedFen - claimed);
  const caps: Capacity[] = [];
  if (p.prepaidFen > 0) {
    // the prepaid part: what of it no refund took or holds, and no more than the earmark holds now beyond other refunds' claims
    const taken = (await claimedLines(db, p, [...statuses, 'succeeded'], exclude)).get('prepaid') ?? 0;
    const balance = await heldBalance(db, p.companyId, p.roomId, 'prepaid', p.prepaidFeeItemId);
    const others = await claimedOfBalance(db, p.companyId, p.roomId, 'prepaid', p.prepaidFeeItemId, statuses, exclude);
    caps.push({ target: 'prepaid', capFen: Math.max(0, Math.min(p.prepaidFen - taken, balance - others)) });
  }
  const byId = new Map(allocs.map((r) => [r.a.id, r]));
  const order = allocationIds ? allocationIds.map((id) => byId.get(id)).filter((x) => x !== undefined) : allocs;
  for (const r of order) caps.push({ target: r.a.id, capFen: Math.max(0, r.a.amountFen - r.a.refundedFen - (lines.get(r.a.id) ?? 0)) });
  const maxFen = Math.min(totalCap, caps.reduce((s, c) => s + c.capFen, 0));
  return { caps, maxFen, allocations: byId };
}

/** Fills `amountFen` from the capacities in order; null when they do not hold it. */
export function planLines(amountFen: number, caps: Capacity[]): StoredLine[] | null {
  const lines: StoredLine[] = [];
  let left = amountFen;
  for (const c of caps) {
    if (left === 0) break;
    const take = Math.min(left, c.capFen);
    if (take > 0) { lines.push({ allocationId: c.target, amountFen: take }); left -= take; }
  }
  return left === 0 ? lines : null;
}
