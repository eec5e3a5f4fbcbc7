import { BillingInputError, requireInt } from './errors.ts';
import { roundHalfUp } from './rational.ts';

/**
 * Splits totalFen into parts proportional to weights (areas, 1 per household …) by the
 * largest-remainder method: each part gets floor(total·w/W), and the 分 left over go one each
 * to the largest fractional remainders, ties to the lower index. Parts add up exactly to the
 * total and each is within 1 分 of its exact share. A negative total is split as its positive
 * and negated, so a reversal mirrors its entry part by part.
 */
export function allocate(totalFen: number, weights: readonly (bigint | number)[]): number[] {
  requireInt(totalFen, 'bad_amount', 'totalFen');
  if (weights.length === 0) throw new BillingInputError('bad_weights', 'no weights');
  const w = weights.map((x) => {
    if (typeof x === 'number' && !Number.isSafeInteger(x)) throw new BillingInputError('bad_weights', `weight ${x} is not an integer`);
    const b = BigInt(x);
    if (b < 0n) throw new BillingInputError('bad_weights', 'weights must be ≥ 0');
    return b;
  });
  const W = w.reduce((a, b) => a + b, 0n);
  if (W === 0n) throw new BillingInputError('bad_weights', 'weights sum to zero');
  if (totalFen < 0) return allocate(-totalFen, weights).map((x) => (x === 0 ? 0 : -x));
  const T = BigInt(totalFen);
  const floors = w.map((x) => (T * x) / W);
  const rems = w.map((x, i) => ({ i, r: (T * x) % W }));
  let left = Number(T - floors.reduce((a, b) => a + b, 0n));
  rems.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  const parts = floors.map(Number);
  for (let k = 0; left > 0; k++, left--) parts[rems[k]!.i]! += 1;
  return parts;
}

export interface VacancyDiscountResult {
  /** the discount, same sign as the amount (shown as a negative line by the caller) */
  discountFen: number;
  /** amount − discount */
  netFen: number;
}

/**
 * Vacancy discount (e.g. 5000 bp = 50 % off for a room vacant the whole period) on a line's
 * stored amount: the discount is rounded half-up once and the net is amount − discount, so
 * line + discount line add up exactly. A negative amount (reversal) mirrors.
 */
export function vacancyDiscount(amountFen: number, discountBp: number): VacancyDiscountResult {
  requireInt(amountFen, 'bad_amount', 'amountFen');
  requireInt(discountBp, 'bad_rate', 'discountBp', 0);
  if (discountBp > 10_000) throw new BillingInputError('bad_rate', 'a discount is at most 10000 bp');
  const discountFen = roundHalfUp(BigInt(amountFen) * BigInt(discountBp), 10_000n) || 0;
  return { discountFen, netFen: amountFen - discountFen || 0 };
}
