import { describe, expect, it } from 'vitest';
import { allocate } from './allocation.ts';
import { isValidDate, splitByMonth } from './dates.ts';
import { BillingInputError } from './errors.ts';
import { lateFee } from './late-fee.ts';
import { periodicCharge } from './periodic-charge.ts';
import { roundHalfUp } from './rational.ts';
import { segmentLines } from './segments.ts';
import { tieredCharge, validateTiers } from './tiered-charge.ts';
import { areaToDecimal, fenToYuanDecimal, parseArea, parsePercentBp, parsePermilleDailyRate, parseUnitPrice, parseUsage, parseYuan, unitPriceToDecimal, usageToDecimal } from './units.ts';

describe('decimal strings ⇄ integer units', () => {
  it('parses unit prices with up to 4 decimals and refuses the rest', () => {
    expect(parseUnitPrice('1.2345')).toEqual({ ok: true, value: 12345 });
    expect(parseUnitPrice('2')).toEqual({ ok: true, value: 20000 });
    expect(parseUnitPrice('0.0001')).toEqual({ ok: true, value: 1 });
    expect(parseUnitPrice(' 3.5 ')).toEqual({ ok: true, value: 35000 });
    expect(parseUnitPrice('1.23456')).toEqual({ ok: false, error: 'too_many_decimals' });
    expect(parseUnitPrice('-1.2')).toEqual({ ok: false, error: 'negative' });
    expect(parseUnitPrice('0')).toEqual({ ok: false, error: 'zero' });
    expect(parseUnitPrice('0.0000')).toEqual({ ok: false, error: 'zero' });
    expect(parseUnitPrice('0', { allowZero: true })).toEqual({ ok: true, value: 0 });
    for (const s of ['', '1.', '.5', '1e3', '1,5', 'abc', '+1', '١']) expect(parseUnitPrice(s)).toEqual({ ok: false, error: 'format' });
    expect(parseUnitPrice('99999999999999')).toEqual({ ok: false, error: 'too_large' });
    expect(unitPriceToDecimal(12345)).toBe('1.2345');
    expect(unitPriceToDecimal(1)).toBe('0.0001');
    expect(unitPriceToDecimal(20000)).toBe('2.0000');
  });
  it('parses areas, usage, 元, rates and percentages', () => {
    expect(parseArea('89.50')).toEqual({ ok: true, value: 8950 });
    expect(parseArea('89.5')).toEqual({ ok: true, value: 8950 });
    expect(parseArea('0')).toEqual({ ok: false, error: 'zero' });
    expect(areaToDecimal(8950)).toBe('89.50');
    expect(parseUsage('12.345')).toEqual({ ok: true, value: 12345 });
    expect(parseUsage('0')).toEqual({ ok: true, value: 0 });
    expect(usageToDecimal(5)).toBe('0.005');
    expect(parseYuan('-1.50')).toEqual({ ok: false, error: 'negative' });
    expect(parseYuan('-1.50', { allowNegative: true })).toEqual({ ok: true, value: -150 });
    expect(fenToYuanDecimal(-150)).toBe('-1.50');
    expect(fenToYuanDecimal(7)).toBe('0.07');
    expect(parsePermilleDailyRate('0.5')).toEqual({ ok: true, value: 500 });
    expect(parsePercentBp('10')).toEqual({ ok: true, value: 1000 });
    expect(parsePercentBp('50')).toEqual({ ok: true, value: 5000 });
  });
});

describe('explanations and refusals', () => {
  it('explains a prorated line month by month without rounding the monthly amount', () => {
    const r = periodicCharge({ area: 8950, unitPrice: 12345, from: '2024-01-20', to: '2024-02-10' });
    expect(r.monthlyExactFen).toBe('441951/40'); // 110487750/10000 reduced by 250
    expect(r.pieces.map((p) => [p.month, p.days, p.daysInMonth, p.fraction])).toEqual([['2024-01', 12, 31, '12/31'], ['2024-02', 10, 29, '10/29']]);
    // 441951/40 × 12/31 = 1325853/310, × 10/29 = 441951/116; sum ≈ 4276.9452 + 3809.9224 = 8086.8676 → 8087
    expect(r.pieces.map((p) => p.exactFen)).toEqual(['1325853/310', '441951/116']);
    expect(r.amountFen).toBe(8087);
  });
  it('refuses bad dates, ranges, bases, tiers, weights and duplicate changes', () => {
    expect(isValidDate('2023-02-29')).toBe(false);
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2024-2-09')).toBe(false);
    expect(() => splitByMonth('2024-03-01', '2024-02-29')).toThrow(BillingInputError);
    expect(() => periodicCharge({ from: '2024-01-01', to: '2024-01-31' })).toThrow(/either monthlyFen/);
    expect(() => periodicCharge({ monthlyFen: 1, area: 1, unitPrice: 1, from: '2024-01-01', to: '2024-01-31' })).toThrow(BillingInputError);
    expect(() => periodicCharge({ area: 100, from: '2024-01-01', to: '2024-01-31' })).toThrow(BillingInputError);
    expect(() => periodicCharge({ monthlyFen: 1.5, from: '2024-01-01', to: '2024-01-31' })).toThrow(BillingInputError);
    expect(validateTiers([])).toBeDefined();
    expect(validateTiers([{ upTo: 100, unitPrice: 1 }])).toMatch(/last tier/);
    expect(validateTiers([{ upTo: null, unitPrice: 1 }, { upTo: null, unitPrice: 2 }])).toMatch(/only the last/);
    expect(validateTiers([{ upTo: 100, unitPrice: 1 }, { upTo: 100, unitPrice: 2 }, { upTo: null, unitPrice: 3 }])).toMatch(/increase/);
    expect(validateTiers([{ upTo: 100, unitPrice: -1 }, { upTo: null, unitPrice: 2 }])).toMatch(/≥ 0/);
    expect(validateTiers([{ upTo: 100, unitPrice: 0 }, { upTo: null, unitPrice: 2 }])).toBeUndefined();
    expect(() => tieredCharge(-1, [{ upTo: null, unitPrice: 1 }])).toThrow(BillingInputError);
    expect(() => allocate(100, [0, 0])).toThrow(BillingInputError);
    expect(() => allocate(100, [-1, 2])).toThrow(BillingInputError);
    expect(() => allocate(100, [])).toThrow(BillingInputError);
    expect(allocate(100, [1n, 2n, 1n])).toEqual([25, 50, 25]);
    expect(() => segmentLines({ from: '2024-01-01', to: '2024-01-31', changes: [{ effectiveFrom: '2024-01-05', values: { monthlyFen: 1 } }, { effectiveFrom: '2024-01-05', values: { monthlyFen: 2 } }] })).toThrow(/two changes/);
    expect(() => roundHalfUp(1n, 0n)).toThrow(RangeError);
  });
  it('a payer change splits the period and each line carries the values in force', () => {
    const segs = segmentLines({ from: '2024-07-01', to: '2024-09-30', changes: [
      { effectiveFrom: '2024-01-01', values: { area: 8950, unitPrice: 12345, payer: 'A' } },
      { effectiveFrom: '2024-08-16', values: { area: 8950, unitPrice: 12345, payer: 'B' } },
    ] });
    // A: 11048.775 × (31/31 + 15/31) = ≈16394.956 → 16395; B: 11048.775 × (16/31 + 30/30) = ≈16751.368 → 16751
    expect(segs.map((s) => [s.values.payer, s.from, s.to, s.charge.amountFen])).toEqual([['A', '2024-07-01', '2024-08-15', 16395], ['B', '2024-08-16', '2024-09-30', 16751]]);
  });
  it('late fee: the grace days never accrue once past them, and a payment on a day relieves that day', () => {
    const base = { principalFen: 100000, dueDate: '2024-01-31', graceDays: 10, dailyRatePpm: 500, capBp: 1000, payments: [] };
    expect(lateFee({ ...base, asOf: '2024-02-10' })).toMatchObject({ amountFen: 0, days: 0, accrualStart: '2024-02-11' });
    expect(lateFee({ ...base, asOf: '2024-02-11' })).toMatchObject({ amountFen: 50, days: 1 });
    // paid in full on 2024-02-12: 02-11 accrues (50), 02-12 does not
    expect(lateFee({ ...base, asOf: '2024-02-20', payments: [{ date: '2024-02-12', principalFen: 100000 }] }).amountFen).toBe(50);
    // paid in full on 2024-02-11 (the first accruing day): nothing accrues
    expect(lateFee({ ...base, asOf: '2024-02-20', payments: [{ date: '2024-02-11', principalFen: 100000 }] }).amountFen).toBe(0);
    expect(lateFee({ ...base, asOf: '2025-02-20' })).toMatchObject({ amountFen: 10000, capped: true });
  });
});
