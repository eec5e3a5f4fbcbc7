/**
 * Integer units of the billing core (never floating point):
 *   money      分 (1/100 元)
 *   area       1/100 m²            (89.50 m² → 8950, as the estate archive stores it)
 *   unit price 1/10,000 元         (1.2345 元/m²/月 → 12345)
 *   usage      1/1,000 unit        (12.345 kWh → 12345)
 *   daily rate parts per million per day (0.5‰/day → 500 ppm)
 *   cap, discount basis points (10 % → 1000 bp, 50 % → 5000 bp)
 * These helpers turn the decimal strings people type into those integers and back.
 */
export type ParseDecimalError = 'format' | 'too_many_decimals' | 'negative' | 'zero' | 'too_large';
export type ParseDecimalResult = { ok: true; value: number } | { ok: false; error: ParseDecimalError };

export interface ParseDecimalOptions {
  /** refuse "0" (a price that must be positive) — default false */
  positive?: boolean;
  /** accept a leading "-" — default false */
  allowNegative?: boolean;
}

const DEC_RE = /^(-?)(\d+)(?:\.(\d+))?$/;

/** "1.2345" with 4 decimals → 12345; at most `decimals` digits after the point, no exponent. */
export function parseScaledDecimal(s: string, decimals: number, opts: ParseDecimalOptions = {}): ParseDecimalResult {
  const mt = DEC_RE.exec(s.trim());
  if (!mt) return { ok: false, error: 'format' };
  const [, sign, int, frac = ''] = mt;
  if (frac.length > decimals) return { ok: false, error: 'too_many_decimals' };
  const v = BigInt(int! + frac.padEnd(decimals, '0'));
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, error: 'too_large' };
  if (sign === '-' && v !== 0n && !opts.allowNegative) return { ok: false, error: 'negative' };
  if (v === 0n && opts.positive) return { ok: false, error: 'zero' };
  const n = Number(v);
  return { ok: true, value: sign === '-' && n !== 0 ? -n : n };
}

/** 12345 with 4 decimals → "1.2345"; −150 with 2 → "-1.50". */
export function formatScaledDecimal(v: number, decimals: number): string {
  const neg = v < 0;
  const digits = String(Math.abs(v)).padStart(decimals + 1, '0');
  const int = digits.slice(0, digits.length - decimals);
  const frac = digits.slice(digits.length - decimals);
  return `${neg ? '-' : ''}${int}${decimals > 0 ? `.${frac}` : ''}`;
}

/** 元 per unit with ≤ 4 decimals → 1/10,000 元; a price must be > 0 unless allowZero. */
export const parseUnitPrice = (s: string, opts: { allowZero?: boolean } = {}) =>
  parseScaledDecimal(s, 4, { positive: !opts.allowZero });
export const unitPriceToDecimal = (v: number) => formatScaledDecimal(v, 4);

/** m² with ≤ 2 decimals → 1/100 m² (must be > 0). */
export const parseArea = (s: string) => parseScaledDecimal(s, 2, { positive: true });
export const areaToDecimal = (v: number) => formatScaledDecimal(v, 2);

/** meter usage with ≤ 3 decimals → thousandths (0 allowed). */
export const parseUsage = (s: string) => parseScaledDecimal(s, 3);
export const usageToDecimal = (v: number) => formatScaledDecimal(v, 3);

/** 元 with ≤ 2 decimals → 分 (negative allowed only when asked, e.g. a reversal). */
export const parseYuan = (s: string, opts: { allowNegative?: boolean } = {}) => parseScaledDecimal(s, 2, opts);
export const fenToYuanDecimal = (v: number) => formatScaledDecimal(v, 2);

/** "0.5" ‰ per day → 500 ppm per day (≤ 3 decimals of ‰). */
export const parsePermilleDailyRate = (s: string) => parseScaledDecimal(s, 3);
/** "10" % → 1000 bp (≤ 2 decimals of %). */
export const parsePercentBp = (s: string) => parseScaledDecimal(s, 2);
