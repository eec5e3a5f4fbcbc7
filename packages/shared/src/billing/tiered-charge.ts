import { BillingInputError, requireInt } from './errors.ts';
import { rat, ratToString, roundRat, type Rat } from './rational.ts';

/**
 * One tier of a metered price (阶梯): usage up to `upTo` (cumulative, in thousandths of a
 * unit; null = no upper bound, only on the last tier) costs `unitPrice` (1/10,000 元 per unit).
 */
export interface Tier { upTo: number | null; unitPrice: number }

/** undefined when the tiers are usable, else why not. */
export function validateTiers(tiers: readonly Tier[]): string | undefined {
  if (tiers.length === 0) return 'no tiers';
  let prev = 0;
  for (let i = 0; i < tiers.length; i++) {
    const t = tiers[i]!;
    if (!Number.isSafeInteger(t.unitPrice) || t.unitPrice < 0) return `tier ${i + 1}: price must be an integer ≥ 0`;
    const last = i === tiers.length - 1;
    if (last !== (t.upTo === null)) return last ? 'the last tier must have no upper bound' : `tier ${i + 1}: only the last tier is unbounded`;
    if (t.upTo !== null) {
      if (!Number.isSafeInteger(t.upTo) || t.upTo <= prev) return `tier ${i + 1}: bounds must increase`;
      prev = t.upTo;
    }
  }
  return undefined;
}

export interface TierPiece { usage: number; unitPrice: number; exactFen: string }
export interface TieredChargeResult { amountFen: number; exact: Rat; pieces: TierPiece[] }

/**
 * Usage × price through the tiers, rounded once. Factor: (u/1,000 unit)·(p/10,000 元) =
 * u·p/10,000,000 元 = u·p/100,000 分. Tiers that the usage does not reach give no piece.
 */
export function tieredCharge(usage: number, tiers: readonly Tier[]): TieredChargeResult {
  requireInt(usage, 'bad_usage', 'usage', 0);
  const err = validateTiers(tiers);
  if (err) throw new BillingInputError('bad_tiers', err);
  let num = 0n, below = 0;
  const pieces: TierPiece[] = [];
  for (const t of tiers) {
    if (usage <= below) break;
    const top = t.upTo === null ? usage : Math.min(usage, t.upTo);
    const u = top - below;
    const n = BigInt(u) * BigInt(t.unitPrice);
    num += n;
    pieces.push({ usage: u, unitPrice: t.unitPrice, exactFen: ratToString(rat(n, 100_000n)) });
    below = top;
  }
  const exact = rat(num, 100_000n);
  return { amountFen: roundRat(exact), exact, pieces };
}
