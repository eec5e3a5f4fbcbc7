import { BillingInputError } from './errors.ts';

/**
 * Business dates are 'YYYY-MM-DD' strings naming Asia/Shanghai calendar days. The core counts
 * days on the proleptic Gregorian calendar with integer arithmetic and never builds a `Date`,
 * so no time zone or DST can shift a day.
 */
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Days in month m (1–12) of year y: 2024-02 → 29, 2100-02 → 28, 2000-02 → 29. */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export interface Ymd { y: number; m: number; d: number }

/** Parses a real calendar date, or undefined ('2023-02-29' is not one). */
export function parseDate(s: string): Ymd | undefined {
  const mt = DATE_RE.exec(s);
  if (!mt) return undefined;
  const y = +mt[1]!, m = +mt[2]!, d = +mt[3]!;
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return { y, m, d };
}

export const isValidDate = (s: string): boolean => parseDate(s) !== undefined;

function mustParse(s: string): Ymd {
  const p = parseDate(s);
  if (!p) throw new BillingInputError('bad_date', `not a YYYY-MM-DD date: ${s}`);
  return p;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
export const formatYmd = ({ y, m, d }: Ymd): string => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;

/** Day number (days since 1970-01-01) — Hinnant's days_from_civil. */
export function dayNumber(s: string): number {
  const { y: y0, m, d } = mustParse(s);
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date of a day number (inverse of dayNumber). */
export function fromDayNumber(z0: number): string {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return formatYmd({ y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d });
}

export const addDays = (s: string, n: number): string => fromDayNumber(dayNumber(s) + n);

/** Days from `from` to `to`, both included (same day → 1); throws if to < from. */
export function inclusiveDays(from: string, to: string): number {
  const n = dayNumber(to) - dayNumber(from) + 1;
  if (n < 1) throw new BillingInputError('bad_range', `range ends before it starts: ${from}..${to}`);
  return n;
}

export interface MonthPiece {
  /** 'YYYY-MM' */
  month: string;
  from: string;
  to: string;
  /** days of the range in this month */
  days: number;
  daysInMonth: number;
}

/** Splits [from, to] (inclusive) into its calendar-month pieces, in order. */
export function splitByMonth(from: string, to: string): MonthPiece[] {
  inclusiveDays(from, to);
  const a = mustParse(from), b = mustParse(to);
  const out: MonthPiece[] = [];
  let y = a.y, m = a.m;
  for (;;) {
    const dim = daysInMonth(y, m);
    const startD = y === a.y && m === a.m ? a.d : 1;
    const last = y === b.y && m === b.m;
    const endD = last ? b.d : dim;
    out.push({
      month: `${pad(y, 4)}-${pad(m, 2)}`,
      from: formatYmd({ y, m, d: startD }),
      to: formatYmd({ y, m, d: endD }),
      days: endD - startD + 1,
      daysInMonth: dim,
    });
    if (last) return out;
    if (++m > 12) { m = 1; y++; }
  }
}

/** Last day of the month that `s` falls in. */
export function monthEnd(s: string): string {
  const { y, m } = mustParse(s);
  return formatYmd({ y, m, d: daysInMonth(y, m) });
}
