import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, vacancyDiscount } from './allocation.ts';
import { addDays, dayNumber, daysInMonth, fromDayNumber, inclusiveDays, splitByMonth } from './dates.ts';
import { lateFee, settle, type PrincipalPayment } from './late-fee.ts';
import { monthlyAmount, periodicCharge } from './periodic-charge.ts';
import { rat, ratAdd, ratCmp, ratEq, ratMul, ratSum, roundHalfUp, roundRat, RAT_ZERO } from './rational.ts';
import { segmentLines } from './segments.ts';
import { tieredCharge, type Tier } from './tiered-charge.ts';

// Property runs in this file: 3,000 + 2,000 + 2,000 + 2,000 + 1,000 + 10,000 + 3,000 + 3,000 + 2,000 + 2,000 = 30,000
// (plus 10,000 account sequences in account.properties.test.ts).
const D0 = dayNumber('1999-01-01'), D1 = dayNumber('2101-12-31');
/** a range [from, to] of 1–800 days */
const range = fc.tuple(fc.integer({ min: D0, max: D1 - 800 }), fc.integer({ min: 0, max: 800 }))
  .map(([a, n]) => ({ from: fromDayNumber(a), to: fromDayNumber(a + n), days: n + 1 }));
const basis = fc.oneof(
  fc.record({ monthlyFen: fc.integer({ min: 0, max: 10_000_000 }) }),
  fc.record({ area: fc.integer({ min: 1, max: 10_000_000 }), unitPrice: fc.integer({ min: 1, max: 2_000_000 }) }),
);

describe('rounding and calendar', () => {
  it('roundHalfUp is within ½ of the exact value, ties away from zero, and mirrors under negation', () => {
    fc.assert(fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.bigInt({ min: 1n, max: 10n ** 7n }), (n, d) => {
      const r = BigInt(roundHalfUp(n, d));
      const twice = 2n * (r * d - n); // 2·(r − n/d)·d
      expect(twice <= d && twice >= -d).toBe(true);
      if (twice === d || twice === -d) expect(r * n >= 0n && (r > 0n ? r * d > n : r * d < n)).toBe(true);
      expect(roundHalfUp(-n, d)).toBe(-roundHalfUp(n, d) || 0);
    }), { numRuns: 3000 });
  });

  it('day numbers agree with UTC Date arithmetic and month pieces tile the range', () => {
    fc.assert(fc.property(range, ({ from, to, days }) => {
      expect(dayNumber(from)).toBe(Date.UTC(+from.slice(0, 4), +from.slice(5, 7) - 1, +from.slice(8, 10)) / 86_400_000);
      expect(fromDayNumber(dayNumber(to))).toBe(to);
      expect(inclusiveDays(from, to)).toBe(days);
      const pieces = splitByMonth(from, to);
      expect(pieces.reduce((s, p) => s + p.days, 0)).toBe(days);
      pieces.forEach((p, i) => {
        expect(p.daysInMonth).toBe(daysInMonth(+p.month.slice(0, 4), +p.month.slice(5, 7)));
        if (i > 0) expect(p.from).toBe(addDays(pieces[i - 1]!.to, 1));
        if (i > 0 && i < pieces.length - 1) expect(p.days).toBe(p.daysInMonth);
      });
    }), { numRuns: 2000 });
  });
});

describe('periodic charges', () => {
  it('exact amounts add up exactly over any split of the range; a whole month is exactly the monthly amount', () => {
    fc.assert(fc.property(basis, range, fc.array(fc.integer({ min: 0, max: 799 }), { maxLength: 6 }), (b, r, cuts) => {
      const whole = periodicCharge({ ...b, ...r });
      const points = [...new Set(cuts.filter((c) => c < r.days - 1))].sort((x, y) => x - y);
      let start = r.from;
      const parts = [];
      for (const c of points) {
        const end = addDays(r.from, c);
        parts.push(periodicCharge({ ...b, from: start, to: end }));
        start = addDays(end, 1);
      }
      parts.push(periodicCharge({ ...b, from: start, to: r.to }));
      expect(ratEq(ratSum(parts.map((p) => p.exact)), whole.exact)).toBe(true);
      // each part rounds once: the rounded parts stay within ½ 分 per part of the whole
      const diff = Math.abs(parts.reduce((s, p) => s + p.amountFen, 0) - whole.amountFen);
      expect(diff * 2).toBeLessThanOrEqual(parts.length + 1);
      // the first whole calendar month inside the range costs exactly the monthly amount
      const month = splitByMonth(r.from, r.to).find((p) => p.days === p.daysInMonth);
      if (month) {
        const m = periodicCharge({ ...b, from: month.from, to: month.to });
        expect(ratEq(m.exact, monthlyAmount(b))).toBe(true);
      }
    }), { numRuns: 2000 });
  });

  it('a negated fixed amount (a reversal) mirrors exactly', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000_000 }), range, (m, r) => {
      expect(periodicCharge({ monthlyFen: -m, ...r }).amountFen).toBe(-periodicCharge({ monthlyFen: m, ...r }).amountFen || 0);
    }), { numRuns: 2000 });
  });

  it('segments with unchanged values tile the period and add up exactly to the unsplit charge', () => {
    fc.assert(fc.property(basis, range, fc.array(fc.integer({ min: 1, max: 799 }), { maxLength: 5 }), (b, r, offs) => {
      const starts = [...new Set(offs.filter((o) => o < r.days))].map((o) => addDays(r.from, o));
      const changes = [{ effectiveFrom: addDays(r.from, -30), values: b }, ...starts.map((s) => ({ effectiveFrom: s, values: b }))];
      const segs = segmentLines({ ...r, changes });
      expect(segs[0]!.from).toBe(r.from);
      expect(segs.at(-1)!.to).toBe(r.to);
      segs.forEach((s, i) => { if (i > 0) expect(s.from).toBe(addDays(segs[i - 1]!.to, 1)); });
      expect(ratEq(ratSum(segs.map((s) => s.charge.exact)), periodicCharge({ ...b, ...r }).exact)).toBe(true);
    }), { numRuns: 1000 });
  });
});

describe('allocation and discounts', () => {
  const weights = fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 12 }).filter((w) => w.some((x) => x > 0));
  it('parts sum exactly to the total, each within 1 分 of its exact share, and a negative total mirrors', () => {
    fc.assert(fc.property(fc.integer({ min: -100_000_000, max: 100_000_000 }), weights, (total, w) => {
      const parts = allocate(total, w);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      const W = w.reduce((a, b) => a + b, 0);
      parts.forEach((p, i) => {
        const exact = rat(BigInt(total) * BigInt(w[i]!), BigInt(W));
        const delta = ratAdd(rat(p), rat(-exact.num, exact.den)); // p − exact
        expect(ratCmp(delta, rat(1)) < 0 && ratCmp(delta, rat(-1)) > 0).toBe(true);
        if (w[i] === 0) expect(p).toBe(0);
      });
      expect(allocate(-total, w)).toEqual(parts.map((p) => -p || 0));
    }), { numRuns: 10_000 });
  });

  it('a vacancy discount and its net add up to the amount and mirror', () => {
    fc.assert(fc.property(fc.integer({ min: -100_000_000, max: 100_000_000 }), fc.integer({ min: 0, max: 10_000 }), (a, bp) => {
      const r = vacancyDiscount(a, bp);
      expect(r.discountFen + r.netFen).toBe(a);
      expect(Math.abs(r.discountFen)).toBeLessThanOrEqual(Math.abs(a));
      expect(vacancyDiscount(-a, bp)).toEqual({ discountFen: -r.discountFen || 0, netFen: -r.netFen || 0 });
    }), { numRuns: 3000 });
  });
});

describe('tiers', () => {
  const tiers = fc.array(fc.tuple(fc.integer({ min: 1, max: 500_000 }), fc.integer({ min: 0, max: 200_000 })), { minLength: 1, maxLength: 5 })
    .map((ts) => {
      let up = 0;
      return ts.map(([w, p], i): Tier => ({ upTo: i === ts.length - 1 ? null : (up += w), unitPrice: p }));
    });
  it('equals Σ usage in each band × its price, and an extra boundary at the same price changes nothing', () => {
    fc.assert(fc.property(tiers, fc.integer({ min: 0, max: 3_000_000 }), fc.integer({ min: 1, max: 3_000_000 }), (ts, u, cut) => {
      const r = tieredCharge(u, ts);
      expect(r.pieces.reduce((s, p) => s + p.usage, 0)).toBe(u);
      let exact = RAT_ZERO;
      for (let x = 0, below = 0; x < ts.length; x++) {
        const top = ts[x]!.upTo === null ? Infinity : ts[x]!.upTo!;
        const inBand = Math.max(0, Math.min(u, top) - below);
        exact = ratAdd(exact, ratMul(rat(inBand), rat(ts[x]!.unitPrice, 100_000)));
        below = top;
      }
      expect(ratEq(r.exact, exact)).toBe(true);
      // split the band that holds `cut` into two bands at the same price
      const split: Tier[] = [];
      let below = 0;
      for (const t of ts) {
        const top = t.upTo ?? Infinity;
        if (cut > below && cut < top) split.push({ upTo: cut, unitPrice: t.unitPrice });
        split.push(t);
        below = top;
      }
      expect(tieredCharge(u, split).amountFen).toBe(r.amountFen);
    }), { numRuns: 3000 });
  });
});

describe('late fees and settlement', () => {
  const input = fc.record({
    principalFen: fc.integer({ min: 0, max: 50_000_000 }),
    due: fc.integer({ min: D0, max: D1 - 1000 }),
    graceDays: fc.integer({ min: 0, max: 60 }),
    dailyRatePpm: fc.integer({ min: 0, max: 5000 }),
    capBp: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
    asOffset: fc.integer({ min: -30, max: 900 }),
    pays: fc.array(fc.tuple(fc.integer({ min: -30, max: 900 }), fc.integer({ min: 0, max: 20_000_000 })), { maxLength: 5 }),
  });
  type X = typeof input extends fc.Arbitrary<infer T> ? T : never;
  const build = (x: X, extra = 0) => {
    const payments: PrincipalPayment[] = x.pays.map(([o, f]) => ({ date: fromDayNumber(x.due + o), principalFen: f }));
    return { principalFen: x.principalFen, dueDate: fromDayNumber(x.due), graceDays: x.graceDays, dailyRatePpm: x.dailyRatePpm, capBp: x.capBp, asOf: fromDayNumber(x.due + x.asOffset + extra), payments };
  };

  it('matches a day-by-day sum, is 0 through due + grace, never exceeds the cap, and grows with asOf', () => {
    fc.assert(fc.property(input, fc.integer({ min: 1, max: 60 }), (x, more) => {
      const inp = build(x);
      const r = lateFee(inp);
      // reference: walk the days one by one (a payment on day D counts from day D)
      let exact = RAT_ZERO;
      for (let dn = x.due + x.graceDays + 1; dn <= x.due + x.asOffset; dn++) {
        const paid = inp.payments.filter((p) => dayNumber(p.date) <= dn).reduce((s, p) => s + p.principalFen, 0);
        exact = ratAdd(exact, rat(BigInt(Math.max(0, x.principalFen - paid)) * BigInt(x.dailyRatePpm), 1_000_000n));
      }
      const cap = x.capBp === null ? null : rat(BigInt(x.principalFen) * BigInt(x.capBp), 10_000n);
      const expected = cap && ratCmp(exact, cap) > 0 ? cap : exact;
      expect(ratEq(r.exact, expected)).toBe(true);
      expect(r.amountFen).toBe(roundRat(expected));
      if (x.asOffset <= x.graceDays) expect(r.amountFen).toBe(0);
      if (cap) expect(ratCmp(r.exact, cap) <= 0).toBe(true);
      expect(lateFee(build(x, more)).amountFen).toBeGreaterThanOrEqual(r.amountFen);
    }), { numRuns: 2000 });
  });

  it('settle never over-pays either side, splits exactly, and leaves the rest unapplied', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 1e9 }),
      fc.constantFrom('principal_first' as const, 'late_fee_first' as const), (pay, po, lo, order) => {
        const r = settle(pay, { principalOutstanding: po, lateFeeOutstanding: lo }, order);
        expect(r.principalFen >= 0 && r.lateFeeFen >= 0 && r.unappliedFen >= 0).toBe(true);
        expect(r.principalFen <= po && r.lateFeeFen <= lo).toBe(true);
        expect(r.principalFen + r.lateFeeFen).toBe(Math.min(pay, po + lo));
        expect(r.principalFen + r.lateFeeFen + r.unappliedFen).toBe(pay);
        if (order === 'principal_first' && r.lateFeeFen > 0) expect(r.principalFen).toBe(po);
        if (order === 'late_fee_first' && r.principalFen > 0) expect(r.lateFeeFen).toBe(lo);
      }), { numRuns: 2000 });
  });
});
