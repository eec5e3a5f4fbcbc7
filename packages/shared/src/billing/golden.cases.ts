/**
 * Golden table for the billing core: inputs and the expected 分, with the arithmetic of each
 * row in the comment above it so a reviewer can redo it. Units: area 1/100 m², unit price
 * 1/10,000 元, usage 1/1,000 unit, daily rate ppm, cap / discount bp, amounts 分.
 *   area × price:  a·p / 10,000 分 (monthly, not rounded) × days/daysInMonth per month, rounded once
 *   tiers:         Σ usage·price / 100,000 分, rounded once
 *   late fee:      Σ_days unpaid·ppm / 1,000,000, min(cap = principal·bp / 10,000), rounded once
 * Rounding is half away from zero ("→" gives the stored 分). "≈" marks a non-terminating
 * decimal, truncated to 6 places for reading.
 */
import type { ChargeBasis } from './periodic-charge.ts';
import type { DatedValues } from './segments.ts';
import type { Tier } from './tiered-charge.ts';
import type { LateFeeInput, SettleOrder } from './late-fee.ts';

/** water: 3.50 / 4.50 / 7.00 元 per m³ up to 180 / 260 m³ / beyond */
export const WATER: Tier[] = [{ upTo: 180000, unitPrice: 35000 }, { upTo: 260000, unitPrice: 45000 }, { upTo: null, unitPrice: 70000 }];
/** electricity: 0.5283 / 0.5783 / 0.8283 元 per kWh up to 180 / 280 kWh / beyond */
export const POWER: Tier[] = [{ upTo: 180000, unitPrice: 5283 }, { upTo: 280000, unitPrice: 5783 }, { upTo: null, unitPrice: 8283 }];
/** one price, 1.2345 元 per unit */
export const FLAT: Tier[] = [{ upTo: null, unitPrice: 12345 }];
/** gas: 3.15 / 3.95 元 per m³ up to 300 m³ / beyond */
export const GAS: Tier[] = [{ upTo: 300000, unitPrice: 31500 }, { upTo: null, unitPrice: 39500 }];

export type GoldenCase =
  | { kind: 'round'; num: bigint; den: bigint; expected: number }
  | { kind: 'daysInMonth'; y: number; m: number; expected: number }
  | { kind: 'days'; from: string; to: string; expected: number }
  | { kind: 'periodic'; basis: ChargeBasis; from: string; to: string; expected: number }
  | { kind: 'segments'; from: string; to: string; changes: DatedValues<ChargeBasis>[]; expected: { from: string; to: string; fen: number }[] }
  | { kind: 'tiered'; usage: number; tiers: Tier[]; expected: number }
  | { kind: 'lateFee'; input: LateFeeInput; expected: number }
  /** expected: [principal paid, late fee paid, left over] */
  | { kind: 'settle'; paymentFen: number; principalOutstanding: number; lateFeeOutstanding: number; order: SettleOrder; expected: [number, number, number] }
  /** expected: [discount, net] */
  | { kind: 'vacancy'; amountFen: number; discountBp: number; expected: [number, number] }
  | { kind: 'allocate'; totalFen: number; weights: number[]; expected: number[] };

export const GOLDEN: GoldenCase[] = [
  // 5/2 = 2.5 → 3
  { kind: 'round', num: 5n, den: 2n, expected: 3 },
  // -5/2 = -2.5 → -3
  { kind: 'round', num: -5n, den: 2n, expected: -3 },
  // 3/2 = 1.5 → 2
  { kind: 'round', num: 3n, den: 2n, expected: 2 },
  // -3/2 = -1.5 → -2
  { kind: 'round', num: -3n, den: 2n, expected: -2 },
  // 1/3 = ≈0.333333 → 0
  { kind: 'round', num: 1n, den: 3n, expected: 0 },
  // 2/3 = ≈0.666666 → 1
  { kind: 'round', num: 2n, den: 3n, expected: 1 },
  // -1/3 = ≈-0.333333 → 0
  { kind: 'round', num: -1n, den: 3n, expected: 0 },
  // -2/3 = ≈-0.666666 → -1
  { kind: 'round', num: -2n, den: 3n, expected: -1 },
  // 7/1 = 7 → 7
  { kind: 'round', num: 7n, den: 1n, expected: 7 },
  // 0/5 = 0 → 0
  { kind: 'round', num: 0n, den: 5n, expected: 0 },
  // 149/100 = 1.49 → 1
  { kind: 'round', num: 149n, den: 100n, expected: 1 },
  // 150/100 = 1.5 → 2
  { kind: 'round', num: 150n, den: 100n, expected: 2 },
  // -150/100 = -1.5 → -2
  { kind: 'round', num: -150n, den: 100n, expected: -2 },
  // 249/100 = 2.49 → 2
  { kind: 'round', num: 249n, den: 100n, expected: 2 },
  // 250/100 = 2.5 → 3
  { kind: 'round', num: 250n, den: 100n, expected: 3 },
  // 1/2 = 0.5 → 1
  { kind: 'round', num: 1n, den: 2n, expected: 1 },
  // -1/2 = -0.5 → -1
  { kind: 'round', num: -1n, den: 2n, expected: -1 },
  // 99999/2 = 49999.5 → 50000
  { kind: 'round', num: 99999n, den: 2n, expected: 50000 },
  // -99999/2 = -49999.5 → -50000
  { kind: 'round', num: -99999n, den: 2n, expected: -50000 },
  // 110487750/10000 = 11048.775 → 11049
  { kind: 'round', num: 110487750n, den: 10000n, expected: 11049 },
  // 2024-02: leap (2024 % 4=0, % 100=24, % 400=24) → 29
  { kind: 'daysInMonth', y: 2024, m: 2, expected: 29 },
  // 2023-02: not leap (2023 % 4=3, % 100=23, % 400=23) → 28
  { kind: 'daysInMonth', y: 2023, m: 2, expected: 28 },
  // 2100-02: not leap (2100 % 4=0, % 100=0, % 400=100) → 28
  { kind: 'daysInMonth', y: 2100, m: 2, expected: 28 },
  // 2000-02: leap (2000 % 4=0, % 100=0, % 400=0) → 29
  { kind: 'daysInMonth', y: 2000, m: 2, expected: 29 },
  // 1900-02: not leap (1900 % 4=0, % 100=0, % 400=300) → 28
  { kind: 'daysInMonth', y: 1900, m: 2, expected: 28 },
  // 2400-02: leap (2400 % 4=0, % 100=0, % 400=0) → 29
  { kind: 'daysInMonth', y: 2400, m: 2, expected: 29 },
  // 2024-01: month 1 has 31 → 31
  { kind: 'daysInMonth', y: 2024, m: 1, expected: 31 },
  // 2024-03: month 3 has 31 → 31
  { kind: 'daysInMonth', y: 2024, m: 3, expected: 31 },
  // 2024-04: month 4 has 30 → 30
  { kind: 'daysInMonth', y: 2024, m: 4, expected: 30 },
  // 2024-06: month 6 has 30 → 30
  { kind: 'daysInMonth', y: 2024, m: 6, expected: 30 },
  // 2024-09: month 9 has 30 → 30
  { kind: 'daysInMonth', y: 2024, m: 9, expected: 30 },
  // 2024-11: month 11 has 30 → 30
  { kind: 'daysInMonth', y: 2024, m: 11, expected: 30 },
  // 2024-12: month 12 has 31 → 31
  { kind: 'daysInMonth', y: 2024, m: 12, expected: 31 },
  // 2025-07: month 7 has 31 → 31
  { kind: 'daysInMonth', y: 2025, m: 7, expected: 31 },
  // 2025-08: month 8 has 31 → 31
  { kind: 'daysInMonth', y: 2025, m: 8, expected: 31 },
  // 2024-01-01..2024-01-01: same day → 1
  { kind: 'days', from: '2024-01-01', to: '2024-01-01', expected: 1 },
  // 2024-01-01..2024-12-31: leap year 366 → 366
  { kind: 'days', from: '2024-01-01', to: '2024-12-31', expected: 366 },
  // 2023-01-01..2023-12-31: 365 → 365
  { kind: 'days', from: '2023-01-01', to: '2023-12-31', expected: 365 },
  // 2024-02-01..2024-03-01: 29 + 1 → 30
  { kind: 'days', from: '2024-02-01', to: '2024-03-01', expected: 30 },
  // 2023-02-01..2023-03-01: 28 + 1 → 29
  { kind: 'days', from: '2023-02-01', to: '2023-03-01', expected: 29 },
  // 2100-02-28..2100-03-01: 28th, 1st: 2100 not leap → 2
  { kind: 'days', from: '2100-02-28', to: '2100-03-01', expected: 2 },
  // 2000-02-28..2000-03-01: 28, 29, 1st: 2000 leap → 3
  { kind: 'days', from: '2000-02-28', to: '2000-03-01', expected: 3 },
  // 2024-12-31..2025-01-01: across new year → 2
  { kind: 'days', from: '2024-12-31', to: '2025-01-01', expected: 2 },
  // 2024-01-01..2024-03-31: 31+29+31 → 91
  { kind: 'days', from: '2024-01-01', to: '2024-03-31', expected: 91 },
  // 2023-01-01..2023-03-31: 31+28+31 → 90
  { kind: 'days', from: '2023-01-01', to: '2023-03-31', expected: 90 },
  // 8950×12345 = 110487750; /10000 = 11048.775 分 → 11049
  { kind: 'periodic', basis: { area: 8950, unitPrice: 12345 }, from: '2024-06-01', to: '2024-06-30', expected: 11049 },
  // 10000×12345 = 123450000; /10000 = 12345 分 → 12345
  { kind: 'periodic', basis: { area: 10000, unitPrice: 12345 }, from: '2024-06-01', to: '2024-06-30', expected: 12345 },
  // 5000×12345 = 61725000; /10000 = 6172.5 分 → 6173
  { kind: 'periodic', basis: { area: 5000, unitPrice: 12345 }, from: '2024-06-01', to: '2024-06-30', expected: 6173 },
  // 1×5000 = 5000; /10000 = 0.5 分 → 1
  { kind: 'periodic', basis: { area: 1, unitPrice: 5000 }, from: '2024-06-01', to: '2024-06-30', expected: 1 },
  // 2500×2 = 5000; /10000 = 0.5 分 → 1
  { kind: 'periodic', basis: { area: 2500, unitPrice: 2 }, from: '2024-06-01', to: '2024-06-30', expected: 1 },
  // 8950×10000 = 89500000; /10000 = 8950 分 → 8950
  { kind: 'periodic', basis: { area: 8950, unitPrice: 10000 }, from: '2024-06-01', to: '2024-06-30', expected: 8950 },
  // 8950×15000 = 134250000; /10000 = 13425 分 → 13425
  { kind: 'periodic', basis: { area: 8950, unitPrice: 15000 }, from: '2024-06-01', to: '2024-06-30', expected: 13425 },
  // 12345×25000 = 308625000; /10000 = 30862.5 分 → 30863
  { kind: 'periodic', basis: { area: 12345, unitPrice: 25000 }, from: '2024-06-01', to: '2024-06-30', expected: 30863 },
  // 12345×24999 = 308612655; /10000 = 30861.2655 分 → 30861
  { kind: 'periodic', basis: { area: 12345, unitPrice: 24999 }, from: '2024-06-01', to: '2024-06-30', expected: 30861 },
  // 9000×23000 = 207000000; /10000 = 20700 分 → 20700
  { kind: 'periodic', basis: { area: 9000, unitPrice: 23000 }, from: '2024-06-01', to: '2024-06-30', expected: 20700 },
  // 8888×18888 = 167876544; /10000 = 16787.6544 分 → 16788
  { kind: 'periodic', basis: { area: 8888, unitPrice: 18888 }, from: '2024-06-01', to: '2024-06-30', expected: 16788 },
  // 13250×21500 = 284875000; /10000 = 28487.5 分 → 28488
  { kind: 'periodic', basis: { area: 13250, unitPrice: 21500 }, from: '2024-06-01', to: '2024-06-30', expected: 28488 },
  // 6543×30001 = 196296543; /10000 = 19629.6543 分 → 19630
  { kind: 'periodic', basis: { area: 6543, unitPrice: 30001 }, from: '2024-06-01', to: '2024-06-30', expected: 19630 },
  // 100×1 = 100; /10000 = 0.01 分 → 0
  { kind: 'periodic', basis: { area: 100, unitPrice: 1 }, from: '2024-06-01', to: '2024-06-30', expected: 0 },
  // 100×49 = 4900; /10000 = 0.49 分 → 0
  { kind: 'periodic', basis: { area: 100, unitPrice: 49 }, from: '2024-06-01', to: '2024-06-30', expected: 0 },
  // 100×50 = 5000; /10000 = 0.5 分 → 1
  { kind: 'periodic', basis: { area: 100, unitPrice: 50 }, from: '2024-06-01', to: '2024-06-30', expected: 1 },
  // 100×51 = 5100; /10000 = 0.51 分 → 1
  { kind: 'periodic', basis: { area: 100, unitPrice: 51 }, from: '2024-06-01', to: '2024-06-30', expected: 1 },
  // 7325×9999 = 73242675; /10000 = 7324.2675 分 → 7324
  { kind: 'periodic', basis: { area: 7325, unitPrice: 9999 }, from: '2024-06-01', to: '2024-06-30', expected: 7324 },
  // 15000×33333 = 499995000; /10000 = 49999.5 分 → 50000
  { kind: 'periodic', basis: { area: 15000, unitPrice: 33333 }, from: '2024-06-01', to: '2024-06-30', expected: 50000 },
  // 15001×33333 = 500028333; /10000 = 50002.8333 分 → 50003
  { kind: 'periodic', basis: { area: 15001, unitPrice: 33333 }, from: '2024-06-01', to: '2024-06-30', expected: 50003 },
  // 20000×5 = 100000; /10000 = 10 分 → 10
  { kind: 'periodic', basis: { area: 20000, unitPrice: 5 }, from: '2024-06-01', to: '2024-06-30', expected: 10 },
  // 4321×12345 = 53342745; /10000 = 5334.2745 分 → 5334
  { kind: 'periodic', basis: { area: 4321, unitPrice: 12345 }, from: '2024-06-01', to: '2024-06-30', expected: 5334 },
  // 11111×11111 = 123454321; /10000 = 12345.4321 分 → 12345
  { kind: 'periodic', basis: { area: 11111, unitPrice: 11111 }, from: '2024-06-01', to: '2024-06-30', expected: 12345 },
  // 25000×20000 = 500000000; /10000 = 50000 分 → 50000
  { kind: 'periodic', basis: { area: 25000, unitPrice: 20000 }, from: '2024-06-01', to: '2024-06-30', expected: 50000 },
  // 30050×26800 = 805340000; /10000 = 80534 分 → 80534
  { kind: 'periodic', basis: { area: 30050, unitPrice: 26800 }, from: '2024-06-01', to: '2024-06-30', expected: 80534 },
  // 9999×9999 = 99980001; /10000 = 9998.0001 分 → 9998
  { kind: 'periodic', basis: { area: 9999, unitPrice: 9999 }, from: '2024-06-01', to: '2024-06-30', expected: 9998 },
  // 12000×45000 = 540000000; /10000 = 54000 分 → 54000
  { kind: 'periodic', basis: { area: 12000, unitPrice: 45000 }, from: '2024-06-01', to: '2024-06-30', expected: 54000 },
  // 8000×12500 = 100000000; /10000 = 10000 分 → 10000
  { kind: 'periodic', basis: { area: 8000, unitPrice: 12500 }, from: '2024-06-01', to: '2024-06-30', expected: 10000 },
  // 16000×31250 = 500000000; /10000 = 50000 分 → 50000
  { kind: 'periodic', basis: { area: 16000, unitPrice: 31250 }, from: '2024-06-01', to: '2024-06-30', expected: 50000 },
  // 1234×5678 = 7006652; /10000 = 700.6652 分 → 701
  { kind: 'periodic', basis: { area: 1234, unitPrice: 5678 }, from: '2024-06-01', to: '2024-06-30', expected: 701 },
  // 56789×12345 = 701060205; /10000 = 70106.0205 分 → 70106
  { kind: 'periodic', basis: { area: 56789, unitPrice: 12345 }, from: '2024-06-01', to: '2024-06-30', expected: 70106 },
  // 300000×8800 = 2640000000; /10000 = 264000 分 → 264000
  { kind: 'periodic', basis: { area: 300000, unitPrice: 8800 }, from: '2024-06-01', to: '2024-06-30', expected: 264000 },
  // 99×10101 = 999999; /10000 = 99.9999 分 → 100
  { kind: 'periodic', basis: { area: 99, unitPrice: 10101 }, from: '2024-06-01', to: '2024-06-30', expected: 100 },
  // 10101×99 = 999999; /10000 = 99.9999 分 → 100
  { kind: 'periodic', basis: { area: 10101, unitPrice: 99 }, from: '2024-06-01', to: '2024-06-30', expected: 100 },
  // 50×100 = 5000; /10000 = 0.5 分 → 1
  { kind: 'periodic', basis: { area: 50, unitPrice: 100 }, from: '2024-06-01', to: '2024-06-30', expected: 1 },
  // 50×101 = 5050; /10000 = 0.505 分 → 1
  { kind: 'periodic', basis: { area: 50, unitPrice: 101 }, from: '2024-06-01', to: '2024-06-30', expected: 1 },
  // 75×200 = 15000; /10000 = 1.5 分 → 2
  { kind: 'periodic', basis: { area: 75, unitPrice: 200 }, from: '2024-06-01', to: '2024-06-30', expected: 2 },
  // 125×4000 = 500000; /10000 = 50 分 → 50
  { kind: 'periodic', basis: { area: 125, unitPrice: 4000 }, from: '2024-06-01', to: '2024-06-30', expected: 50 },
  // 333×15015 = 4999995; /10000 = 499.9995 分 → 500
  { kind: 'periodic', basis: { area: 333, unitPrice: 15015 }, from: '2024-06-01', to: '2024-06-30', expected: 500 },
  // 7000×21429 = 150003000; /10000 = 15000.3 分 → 15000
  { kind: 'periodic', basis: { area: 7000, unitPrice: 21429 }, from: '2024-06-01', to: '2024-06-30', expected: 15000 },
  // 10000×31/31 = 10000 → 10000
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2024-01-01', to: '2024-01-31', expected: 10000 },
  // 10000×17/31 = ≈5483.870967 → 5484
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2024-01-15', to: '2024-01-31', expected: 5484 },
  // 10000×1/31 = ≈322.580645 → 323
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2024-01-31', to: '2024-01-31', expected: 323 },
  // 10000×1/31 = ≈322.580645 → 323
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2024-01-01', to: '2024-01-01', expected: 323 },
  // 10000×29/29 = 10000 → 10000
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2024-02-01', to: '2024-02-29', expected: 10000 },
  // 10000×28/29 = ≈9655.172413 → 9655
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2024-02-01', to: '2024-02-28', expected: 9655 },
  // 10000×28/28 = 10000 → 10000
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2023-02-01', to: '2023-02-28', expected: 10000 },
  // 10000×14/28 = 5000 → 5000
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2023-02-15', to: '2023-02-28', expected: 5000 },
  // 10000×14/28 = 5000 → 5000
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2100-02-15', to: '2100-02-28', expected: 5000 },
  // 10000×15/29 = ≈5172.413793 → 5172
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2000-02-15', to: '2000-02-29', expected: 5172 },
  // 10000×28/28 = 10000 → 10000
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2100-02-01', to: '2100-02-28', expected: 10000 },
  // 10000×28/29 = ≈9655.172413 → 9655
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2000-02-01', to: '2000-02-28', expected: 9655 },
  // 10000×30/30 = 10000 → 10000
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2024-04-01', to: '2024-04-30', expected: 10000 },
  // 10000×15/30 = 5000 → 5000
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2024-04-16', to: '2024-04-30', expected: 5000 },
  // 10000×1/30 = ≈333.333333 → 333
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2024-04-30', to: '2024-04-30', expected: 333 },
  // 10000×15/30 = 5000 → 5000
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2024-04-01', to: '2024-04-15', expected: 5000 },
  // 10000×31/31 + 10000×29/29 + 10000×31/31 = 30000 → 30000
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2024-01-01', to: '2024-03-31', expected: 30000 },
  // 10000×31/31 + 10000×28/28 + 10000×31/31 = 30000 → 30000
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2023-01-01', to: '2023-03-31', expected: 30000 },
  // 10000×31/31 + 10000×29/29 + 10000×31/31 + 10000×30/30 + 10000×31/31 + 10000×30/30 = 60000 → 60000
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2024-01-01', to: '2024-06-30', expected: 60000 },
  // 10000×31/31 + 10000×31/31 + 10000×30/30 + 10000×31/31 + 10000×30/30 + 10000×31/31 = 60000 → 60000
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2024-07-01', to: '2024-12-31', expected: 60000 },
  // 10000×31/31 + 10000×29/29 + 10000×31/31 + 10000×30/30 + 10000×31/31 + 10000×30/30 + 10000×31/31 + 10000×31/31 + 10000×30/30 + 10000×31/31 + 10000×30/30 + 10000×31/31 = 120000 → 120000
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2024-01-01', to: '2024-12-31', expected: 120000 },
  // 10000×31/31 + 10000×28/28 + 10000×31/31 + 10000×30/30 + 10000×31/31 + 10000×30/30 + 10000×31/31 + 10000×31/31 + 10000×30/30 + 10000×31/31 + 10000×30/30 + 10000×31/31 = 120000 → 120000
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2023-01-01', to: '2023-12-31', expected: 120000 },
  // 10000×12/31 + 10000×10/29 = ≈7319.243604 → 7319
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2024-01-20', to: '2024-02-10', expected: 7319 },
  // 10000×12/31 + 10000×10/28 = ≈7442.396313 → 7442
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2023-01-20', to: '2023-02-10', expected: 7442 },
  // 10000×15/29 + 10000×14/31 = ≈9688.542825 → 9689
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2024-02-15', to: '2024-03-14', expected: 9689 },
  // 10000×1/31 + 10000×1/29 = ≈667.408231 → 667
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2024-01-31', to: '2024-02-01', expected: 667 },
  // 10000×1/31 + 10000×1/31 = ≈645.161290 → 645
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2024-12-31', to: '2025-01-01', expected: 645 },
  // 10000×17/31 + 10000×30/30 + 10000×31/31 + 10000×14/30 = ≈30150.537634 → 30151
  { kind: 'periodic', basis: { monthlyFen: 10000 }, from: '2024-03-15', to: '2024-06-14', expected: 30151 },
  // 100×1/31 = ≈3.225806 → 3
  { kind: 'periodic', basis: { monthlyFen: 100 }, from: '2024-01-10', to: '2024-01-10', expected: 3 },
  // 100×1/30 = ≈3.333333 → 3
  { kind: 'periodic', basis: { monthlyFen: 100 }, from: '2024-04-10', to: '2024-04-10', expected: 3 },
  // 100×1/29 = ≈3.448275 → 3
  { kind: 'periodic', basis: { monthlyFen: 100 }, from: '2024-02-10', to: '2024-02-10', expected: 3 },
  // 100×1/28 = ≈3.571428 → 4
  { kind: 'periodic', basis: { monthlyFen: 100 }, from: '2023-02-10', to: '2023-02-10', expected: 4 },
  // 62×15/30 = 31 → 31
  { kind: 'periodic', basis: { monthlyFen: 62 }, from: '2024-06-01', to: '2024-06-15', expected: 31 },
  // 61×15/30 = 30.5 → 31
  { kind: 'periodic', basis: { monthlyFen: 61 }, from: '2024-06-01', to: '2024-06-15', expected: 31 },
  // 3×15/30 = 1.5 → 2
  { kind: 'periodic', basis: { monthlyFen: 3 }, from: '2024-06-01', to: '2024-06-15', expected: 2 },
  // 1×15/30 = 0.5 → 1
  { kind: 'periodic', basis: { monthlyFen: 1 }, from: '2024-06-16', to: '2024-06-30', expected: 1 },
  // -61×15/30 = -30.5 → -31
  { kind: 'periodic', basis: { monthlyFen: -61 }, from: '2024-06-01', to: '2024-06-15', expected: -31 },
  // -10000×17/31 = ≈-5483.870967 → -5484
  { kind: 'periodic', basis: { monthlyFen: -10000 }, from: '2024-01-15', to: '2024-01-31', expected: -5484 },
  // 5000×15/31 = ≈2419.354838 → 2419
  { kind: 'periodic', basis: { monthlyFen: 5000 }, from: '2024-01-17', to: '2024-01-31', expected: 2419 },
  // 31×16/31 = 16 → 16
  { kind: 'periodic', basis: { monthlyFen: 31 }, from: '2024-03-01', to: '2024-03-16', expected: 16 },
  // 29×15/29 = 15 → 15
  { kind: 'periodic', basis: { monthlyFen: 29 }, from: '2024-02-01', to: '2024-02-15', expected: 15 },
  // 0×31/31 + 0×29/29 + 0×31/31 + 0×30/30 + 0×31/31 + 0×30/30 + 0×31/31 + 0×31/31 + 0×30/30 + 0×31/31 + 0×30/30 + 0×31/31 = 0 → 0
  { kind: 'periodic', basis: { monthlyFen: 0 }, from: '2024-01-01', to: '2024-12-31', expected: 0 },
  // 99999×14/29 = ≈48275.379310 → 48275
  { kind: 'periodic', basis: { monthlyFen: 99999 }, from: '2024-02-01', to: '2024-02-14', expected: 48275 },
  // 12345×31/31 = 12345 → 12345
  { kind: 'periodic', basis: { monthlyFen: 12345 }, from: '2024-05-01', to: '2024-05-31', expected: 12345 },
  // 12345×30/31 = ≈11946.774193 → 11947
  { kind: 'periodic', basis: { monthlyFen: 12345 }, from: '2024-05-02', to: '2024-05-31', expected: 11947 },
  // 150000×20/30 + 150000×31/31 + 150000×10/31 = ≈298387.096774 → 298387
  { kind: 'periodic', basis: { monthlyFen: 150000 }, from: '2024-11-11', to: '2025-01-10', expected: 298387 },
  // 7×15/30 = 3.5 → 4
  { kind: 'periodic', basis: { monthlyFen: 7 }, from: '2024-09-01', to: '2024-09-15', expected: 4 },
  // 9×15/30 = 4.5 → 5
  { kind: 'periodic', basis: { monthlyFen: 9 }, from: '2024-09-01', to: '2024-09-15', expected: 5 },
  // monthly 8950×12345/10000 = 11048.775 分 (not rounded); × (15/30) = 5524.3875 → 5524
  { kind: 'periodic', basis: { area: 8950, unitPrice: 12345 }, from: '2024-06-01', to: '2024-06-15', expected: 5524 },
  // monthly 8950×12345/10000 = 11048.775 分 (not rounded); × (31/31 + 29/29 + 31/31) = 33146.325 → 33146
  { kind: 'periodic', basis: { area: 8950, unitPrice: 12345 }, from: '2024-01-01', to: '2024-03-31', expected: 33146 },
  // monthly 8950×12345/10000 = 11048.775 分 (not rounded); × (31/31 + 29/29 + 31/31 + 30/30 + 31/31 + 30/30 + 31/31 + 31/31 + 30/30 + 31/31 + 30/30 + 31/31) = 132585.3 → 132585
  { kind: 'periodic', basis: { area: 8950, unitPrice: 12345 }, from: '2024-01-01', to: '2024-12-31', expected: 132585 },
  // monthly 8950×12345/10000 = 11048.775 分 (not rounded); × (20/29) = ≈7619.844827 → 7620
  { kind: 'periodic', basis: { area: 8950, unitPrice: 12345 }, from: '2024-02-10', to: '2024-02-29', expected: 7620 },
  // monthly 8950×12345/10000 = 11048.775 分 (not rounded); × (19/28) = ≈7497.383035 → 7497
  { kind: 'periodic', basis: { area: 8950, unitPrice: 12345 }, from: '2023-02-10', to: '2023-02-28', expected: 7497 },
  // monthly 12345×25000/10000 = 30862.5 分 (not rounded); × (15/30) = 15431.25 → 15431
  { kind: 'periodic', basis: { area: 12345, unitPrice: 25000 }, from: '2024-06-01', to: '2024-06-15', expected: 15431 },
  // monthly 10000×10001/10000 = 10001 分 (not rounded); × (31/31 + 31/31 + 30/30) = 30003 → 30003
  { kind: 'periodic', basis: { area: 10000, unitPrice: 10001 }, from: '2024-07-01', to: '2024-09-30', expected: 30003 },
  // monthly 8950×12345/10000 = 11048.775 分 (not rounded); × (1/30) = 368.2925 → 368
  { kind: 'periodic', basis: { area: 8950, unitPrice: 12345 }, from: '2024-06-16', to: '2024-06-16', expected: 368 },
  // monthly 13250×21500/10000 = 28487.5 分 (not rounded); × (12/31 + 30/30 + 10/31) = ≈48704.435483 → 48704
  { kind: 'periodic', basis: { area: 13250, unitPrice: 21500 }, from: '2024-03-20', to: '2024-05-10', expected: 48704 },
  // monthly 9000×23000/10000 = 20700 分 (not rounded); × (14/28) = 10350 → 10350
  { kind: 'periodic', basis: { area: 9000, unitPrice: 23000 }, from: '2100-02-01', to: '2100-02-14', expected: 10350 },
  // monthly 9000×23000/10000 = 20700 分 (not rounded); × (14/29) = ≈9993.103448 → 9993
  { kind: 'periodic', basis: { area: 9000, unitPrice: 23000 }, from: '2000-02-01', to: '2000-02-14', expected: 9993 },
  // monthly 15001×33333/10000 = 50002.8333 分 (not rounded); × (31/31 + 29/29 + 31/31 + 30/30 + 31/31 + 30/30) = 300016.9998 → 300017
  { kind: 'periodic', basis: { area: 15001, unitPrice: 33333 }, from: '2024-01-01', to: '2024-06-30', expected: 300017 },
  // 2024-01-01..2024-01-31: 10000×(31/31) = 10000 → 10000
  { kind: 'segments', from: '2024-01-01', to: '2024-01-31', changes: [{ effectiveFrom: '2024-01-01', values: { monthlyFen: 10000 } }], expected: [{ from: '2024-01-01', to: '2024-01-31', fen: 10000 }] },
  // 2024-01-01..2024-01-15: 10000×(15/31) = ≈4838.709677 → 4839; 2024-01-16..2024-01-31: 12000×(16/31) = ≈6193.548387 → 6194
  { kind: 'segments', from: '2024-01-01', to: '2024-01-31', changes: [{ effectiveFrom: '2023-06-01', values: { monthlyFen: 10000 } }, { effectiveFrom: '2024-01-16', values: { monthlyFen: 12000 } }], expected: [{ from: '2024-01-01', to: '2024-01-15', fen: 4839 }, { from: '2024-01-16', to: '2024-01-31', fen: 6194 }] },
  // 2024-01-01..2024-02-14: 11048.775×(31/31 + 14/29) = ≈16382.666379 → 16383; 2024-02-15..2024-03-31: 13425×(15/29 + 31/31) = ≈20368.965517 → 20369
  { kind: 'segments', from: '2024-01-01', to: '2024-03-31', changes: [{ effectiveFrom: '2023-01-01', values: { area: 8950, unitPrice: 12345 } }, { effectiveFrom: '2024-02-15', values: { area: 8950, unitPrice: 15000 } }], expected: [{ from: '2024-01-01', to: '2024-02-14', fen: 16383 }, { from: '2024-02-15', to: '2024-03-31', fen: 20369 }] },
  // 2024-01-01..2024-02-29: 11048.775×(31/31 + 29/29) = 22097.55 → 22098; 2024-03-01..2024-03-31: 11172.225×(31/31) = 11172.225 → 11172
  { kind: 'segments', from: '2024-01-01', to: '2024-03-31', changes: [{ effectiveFrom: '2023-01-01', values: { area: 8950, unitPrice: 12345 } }, { effectiveFrom: '2024-03-01', values: { area: 9050, unitPrice: 12345 } }], expected: [{ from: '2024-01-01', to: '2024-02-29', fen: 22098 }, { from: '2024-03-01', to: '2024-03-31', fen: 11172 }] },
  // 2024-06-11..2024-06-30: 3000×(20/30) = 2000 → 2000
  { kind: 'segments', from: '2024-06-01', to: '2024-06-30', changes: [{ effectiveFrom: '2024-06-11', values: { monthlyFen: 3000 } }], expected: [{ from: '2024-06-11', to: '2024-06-30', fen: 2000 }] },
  // 2024-06-01..2024-06-20: 3000×(20/30) = 2000 → 2000
  { kind: 'segments', from: '2024-06-01', to: '2024-06-30', changes: [{ effectiveFrom: '2024-01-01', values: { monthlyFen: 3000 } }, { effectiveFrom: '2024-06-21', values: null }], expected: [{ from: '2024-06-01', to: '2024-06-20', fen: 2000 }] },
  // 2024-02-01..2024-02-09: 2900×(9/29) = 900 → 900; 2024-02-10..2024-02-19: 2900×(10/29) = 1000 → 1000; 2024-02-20..2024-02-29: 5800×(10/29) = 2000 → 2000
  { kind: 'segments', from: '2024-02-01', to: '2024-02-29', changes: [{ effectiveFrom: '2024-01-01', values: { monthlyFen: 2900 } }, { effectiveFrom: '2024-02-10', values: { monthlyFen: 2900 } }, { effectiveFrom: '2024-02-20', values: { monthlyFen: 5800 } }], expected: [{ from: '2024-02-01', to: '2024-02-09', fen: 900 }, { from: '2024-02-10', to: '2024-02-19', fen: 1000 }, { from: '2024-02-20', to: '2024-02-29', fen: 2000 }] },
  // 2023-02-01..2023-02-14: 2900×(14/28) = 1450 → 1450; 2023-02-15..2023-02-28: 5800×(14/28) = 2900 → 2900
  { kind: 'segments', from: '2023-02-01', to: '2023-02-28', changes: [{ effectiveFrom: '2023-01-01', values: { monthlyFen: 2900 } }, { effectiveFrom: '2023-02-15', values: { monthlyFen: 5800 } }], expected: [{ from: '2023-02-01', to: '2023-02-14', fen: 1450 }, { from: '2023-02-15', to: '2023-02-28', fen: 2900 }] },
  // 2024-01-01..2024-06-30: 20000×(31/31 + 29/29 + 31/31 + 30/30 + 31/31 + 30/30) = 120000 → 120000; 2024-07-01..2024-12-31: 22000×(31/31 + 31/31 + 30/30 + 31/31 + 30/30 + 31/31) = 132000 → 132000
  { kind: 'segments', from: '2024-01-01', to: '2024-12-31', changes: [{ effectiveFrom: '2024-01-01', values: { area: 10000, unitPrice: 20000 } }, { effectiveFrom: '2024-07-01', values: { area: 10000, unitPrice: 22000 } }], expected: [{ from: '2024-01-01', to: '2024-06-30', fen: 120000 }, { from: '2024-07-01', to: '2024-12-31', fen: 132000 }] },
  // 2024-01-31..2024-01-31: 31×(1/31) = 1 → 1
  { kind: 'segments', from: '2024-01-01', to: '2024-01-31', changes: [{ effectiveFrom: '2024-01-31', values: { monthlyFen: 31 } }], expected: [{ from: '2024-01-31', to: '2024-01-31', fen: 1 }] },
  // no segment
  { kind: 'segments', from: '2024-01-01', to: '2024-01-31', changes: [{ effectiveFrom: '2024-02-01', values: { monthlyFen: 31 } }], expected: [] },
  // 2024-04-01..2024-04-15: 9000×(15/30) = 4500 → 4500; 2024-04-16..2024-05-15: 9000×(15/30 + 15/31) = ≈8854.838709 → 8855; 2024-05-16..2024-06-30: 9000×(16/31 + 30/30) = ≈13645.161290 → 13645
  { kind: 'segments', from: '2024-04-01', to: '2024-06-30', changes: [{ effectiveFrom: '2024-01-01', values: { monthlyFen: 9000 } }, { effectiveFrom: '2024-04-16', values: { monthlyFen: 9000 } }, { effectiveFrom: '2024-05-16', values: { monthlyFen: 9000 } }], expected: [{ from: '2024-04-01', to: '2024-04-15', fen: 4500 }, { from: '2024-04-16', to: '2024-05-15', fen: 8855 }, { from: '2024-05-16', to: '2024-06-30', fen: 13645 }] },
  // 2024-06-01..2024-06-15: 6172.5×(15/30) = 3086.25 → 3086; 2024-06-16..2024-06-30: 6172.5×(15/30) = 3086.25 → 3086
  { kind: 'segments', from: '2024-06-01', to: '2024-06-30', changes: [{ effectiveFrom: '2024-06-01', values: { area: 5000, unitPrice: 12345 } }, { effectiveFrom: '2024-06-16', values: { area: 5000, unitPrice: 12345 } }], expected: [{ from: '2024-06-01', to: '2024-06-15', fen: 3086 }, { from: '2024-06-16', to: '2024-06-30', fen: 3086 }] },
  // WATER 0: (0)/100000 = 0 → 0
  { kind: 'tiered', usage: 0, tiers: WATER, expected: 0 },
  // WATER 1: (1×35000)/100000 = 0.35 → 0
  { kind: 'tiered', usage: 1, tiers: WATER, expected: 0 },
  // WATER 12345: (12345×35000)/100000 = 4320.75 → 4321
  { kind: 'tiered', usage: 12345, tiers: WATER, expected: 4321 },
  // WATER 100000: (100000×35000)/100000 = 35000 → 35000
  { kind: 'tiered', usage: 100000, tiers: WATER, expected: 35000 },
  // WATER 179999: (179999×35000)/100000 = 62999.65 → 63000
  { kind: 'tiered', usage: 179999, tiers: WATER, expected: 63000 },
  // WATER 180000: (180000×35000)/100000 = 63000 → 63000
  { kind: 'tiered', usage: 180000, tiers: WATER, expected: 63000 },
  // WATER 180001: (180000×35000 + 1×45000)/100000 = 63000.45 → 63000
  { kind: 'tiered', usage: 180001, tiers: WATER, expected: 63000 },
  // WATER 200000: (180000×35000 + 20000×45000)/100000 = 72000 → 72000
  { kind: 'tiered', usage: 200000, tiers: WATER, expected: 72000 },
  // WATER 259999: (180000×35000 + 79999×45000)/100000 = 98999.55 → 99000
  { kind: 'tiered', usage: 259999, tiers: WATER, expected: 99000 },
  // WATER 260000: (180000×35000 + 80000×45000)/100000 = 99000 → 99000
  { kind: 'tiered', usage: 260000, tiers: WATER, expected: 99000 },
  // WATER 260001: (180000×35000 + 80000×45000 + 1×70000)/100000 = 99000.7 → 99001
  { kind: 'tiered', usage: 260001, tiers: WATER, expected: 99001 },
  // WATER 300000: (180000×35000 + 80000×45000 + 40000×70000)/100000 = 127000 → 127000
  { kind: 'tiered', usage: 300000, tiers: WATER, expected: 127000 },
  // WATER 1000000: (180000×35000 + 80000×45000 + 740000×70000)/100000 = 617000 → 617000
  { kind: 'tiered', usage: 1000000, tiers: WATER, expected: 617000 },
  // WATER 3: (3×35000)/100000 = 1.05 → 1
  { kind: 'tiered', usage: 3, tiers: WATER, expected: 1 },
  // POWER 0: (0)/100000 = 0 → 0
  { kind: 'tiered', usage: 0, tiers: POWER, expected: 0 },
  // POWER 1: (1×5283)/100000 = 0.05283 → 0
  { kind: 'tiered', usage: 1, tiers: POWER, expected: 0 },
  // POWER 95: (95×5283)/100000 = 5.01885 → 5
  { kind: 'tiered', usage: 95, tiers: POWER, expected: 5 },
  // POWER 100000: (100000×5283)/100000 = 5283 → 5283
  { kind: 'tiered', usage: 100000, tiers: POWER, expected: 5283 },
  // POWER 180000: (180000×5283)/100000 = 9509.4 → 9509
  { kind: 'tiered', usage: 180000, tiers: POWER, expected: 9509 },
  // POWER 180001: (180000×5283 + 1×5783)/100000 = 9509.45783 → 9509
  { kind: 'tiered', usage: 180001, tiers: POWER, expected: 9509 },
  // POWER 250000: (180000×5283 + 70000×5783)/100000 = 13557.5 → 13558
  { kind: 'tiered', usage: 250000, tiers: POWER, expected: 13558 },
  // POWER 280000: (180000×5283 + 100000×5783)/100000 = 15292.4 → 15292
  { kind: 'tiered', usage: 280000, tiers: POWER, expected: 15292 },
  // POWER 280001: (180000×5283 + 100000×5783 + 1×8283)/100000 = 15292.48283 → 15292
  { kind: 'tiered', usage: 280001, tiers: POWER, expected: 15292 },
  // POWER 350000: (180000×5283 + 100000×5783 + 70000×8283)/100000 = 21090.5 → 21091
  { kind: 'tiered', usage: 350000, tiers: POWER, expected: 21091 },
  // POWER 2000000: (180000×5283 + 100000×5783 + 1720000×8283)/100000 = 157760 → 157760
  { kind: 'tiered', usage: 2000000, tiers: POWER, expected: 157760 },
  // FLAT 0: (0)/100000 = 0 → 0
  { kind: 'tiered', usage: 0, tiers: FLAT, expected: 0 },
  // FLAT 1: (1×12345)/100000 = 0.12345 → 0
  { kind: 'tiered', usage: 1, tiers: FLAT, expected: 0 },
  // FLAT 4: (4×12345)/100000 = 0.4938 → 0
  { kind: 'tiered', usage: 4, tiers: FLAT, expected: 0 },
  // FLAT 5: (5×12345)/100000 = 0.61725 → 1
  { kind: 'tiered', usage: 5, tiers: FLAT, expected: 1 },
  // FLAT 12345: (12345×12345)/100000 = 1523.99025 → 1524
  { kind: 'tiered', usage: 12345, tiers: FLAT, expected: 1524 },
  // FLAT 999999: (999999×12345)/100000 = 123449.87655 → 123450
  { kind: 'tiered', usage: 999999, tiers: FLAT, expected: 123450 },
  // FLAT 1000000: (1000000×12345)/100000 = 123450 → 123450
  { kind: 'tiered', usage: 1000000, tiers: FLAT, expected: 123450 },
  // GAS 299999: (299999×31500)/100000 = 94499.685 → 94500
  { kind: 'tiered', usage: 299999, tiers: GAS, expected: 94500 },
  // GAS 300000: (300000×31500)/100000 = 94500 → 94500
  { kind: 'tiered', usage: 300000, tiers: GAS, expected: 94500 },
  // GAS 300001: (300000×31500 + 1×39500)/100000 = 94500.395 → 94500
  { kind: 'tiered', usage: 300001, tiers: GAS, expected: 94500 },
  // GAS 456789: (300000×31500 + 156789×39500)/100000 = 156431.655 → 156432
  { kind: 'tiered', usage: 456789, tiers: GAS, expected: 156432 },
  // accrues from 2024-02-11; Σ unpaid = no day = 0 分·days × 500/1e6 = 0; cap 100000×1000/10000 = 10000 → 0
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-01-31', graceDays: 10, dailyRatePpm: 500, capBp: 1000, asOf: '2024-02-05', payments: [] }, expected: 0 },
  // accrues from 2024-02-11; Σ unpaid = no day = 0 分·days × 500/1e6 = 0; cap 100000×1000/10000 = 10000 → 0
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-01-31', graceDays: 10, dailyRatePpm: 500, capBp: 1000, asOf: '2024-02-10', payments: [] }, expected: 0 },
  // accrues from 2024-02-11; Σ unpaid = 100000×1d = 100000 分·days × 500/1e6 = 50; cap 100000×1000/10000 = 10000 → 50
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-01-31', graceDays: 10, dailyRatePpm: 500, capBp: 1000, asOf: '2024-02-11', payments: [] }, expected: 50 },
  // accrues from 2024-02-11; Σ unpaid = 100000×19d = 1900000 分·days × 500/1e6 = 950; cap 100000×1000/10000 = 10000 → 950
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-01-31', graceDays: 10, dailyRatePpm: 500, capBp: 1000, asOf: '2024-02-29', payments: [] }, expected: 950 },
  // accrues from 2024-02-01; Σ unpaid = no day = 0 分·days × 500/1e6 = 0; cap 100000×1000/10000 = 10000 → 0
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-01-31', graceDays: 0, dailyRatePpm: 500, capBp: 1000, asOf: '2024-01-31', payments: [] }, expected: 0 },
  // accrues from 2024-02-01; Σ unpaid = 100000×1d = 100000 分·days × 500/1e6 = 50; cap 100000×1000/10000 = 10000 → 50
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-01-31', graceDays: 0, dailyRatePpm: 500, capBp: 1000, asOf: '2024-02-01', payments: [] }, expected: 50 },
  // accrues from 2024-02-01; Σ unpaid = 100000×60d = 6000000 分·days × 500/1e6 = 3000; cap 100000×1000/10000 = 10000 → 3000
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-01-31', graceDays: 0, dailyRatePpm: 500, capBp: 1000, asOf: '2024-03-31', payments: [] }, expected: 3000 },
  // accrues from 2024-02-01; Σ unpaid = 100000×170d = 17000000 分·days × 500/1e6 = 8500; cap 100000×1000/10000 = 10000 → 8500
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-01-31', graceDays: 0, dailyRatePpm: 500, capBp: 1000, asOf: '2024-07-19', payments: [] }, expected: 8500 },
  // accrues from 2024-02-01; Σ unpaid = 100000×171d = 17100000 分·days × 500/1e6 = 8550; cap 100000×1000/10000 = 10000 → 8550
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-01-31', graceDays: 0, dailyRatePpm: 500, capBp: 1000, asOf: '2024-07-20', payments: [] }, expected: 8550 },
  // accrues from 2024-02-01; Σ unpaid = 100000×335d = 33500000 分·days × 500/1e6 = 16750; cap 100000×1000/10000 = 10000 → 10000
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-01-31', graceDays: 0, dailyRatePpm: 500, capBp: 1000, asOf: '2024-12-31', payments: [] }, expected: 10000 },
  // accrues from 2024-02-01; Σ unpaid = 100000×100d = 10000000 分·days × 500/1e6 = 5000; cap 100000×500/10000 = 5000 → 5000
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-01-31', graceDays: 0, dailyRatePpm: 500, capBp: 500, asOf: '2024-05-10', payments: [] }, expected: 5000 },
  // accrues from 2024-02-01; Σ unpaid = 100000×151d = 15100000 分·days × 500/1e6 = 7550; cap 100000×500/10000 = 5000 → 5000
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-01-31', graceDays: 0, dailyRatePpm: 500, capBp: 500, asOf: '2024-06-30', payments: [] }, expected: 5000 },
  // accrues from 2024-02-01; Σ unpaid = 100000×99d = 9900000 分·days × 500/1e6 = 4950; cap 100000×500/10000 = 5000 → 4950
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-01-31', graceDays: 0, dailyRatePpm: 500, capBp: 500, asOf: '2024-05-09', payments: [] }, expected: 4950 },
  // accrues from 2024-02-01; Σ unpaid = 100000×335d = 33500000 分·days × 500/1e6 = 16750; no cap → 16750
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-01-31', graceDays: 0, dailyRatePpm: 500, capBp: null, asOf: '2024-12-31', payments: [] }, expected: 16750 },
  // accrues from 2024-04-06; Σ unpaid = 12345×15d = 185175 分·days × 500/1e6 = 92.5875; cap 12345×1000/10000 = 1234.5 → 93
  { kind: 'lateFee', input: { principalFen: 12345, dueDate: '2024-03-31', graceDays: 5, dailyRatePpm: 500, capBp: 1000, asOf: '2024-04-20', payments: [] }, expected: 93 },
  // accrues from 2024-04-06; Σ unpaid = 12345×2d = 24690 分·days × 300/1e6 = 7.407; cap 12345×1000/10000 = 1234.5 → 7
  { kind: 'lateFee', input: { principalFen: 12345, dueDate: '2024-03-31', graceDays: 5, dailyRatePpm: 300, capBp: 1000, asOf: '2024-04-07', payments: [] }, expected: 7 },
  // accrues from 2024-02-11; Σ unpaid = 100000×9d + 60000×11d = 1560000 分·days × 500/1e6 = 780; cap 100000×1000/10000 = 10000 → 780
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-01-31', graceDays: 10, dailyRatePpm: 500, capBp: 1000, asOf: '2024-03-01', payments: [{ date: '2024-02-20', principalFen: 40000 }] }, expected: 780 },
  // accrues from 2024-02-11; Σ unpaid = 60000×20d = 1200000 分·days × 500/1e6 = 600; cap 100000×1000/10000 = 10000 → 600
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-01-31', graceDays: 10, dailyRatePpm: 500, capBp: 1000, asOf: '2024-03-01', payments: [{ date: '2024-02-11', principalFen: 40000 }] }, expected: 600 },
  // accrues from 2024-02-11; Σ unpaid = 60000×20d = 1200000 分·days × 500/1e6 = 600; cap 100000×1000/10000 = 10000 → 600
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-01-31', graceDays: 10, dailyRatePpm: 500, capBp: 1000, asOf: '2024-03-01', payments: [{ date: '2024-02-05', principalFen: 40000 }] }, expected: 600 },
  // accrues from 2024-02-11; Σ unpaid = 100000×9d + 0×11d = 900000 分·days × 500/1e6 = 450; cap 100000×1000/10000 = 10000 → 450
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-01-31', graceDays: 10, dailyRatePpm: 500, capBp: 1000, asOf: '2024-03-01', payments: [{ date: '2024-02-20', principalFen: 100000 }] }, expected: 450 },
  // accrues from 2024-02-01; Σ unpaid = 100000×9d + 70000×10d + 40000×11d = 2040000 分·days × 500/1e6 = 1020; cap 100000×1000/10000 = 10000 → 1020
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-01-31', graceDays: 0, dailyRatePpm: 500, capBp: 1000, asOf: '2024-03-01', payments: [{ date: '2024-02-10', principalFen: 30000 }, { date: '2024-02-20', principalFen: 30000 }] }, expected: 1020 },
  // accrues from 2024-02-01; Σ unpaid = 100000×9d + 0×1d = 900000 分·days × 500/1e6 = 450; cap 100000×1000/10000 = 10000 → 450
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-01-31', graceDays: 0, dailyRatePpm: 500, capBp: 1000, asOf: '2024-02-10', payments: [{ date: '2024-02-10', principalFen: 100000 }] }, expected: 450 },
  // accrues from 2024-02-01; Σ unpaid = 100000×29d + 50000×337d = 19750000 分·days × 500/1e6 = 9875; cap 100000×1000/10000 = 10000 → 9875
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-01-31', graceDays: 0, dailyRatePpm: 500, capBp: 1000, asOf: '2025-01-31', payments: [{ date: '2024-03-01', principalFen: 50000 }] }, expected: 9875 },
  // accrues from 2024-07-01; Σ unpaid = 3333×3d = 9999 分·days × 500/1e6 = 4.9995; cap 3333×1000/10000 = 333.3 → 5
  { kind: 'lateFee', input: { principalFen: 3333, dueDate: '2024-06-30', graceDays: 0, dailyRatePpm: 500, capBp: 1000, asOf: '2024-07-03', payments: [] }, expected: 5 },
  // accrues from 2024-07-01; Σ unpaid = 1000×1d = 1000 分·days × 500/1e6 = 0.5; cap 1000×1000/10000 = 100 → 1
  { kind: 'lateFee', input: { principalFen: 1000, dueDate: '2024-06-30', graceDays: 0, dailyRatePpm: 500, capBp: 1000, asOf: '2024-07-01', payments: [] }, expected: 1 },
  // accrues from 2024-07-01; Σ unpaid = 999×1d = 999 分·days × 500/1e6 = 0.4995; cap 999×1000/10000 = 99.9 → 0
  { kind: 'lateFee', input: { principalFen: 999, dueDate: '2024-06-30', graceDays: 0, dailyRatePpm: 500, capBp: 1000, asOf: '2024-07-01', payments: [] }, expected: 0 },
  // accrues from 2024-03-01; Σ unpaid = 100000×4d + 99999×6d = 999994 分·days × 1000/1e6 = 999.994; cap 100000×2000/10000 = 20000 → 1000
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-02-28', graceDays: 1, dailyRatePpm: 1000, capBp: 2000, asOf: '2024-03-10', payments: [{ date: '2024-03-05', principalFen: 1 }] }, expected: 1000 },
  // accrues from 2023-03-04; Σ unpaid = 50000×11d + 20000×17d = 890000 分·days × 500/1e6 = 445; cap 50000×1000/10000 = 5000 → 445
  { kind: 'lateFee', input: { principalFen: 50000, dueDate: '2023-02-28', graceDays: 3, dailyRatePpm: 500, capBp: 1000, asOf: '2023-03-31', payments: [{ date: '2023-03-15', principalFen: 20000 }, { date: '2023-03-15', principalFen: 10000 }] }, expected: 445 },
  // accrues from 2025-01-01; Σ unpaid = 100000×1d = 100000 分·days × 500/1e6 = 50; cap 100000×1000/10000 = 10000 → 50
  { kind: 'lateFee', input: { principalFen: 100000, dueDate: '2024-12-31', graceDays: 0, dailyRatePpm: 500, capBp: 1000, asOf: '2025-01-01', payments: [] }, expected: 50 },
  // 10000 against 8000 principal + 500 late fee, principal_first → principal 8000, late fee 500, left 1500
  { kind: 'settle', paymentFen: 10000, principalOutstanding: 8000, lateFeeOutstanding: 500, order: 'principal_first', expected: [8000, 500, 1500] },
  // 10000 against 8000 principal + 500 late fee, late_fee_first → principal 8000, late fee 500, left 1500
  { kind: 'settle', paymentFen: 10000, principalOutstanding: 8000, lateFeeOutstanding: 500, order: 'late_fee_first', expected: [8000, 500, 1500] },
  // 5000 against 8000 principal + 500 late fee, principal_first → principal 5000, late fee 0, left 0
  { kind: 'settle', paymentFen: 5000, principalOutstanding: 8000, lateFeeOutstanding: 500, order: 'principal_first', expected: [5000, 0, 0] },
  // 5000 against 8000 principal + 500 late fee, late_fee_first → principal 4500, late fee 500, left 0
  { kind: 'settle', paymentFen: 5000, principalOutstanding: 8000, lateFeeOutstanding: 500, order: 'late_fee_first', expected: [4500, 500, 0] },
  // 300 against 8000 principal + 500 late fee, late_fee_first → principal 0, late fee 300, left 0
  { kind: 'settle', paymentFen: 300, principalOutstanding: 8000, lateFeeOutstanding: 500, order: 'late_fee_first', expected: [0, 300, 0] },
  // 0 against 8000 principal + 500 late fee, principal_first → principal 0, late fee 0, left 0
  { kind: 'settle', paymentFen: 0, principalOutstanding: 8000, lateFeeOutstanding: 500, order: 'principal_first', expected: [0, 0, 0] },
  // 8500 against 8000 principal + 500 late fee, principal_first → principal 8000, late fee 500, left 0
  { kind: 'settle', paymentFen: 8500, principalOutstanding: 8000, lateFeeOutstanding: 500, order: 'principal_first', expected: [8000, 500, 0] },
  // 100 against 0 principal + 0 late fee, principal_first → principal 0, late fee 0, left 100
  { kind: 'settle', paymentFen: 100, principalOutstanding: 0, lateFeeOutstanding: 0, order: 'principal_first', expected: [0, 0, 100] },
  // 11049×5000/10000 = 5524.5 → discount 5525, net 5524
  { kind: 'vacancy', amountFen: 11049, discountBp: 5000, expected: [5525, 5524] },
  // 11048×5000/10000 = 5524 → discount 5524, net 5524
  { kind: 'vacancy', amountFen: 11048, discountBp: 5000, expected: [5524, 5524] },
  // 1×5000/10000 = 0.5 → discount 1, net 0
  { kind: 'vacancy', amountFen: 1, discountBp: 5000, expected: [1, 0] },
  // 3×5000/10000 = 1.5 → discount 2, net 1
  { kind: 'vacancy', amountFen: 3, discountBp: 5000, expected: [2, 1] },
  // -3×5000/10000 = -1.5 → discount -2, net -1
  { kind: 'vacancy', amountFen: -3, discountBp: 5000, expected: [-2, -1] },
  // -11049×5000/10000 = -5524.5 → discount -5525, net -5524
  { kind: 'vacancy', amountFen: -11049, discountBp: 5000, expected: [-5525, -5524] },
  // 10000×3000/10000 = 3000 → discount 3000, net 7000
  { kind: 'vacancy', amountFen: 10000, discountBp: 3000, expected: [3000, 7000] },
  // 12345×3333/10000 = 4114.5885 → discount 4115, net 8230
  { kind: 'vacancy', amountFen: 12345, discountBp: 3333, expected: [4115, 8230] },
  // 12345×10000/10000 = 12345 → discount 12345, net 0
  { kind: 'vacancy', amountFen: 12345, discountBp: 10000, expected: [12345, 0] },
  // 12345×0/10000 = 0 → discount 0, net 12345
  { kind: 'vacancy', amountFen: 12345, discountBp: 0, expected: [0, 12345] },
  // 99×2500/10000 = 24.75 → discount 25, net 74
  { kind: 'vacancy', amountFen: 99, discountBp: 2500, expected: [25, 74] },
  // 98×2500/10000 = 24.5 → discount 25, net 73
  { kind: 'vacancy', amountFen: 98, discountBp: 2500, expected: [25, 73] },
  // -99×2500/10000 = -24.75 → discount -25, net -74
  { kind: 'vacancy', amountFen: -99, discountBp: 2500, expected: [-25, -74] },
  // 7×7143/10000 = 5.0001 → discount 5, net 2
  { kind: 'vacancy', amountFen: 7, discountBp: 7143, expected: [5, 2] },
  // 100001×5000/10000 = 50000.5 → discount 50001, net 50000
  { kind: 'vacancy', amountFen: 100001, discountBp: 5000, expected: [50001, 50000] },
  // 100 by [1, 1, 1]: exact shares ≈33.333333, ≈33.333333, ≈33.333333 → [34, 33, 33] (Σ 100)
  { kind: 'allocate', totalFen: 100, weights: [1, 1, 1], expected: [34, 33, 33] },
  // -100 by [1, 1, 1]: exact shares ≈-33.333333, ≈-33.333333, ≈-33.333333 → [-34, -33, -33] (Σ -100)
  { kind: 'allocate', totalFen: -100, weights: [1, 1, 1], expected: [-34, -33, -33] },
  // 101 by [1, 1, 1]: exact shares ≈33.666666, ≈33.666666, ≈33.666666 → [34, 34, 33] (Σ 101)
  { kind: 'allocate', totalFen: 101, weights: [1, 1, 1], expected: [34, 34, 33] },
  // 2 by [1, 1, 1]: exact shares ≈0.666666, ≈0.666666, ≈0.666666 → [1, 1, 0] (Σ 2)
  { kind: 'allocate', totalFen: 2, weights: [1, 1, 1], expected: [1, 1, 0] },
  // 1 by [1, 1, 1, 1]: exact shares 0.25, 0.25, 0.25, 0.25 → [1, 0, 0, 0] (Σ 1)
  { kind: 'allocate', totalFen: 1, weights: [1, 1, 1, 1], expected: [1, 0, 0, 0] },
  // 10000 by [8950, 9050, 12000]: exact shares ≈2983.333333, ≈3016.666666, 4000 → [2983, 3017, 4000] (Σ 10000)
  { kind: 'allocate', totalFen: 10000, weights: [8950, 9050, 12000], expected: [2983, 3017, 4000] },
  // -10000 by [8950, 9050, 12000]: exact shares ≈-2983.333333, ≈-3016.666666, -4000 → [-2983, -3017, -4000] (Σ -10000)
  { kind: 'allocate', totalFen: -10000, weights: [8950, 9050, 12000], expected: [-2983, -3017, -4000] },
  // 99999 by [8950, 8950, 8950]: exact shares 33333, 33333, 33333 → [33333, 33333, 33333] (Σ 99999)
  { kind: 'allocate', totalFen: 99999, weights: [8950, 8950, 8950], expected: [33333, 33333, 33333] },
  // 5 by [3, 3, 2, 2]: exact shares 1.5, 1.5, 1, 1 → [2, 1, 1, 1] (Σ 5)
  { kind: 'allocate', totalFen: 5, weights: [3, 3, 2, 2], expected: [2, 1, 1, 1] },
  // 7 by [1, 2, 4]: exact shares 1, 2, 4 → [1, 2, 4] (Σ 7)
  { kind: 'allocate', totalFen: 7, weights: [1, 2, 4], expected: [1, 2, 4] },
  // 12345 by [1]: exact shares 12345 → [12345] (Σ 12345)
  { kind: 'allocate', totalFen: 12345, weights: [1], expected: [12345] },
  // 0 by [1, 2, 3]: exact shares 0, 0, 0 → [0, 0, 0] (Σ 0)
  { kind: 'allocate', totalFen: 0, weights: [1, 2, 3], expected: [0, 0, 0] },
  // 100 by [0, 1, 0]: exact shares 0, 100, 0 → [0, 100, 0] (Σ 100)
  { kind: 'allocate', totalFen: 100, weights: [0, 1, 0], expected: [0, 100, 0] },
  // 1000 by [333, 333, 334]: exact shares 333, 333, 334 → [333, 333, 334] (Σ 1000)
  { kind: 'allocate', totalFen: 1000, weights: [333, 333, 334], expected: [333, 333, 334] },
  // 31 by [10000, 10000, 20000, 20000, 30000]: exact shares ≈3.444444, ≈3.444444, ≈6.888888, ≈6.888888, ≈10.333333 → [4, 3, 7, 7, 10] (Σ 31)
  { kind: 'allocate', totalFen: 31, weights: [10000, 10000, 20000, 20000, 30000], expected: [4, 3, 7, 7, 10] },
  // -31 by [10000, 10000, 20000, 20000, 30000]: exact shares ≈-3.444444, ≈-3.444444, ≈-6.888888, ≈-6.888888, ≈-10.333333 → [-4, -3, -7, -7, -10] (Σ -31)
  { kind: 'allocate', totalFen: -31, weights: [10000, 10000, 20000, 20000, 30000], expected: [-4, -3, -7, -7, -10] },
  // 66667 by [7325, 12000, 9999, 15001, 6543, 8950]: exact shares ≈8163.692784, ≈13373.967702, ≈11143.858587, ≈16718.574124, ≈7292.155889, ≈9974.750911 → [8164, 13374, 11144, 16718, 7292, 9975] (Σ 66667)
  { kind: 'allocate', totalFen: 66667, weights: [7325, 12000, 9999, 15001, 6543, 8950], expected: [8164, 13374, 11144, 16718, 7292, 9975] },
];
