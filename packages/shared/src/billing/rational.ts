/**
 * Exact rationals over bigint, just enough for money: every stored amount is computed exactly
 * and rounded half-up (away from zero) to the 分 once, so a reversal mirrors its entry exactly.
 */
export interface Rat { readonly num: bigint; readonly den: bigint }

const abs = (a: bigint) => (a < 0n ? -a : a);

function gcd(a: bigint, b: bigint): bigint {
  a = abs(a); b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** A normalised rational (den > 0, lowest terms). */
export function rat(num: bigint | number, den: bigint | number = 1n): Rat {
  let n = BigInt(num), d = BigInt(den);
  if (d === 0n) throw new RangeError('rational with zero denominator');
  if (d < 0n) { n = -n; d = -d; }
  const g = gcd(n, d) || 1n;
  return { num: n / g, den: d / g };
}

export const RAT_ZERO: Rat = { num: 0n, den: 1n };
export const ratAdd = (a: Rat, b: Rat): Rat => rat(a.num * b.den + b.num * a.den, a.den * b.den);
export const ratSub = (a: Rat, b: Rat): Rat => rat(a.num * b.den - b.num * a.den, a.den * b.den);
export const ratMul = (a: Rat, b: Rat): Rat => rat(a.num * b.num, a.den * b.den);
export const ratNeg = (a: Rat): Rat => ({ num: -a.num, den: a.den });
export const ratCmp = (a: Rat, b: Rat): number => {
  const l = a.num * b.den, r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
};
export const ratMin = (a: Rat, b: Rat): Rat => (ratCmp(a, b) <= 0 ? a : b);
export const ratSum = (xs: readonly Rat[]): Rat => xs.reduce(ratAdd, RAT_ZERO);
export const ratEq = (a: Rat, b: Rat): boolean => a.num === b.num && a.den === b.den;
/** "num/den" (or "num" when whole) — shown on a bill line's explanation. */
export const ratToString = (a: Rat): string => (a.den === 1n ? `${a.num}` : `${a.num}/${a.den}`);

/**
 * num/den rounded half away from zero to an integer (den > 0): 2.5 → 3, −2.5 → −3, so the
 * negation of an entry rounds to the negation of its rounding. Throws past Number.MAX_SAFE_INTEGER.
 */
export function roundHalfUp(num: bigint, den: bigint): number {
  if (den <= 0n) throw new RangeError('roundHalfUp: den must be > 0');
  const a = abs(num);
  const q = (2n * a + den) / (2n * den); // floor(a/den + 1/2)
  const r = num < 0n ? -q : q;
  if (r > BigInt(Number.MAX_SAFE_INTEGER) || r < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError('roundHalfUp: result is not a safe integer');
  }
  return Number(r);
}

export const roundRat = (a: Rat): number => roundHalfUp(a.num, a.den);
