import { settle, type SettleOrder } from './late-fee.ts';

/**
 * A pure model of one room's (or payer's) money: what the server's ledger must keep true.
 * Invariants after every accepted entry:
 *   billed  = paidPrincipal + waivedPrincipal + principalOutstanding
 *   lateFee = paidLateFee   + waivedLateFee   + lateFeeOutstanding
 *   every field ≥ 0 (in particular prepaid ≥ 0: a deduction never overdraws it).
 */
export interface AccountState {
  billedFen: number;
  lateFeeFen: number;
  paidPrincipalFen: number;
  paidLateFeeFen: number;
  waivedPrincipalFen: number;
  waivedLateFeeFen: number;
  principalOutstandingFen: number;
  lateFeeOutstandingFen: number;
  prepaidFen: number;
  refundedFen: number;
}

export const EMPTY_ACCOUNT: AccountState = Object.freeze({
  billedFen: 0, lateFeeFen: 0, paidPrincipalFen: 0, paidLateFeeFen: 0, waivedPrincipalFen: 0,
  waivedLateFeeFen: 0, principalOutstandingFen: 0, lateFeeOutstandingFen: 0, prepaidFen: 0, refundedFen: 0,
});

export type AccountEntry =
  | { kind: 'charge'; amountFen: number }
  | { kind: 'late_fee'; amountFen: number }
  | { kind: 'waiver'; principalFen: number; lateFeeFen: number }
  /** a payment settles in `order`; what is left over goes to prepaid (多余转预存) */
  | { kind: 'payment'; amountFen: number; order: SettleOrder }
  | { kind: 'prepay_deposit'; amountFen: number }
  /** pays outstanding from prepaid; refused if more than prepaid or than outstanding */
  | { kind: 'prepay_deduction'; amountFen: number; order: SettleOrder }
  /** pays prepaid back out */
  | { kind: 'refund'; amountFen: number }
  /** undoes (part of) an unpaid charge or late fee, or a payment (back to outstanding) */
  | { kind: 'reversal'; of: 'charge' | 'late_fee' | 'payment'; principalFen: number; lateFeeFen: number };

export type ApplyResult = { ok: true; state: AccountState } | { ok: false; reason: string };

const bad = (reason: string): ApplyResult => ({ ok: false, reason });
const nonNeg = (...xs: number[]) => xs.every((x) => Number.isSafeInteger(x) && x >= 0);

/** Applies one entry, or refuses it (with the state untouched) if it would break an invariant. */
export function applyEntry(s: AccountState, e: AccountEntry): ApplyResult {
  const ok = (patch: Partial<AccountState>): ApplyResult => ({ ok: true, state: { ...s, ...patch } });
  switch (e.kind) {
    case 'charge':
      if (!nonNeg(e.amountFen)) return bad('amount must be ≥ 0');
      return ok({ billedFen: s.billedFen + e.amountFen, principalOutstandingFen: s.principalOutstandingFen + e.amountFen });
    case 'late_fee':
      if (!nonNeg(e.amountFen)) return bad('amount must be ≥ 0');
      return ok({ lateFeeFen: s.lateFeeFen + e.amountFen, lateFeeOutstandingFen: s.lateFeeOutstandingFen + e.amountFen });
    case 'waiver':
      if (!nonNeg(e.principalFen, e.lateFeeFen)) return bad('amounts must be ≥ 0');
      if (e.principalFen > s.principalOutstandingFen || e.lateFeeFen > s.lateFeeOutstandingFen) return bad('waives more than outstanding');
      return ok({
        waivedPrincipalFen: s.waivedPrincipalFen + e.principalFen, waivedLateFeeFen: s.waivedLateFeeFen + e.lateFeeFen,
        principalOutstandingFen: s.principalOutstandingFen - e.principalFen, lateFeeOutstandingFen: s.lateFeeOutstandingFen - e.lateFeeFen,
      });
    case 'payment':
    case 'prepay_deduction': {
      if (!nonNeg(e.amountFen)) return bad('amount must be ≥ 0');
      const deduct = e.kind === 'prepay_deduction';
      if (deduct && e.amountFen > s.prepaidFen) return bad('deducts more than prepaid');
      const split = settle(e.amountFen, { principalOutstanding: s.principalOutstandingFen, lateFeeOutstanding: s.lateFeeOutstandingFen }, e.order);
      if (deduct && split.unappliedFen > 0) return bad('deducts more than outstanding');
      return ok({
        paidPrincipalFen: s.paidPrincipalFen + split.principalFen, paidLateFeeFen: s.paidLateFeeFen + split.lateFeeFen,
        principalOutstandingFen: s.principalOutstandingFen - split.principalFen, lateFeeOutstandingFen: s.lateFeeOutstandingFen - split.lateFeeFen,
        prepaidFen: deduct ? s.prepaidFen - e.amountFen : s.prepaidFen + split.unappliedFen,
      });
    }
    case 'prepay_deposit':
      if (!nonNeg(e.amountFen)) return bad('amount must be ≥ 0');
      return ok({ prepaidFen: s.prepaidFen + e.amountFen });
    case 'refund':
      if (!nonNeg(e.amountFen)) return bad('amount must be ≥ 0');
      if (e.amountFen > s.prepaidFen) return bad('refunds more than prepaid');
      return ok({ prepaidFen: s.prepaidFen - e.amountFen, refundedFen: s.refundedFen + e.amountFen });
    case 'reversal': {
      const { principalFen: p, lateFeeFen: l } = e;
      if (!nonNeg(p, l)) return bad('amounts must be ≥ 0');
      if (e.of === 'payment') {
        if (p > s.paidPrincipalFen || l > s.paidLateFeeFen) return bad('reverses more than was paid');
        return ok({
          paidPrincipalFen: s.paidPrincipalFen - p, paidLateFeeFen: s.paidLateFeeFen - l,
          principalOutstandingFen: s.principalOutstandingFen + p, lateFeeOutstandingFen: s.lateFeeOutstandingFen + l,
        });
      }
      if (e.of === 'charge' ? l !== 0 : p !== 0) return bad(`a ${e.of} reversal moves only its own side`);
      if (p > s.principalOutstandingFen || l > s.lateFeeOutstandingFen) return bad('reverses more than is outstanding');
      return ok({
        billedFen: s.billedFen - p, lateFeeFen: s.lateFeeFen - l,
        principalOutstandingFen: s.principalOutstandingFen - p, lateFeeOutstandingFen: s.lateFeeOutstandingFen - l,
      });
    }
  }
}

/** The balance check the property test and the server's month-end close both assert. */
export function accountBalances(s: AccountState): boolean {
  const vals = Object.values(s) as number[];
  return vals.every((v) => Number.isSafeInteger(v) && v >= 0)
    && s.billedFen + s.lateFeeFen === s.paidPrincipalFen + s.paidLateFeeFen + s.waivedPrincipalFen + s.waivedLateFeeFen
      + s.principalOutstandingFen + s.lateFeeOutstandingFen
    && s.billedFen === s.paidPrincipalFen + s.waivedPrincipalFen + s.principalOutstandingFen;
}
