import { splitByMonth } from './dates.ts';
import { BillingInputError, requireInt } from './errors.ts';
import { rat, ratMul, ratSum, ratToString, roundRat, type Rat } from './rational.ts';

/**
 * What a periodic standard charges per full month: a fixed amount (per room, household,
 * parking space) or area × unit price.
 */
export interface ChargeBasis {
  /** fixed monthly amount in 分 */
  monthlyFen?: number;
  /** area in 1/100 m² */
  area?: number;
  /** 1/10,000 元 per m² per month */
  unitPrice?: number;
}

/**
 * The exact monthly amount in 分. Area·price: (a/100 m²)·(p/10,000 元) = a·p/1,000,000 元
 * = a·p/10,000 分 — kept as a rational, never rounded before proration.
 */
export function monthlyAmount(basis: ChargeBasis): Rat {
  const { monthlyFen, area, unitPrice } = basis;
  const fixed = monthlyFen !== undefined;
  const byArea = area !== undefined || unitPrice !== undefined;
  if (fixed === byArea) throw new BillingInputError('bad_basis', 'give either monthlyFen or area and unitPrice');
  if (fixed) { requireInt(monthlyFen, 'bad_amount', 'monthlyFen'); return rat(monthlyFen); }
  if (area === undefined || unitPrice === undefined) throw new BillingInputError('bad_basis', 'area and unitPrice go together');
  requireInt(area, 'bad_area', 'area', 0);
  requireInt(unitPrice, 'bad_price', 'unitPrice', 0);
  return rat(BigInt(area) * BigInt(unitPrice), 10_000n);
}

export interface ProrationPiece {
  month: string;
  from: string;
  to: string;
  days: number;
  daysInMonth: number;
  /** "days/daysInMonth" as written, e.g. "15/30" */
  fraction: string;
  /** exact 分 of this piece, reduced ("1234" or "37037/3") */
  exactFen: string;
}

export interface PeriodicChargeResult {
  /** the line's amount: the exact sum rounded half-up once */
  amountFen: number;
  exact: Rat;
  /** exact monthly amount in 分, e.g. "110487750/10000" reduced */
  monthlyExactFen: string;
  pieces: ProrationPiece[];
}

/**
 * The charge for [from, to] (both included), prorated by the days of each calendar month it
 * touches: monthly × days/daysInMonth per month, summed exactly, rounded once. A whole month
 * is exactly the monthly amount; a quarter prorates month by month.
 */
export function periodicCharge(input: ChargeBasis & { from: string; to: string }): PeriodicChargeResult {
  const monthly = monthlyAmount(input);
  const pieces = splitByMonth(input.from, input.to);
  const exacts = pieces.map((p) => ratMul(monthly, rat(p.days, p.daysInMonth)));
  const exact = ratSum(exacts);
  return {
    amountFen: roundRat(exact),
    exact,
    monthlyExactFen: ratToString(monthly),
    pieces: pieces.map((p, i) => ({ ...p, fraction: `${p.days}/${p.daysInMonth}`, exactFen: ratToString(exacts[i]!) })),
  };
}
