/** Why a billing calculation refused its input (the zod contracts map these to 400s later). */
export type BillingInputErrorCode =
  | 'bad_date' | 'bad_range' | 'bad_amount' | 'bad_area' | 'bad_price' | 'bad_rate'
  | 'bad_tiers' | 'bad_usage' | 'bad_weights' | 'bad_basis' | 'bad_changes' | 'bad_payment';

export class BillingInputError extends Error {
  readonly code: BillingInputErrorCode;
  constructor(code: BillingInputErrorCode, message: string) {
    super(message);
    this.name = 'BillingInputError';
    this.code = code;
  }
}

/** Throws unless n is a safe integer (optionally ≥ 0 / > 0). */
export function requireInt(n: number, code: BillingInputErrorCode, what: string, min?: 0 | 1): void {
  if (!Number.isSafeInteger(n)) throw new BillingInputError(code, `${what} must be a safe integer, got ${n}`);
  if (min !== undefined && n < min) throw new BillingInputError(code, `${what} must be ≥ ${min}, got ${n}`);
}
