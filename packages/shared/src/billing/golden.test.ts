import { describe, expect, it } from 'vitest';
import { GOLDEN, type GoldenCase } from './golden.cases.ts';
import { allocate, vacancyDiscount } from './allocation.ts';
import { daysInMonth, inclusiveDays } from './dates.ts';
import { lateFee, settle } from './late-fee.ts';
import { periodicCharge } from './periodic-charge.ts';
import { roundHalfUp } from './rational.ts';
import { segmentLines } from './segments.ts';
import { tieredCharge } from './tiered-charge.ts';

function actual(c: GoldenCase): unknown {
  switch (c.kind) {
    case 'round': return roundHalfUp(c.num, c.den);
    case 'daysInMonth': return daysInMonth(c.y, c.m);
    case 'days': return inclusiveDays(c.from, c.to);
    case 'periodic': return periodicCharge({ ...c.basis, from: c.from, to: c.to }).amountFen;
    case 'segments': return segmentLines(c).map((s) => ({ from: s.from, to: s.to, fen: s.charge.amountFen }));
    case 'tiered': return tieredCharge(c.usage, c.tiers).amountFen;
    case 'lateFee': return lateFee(c.input).amountFen;
    case 'settle': {
      const r = settle(c.paymentFen, c, c.order);
      return [r.principalFen, r.lateFeeFen, r.unappliedFen];
    }
    case 'vacancy': {
      const r = vacancyDiscount(c.amountFen, c.discountBp);
      return [r.discountFen, r.netFen];
    }
    case 'allocate': return allocate(c.totalFen, c.weights);
  }
}

describe('billing golden table', () => {
  it('has at least 200 rows', () => expect(GOLDEN.length).toBeGreaterThanOrEqual(200));
  it.each(GOLDEN.map((c, i) => [i + 1, c.kind, c] as const))('row %i (%s)', (_i, _k, c) => {
    expect(actual(c)).toEqual(c.expected);
  });
});
