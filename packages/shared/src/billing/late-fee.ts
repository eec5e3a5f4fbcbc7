import { addDays, dayNumber } from './dates.ts';
import { BillingInputError, requireInt } from './errors.ts';
import { rat, ratCmp, ratToString, roundRat, type Rat } from './rational.ts';

export interface PrincipalPayment { date: string; principalFen: number }

export interface LateFeeInput {
  /** the bill's original principal in 分 */
  principalFen: number;
  dueDate: string;
  graceDays: number;
  /** parts per million of the unpaid principal per day (0.5‰/day = 500) */
  dailyRatePpm: number;
  /** cap in basis points of the ORIGINAL principal (10 % = 1000); null = no cap */
  capBp: number | null;
  /** last day that accrues (included) */
  asOf: string;
  /** principal paid, by business date */
  payments: readonly PrincipalPayment[];
}

export interface LateFeeResult {
  amountFen: number;
  exact: Rat;
  /** first day that accrues: dueDate + graceDays + 1 */
  accrualStart: string;
  /** days that accrued (asOf − accrualStart + 1, or 0) */
  days: number;
  capped: boolean;
  /** Σ unpaid principal over the accruing days (分·days) — the rate's base */
  principalDays: string;
}

/**
 * Late fee on a bill as of `asOf`.
 * - Accrues from the day after dueDate + graceDays (grace is not retroactive: once past it,
 *   the grace days themselves never accrue) through asOf, inclusive.
 * - Each day accrues rate × that day's unpaid principal = original − principal paid on or
 *   before that day: a payment on day D counts from day D, so day D accrues only on what is
 *   still unpaid after it (paid on the day → no fee for that day on the paid part).
 * - Simple interest on principal only (no late fee on late fee), capped at capBp of the
 *   original principal, summed exactly and rounded half-up once.
 */
export function lateFee(input: LateFeeInput): LateFeeResult {
  const { principalFen, graceDays, dailyRatePpm, capBp } = input;
  requireInt(principalFen, 'bad_amount', 'principalFen', 0);
  requireInt(graceDays, 'bad_rate', 'graceDays', 0);
  requireInt(dailyRatePpm, 'bad_rate', 'dailyRatePpm', 0);
  if (capBp !== null) requireInt(capBp, 'bad_rate', 'capBp', 0);
  const accrualStart = addDays(input.dueDate, graceDays + 1);
  const first = dayNumber(accrualStart), last = dayNumber(input.asOf);
  const pays = input.payments.map((p) => {
    requireInt(p.principalFen, 'bad_payment', 'payment principalFen', 0);
    return { n: dayNumber(p.date), fen: p.principalFen };
  }).sort((a, b) => a.n - b.n);

  // Σ over days d in [first, last] of max(0, principal − paid(≤ d)), piecewise between payments.
  let principalDays = 0n;
  let unpaid = principalFen, day = first, i = 0;
  while (i < pays.length && pays[i]!.n <= first) unpaid -= pays[i++]!.fen;
  while (day <= last) {
    const nextChange = i < pays.length ? pays[i]!.n : Infinity;
    const until = Math.min(last, nextChange - 1);
    if (until >= day) principalDays += BigInt(Math.max(0, unpaid)) * BigInt(until - day + 1);
    if (nextChange > last) break;
    day = nextChange;
    while (i < pays.length && pays[i]!.n === nextChange) unpaid -= pays[i++]!.fen;
  }
  let exact = rat(principalDays * BigInt(dailyRatePpm), 1_000_000n);
  let capped = false;
  if (capBp !== null) {
    const cap = rat(BigInt(principalFen) * BigInt(capBp), 10_000n);
    // capped = the fee stands at the cap, so later days add nothing
    if (ratCmp(exact, cap) >= 0) { exact = cap; capped = true; }
  }
  return { amountFen: roundRat(exact), exact, accrualStart, days: Math.max(0, last - first + 1), capped, principalDays: ratToString(rat(principalDays)) };
}

export type SettleOrder = 'principal_first' | 'late_fee_first';

export interface SettleResult {
  principalFen: number;
  lateFeeFen: number;
  /** what is left of the payment after both are settled (e.g. to prepay) */
  unappliedFen: number;
}

/** Splits a payment between principal and late fee in the project's order (default principal first). */
export function settle(
  paymentFen: number,
  outstanding: { principalOutstanding: number; lateFeeOutstanding: number },
  order: SettleOrder = 'principal_first',
): SettleResult {
  requireInt(paymentFen, 'bad_payment', 'payment', 0);
  requireInt(outstanding.principalOutstanding, 'bad_amount', 'principalOutstanding', 0);
  requireInt(outstanding.lateFeeOutstanding, 'bad_amount', 'lateFeeOutstanding', 0);
  if (order !== 'principal_first' && order !== 'late_fee_first') throw new BillingInputError('bad_payment', `unknown order ${String(order)}`);
  const firstOut = order === 'principal_first' ? outstanding.principalOutstanding : outstanding.lateFeeOutstanding;
  const secondOut = order === 'principal_first' ? outstanding.lateFeeOutstanding : outstanding.principalOutstanding;
  const a = Math.min(paymentFen, firstOut);
  const b = Math.min(paymentFen - a, secondOut);
  const [principalFen, lateFeeFen] = order === 'principal_first' ? [a, b] : [b, a];
  return { principalFen, lateFeeFen, unappliedFen: paymentFen - a - b };
}
