import { addDays, dayNumber, inclusiveDays } from './dates.ts';
import { BillingInputError } from './errors.ts';
import { periodicCharge, type ChargeBasis, type PeriodicChargeResult } from './periodic-charge.ts';

/**
 * One dated change: from `effectiveFrom` on, `values` are in force (the standard's amount or
 * price, the room's area, the payer …); `null` means nothing is charged from that day.
 */
export interface DatedValues<T extends ChargeBasis> {
  effectiveFrom: string;
  values: T | null;
}

export interface Segment<T extends ChargeBasis> {
  from: string;
  to: string;
  values: T;
  charge: PeriodicChargeResult;
}

/**
 * Splits the period [from, to] wherever a change takes effect and charges each segment as
 * its own line, rounded once per line (a line is what gets stored). Days before the first
 * change in force, or under a `null`, get no line (e.g. a room delivered mid-period). Every
 * change starts a new segment, even if its values equal the previous ones — the caller
 * decides what counts as a change. Two changes on the same date are refused.
 */
export function segmentLines<T extends ChargeBasis>(input: {
  from: string;
  to: string;
  changes: readonly DatedValues<T>[];
}): Segment<T>[] {
  const { from, to } = input;
  inclusiveDays(from, to);
  const sorted = [...input.changes]
    .map((c) => ({ c, n: dayNumber(c.effectiveFrom) }))
    .sort((a, b) => a.n - b.n);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.n === sorted[i - 1]!.n) {
      throw new BillingInputError('bad_changes', `two changes on ${sorted[i]!.c.effectiveFrom}`);
    }
  }
  const start = dayNumber(from), end = dayNumber(to);
  const out: Segment<T>[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const { c, n } = sorted[i]!;
    const next = sorted[i + 1];
    const segStart = Math.max(n, start);
    const segEnd = Math.min(next ? next.n - 1 : end, end);
    if (c.values === null || segStart > segEnd) continue;
    const segFrom = addDays(from, segStart - start);
    const segTo = addDays(from, segEnd - start);
    out.push({ from: segFrom, to: segTo, values: c.values, charge: periodicCharge({ ...pickBasis(c.values), from: segFrom, to: segTo }) });
  }
  return out;
}

function pickBasis(v: ChargeBasis): ChargeBasis {
  const b: ChargeBasis = {};
  if (v.monthlyFen !== undefined) b.monthlyFen = v.monthlyFen;
  if (v.area !== undefined) b.area = v.area;
  if (v.unitPrice !== undefined) b.unitPrice = v.unitPrice;
  return b;
}
