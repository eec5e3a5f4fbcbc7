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
import type { ChargeBasis } from '../periodic-charge.ts';
import type { DatedValues } from '../segments.ts';
import type { Tier } from '../tiered-charge.ts';
import type { LateFeeInput, SettleOrder } from '../late-fee.ts';

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
