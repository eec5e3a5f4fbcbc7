import { z } from 'zod';
import { ZId, ZPageQuery } from './common.ts';
import { ZDay, ZLedgerEntry, ledgerComponentValues, ledgerKindValues } from './billing.ts';
import { ZBillRow, ZLateFeeExplanation } from './billing-accounts.ts';

/**
 * 对账单 (a room's account statement) over a date range, and the resident app's 我的账单. The
 * statement is the room's receivable account: what it owed before the range, every entry in it
 * with the balance after, what it owes at the end; amounts in 分 (+ owed more, − owed less).
 */

/** at most five years in one statement: a page a month stays a readable document */
export const STATEMENT_MAX_DAYS = 1830;

/** from defaults to 1 January of `to`'s year, to to today (Asia/Shanghai) */
export const ZStatementQuery = z.object({ from: ZDay.optional(), to: ZDay.optional() }).strict()
  .refine((v) => !v.from || !v.to || v.to >= v.from, { message: 'ends_before_start', path: ['to'] })
  .refine((v) => !v.from || !v.to || (Date.parse(v.to) - Date.parse(v.from)) / 86_400_000 < STATEMENT_MAX_DAYS, { message: 'range_too_long', path: ['to'] });

export const ZStatementEntry = z.object({
  id: ZId, entryDate: z.string(), kind: z.enum(ledgerKindValues), component: z.enum(ledgerComponentValues), amountFen: z.number().int(),
  feeItemId: ZId.nullable(), feeItemName: z.string().nullable(), billId: ZId.nullable(), periodFrom: z.string().nullable(), periodTo: z.string().nullable(),
  note: z.string().nullable(),
  /** the room's receivable balance after this entry */
  balanceFen: z.number().int(),
});

/** per fee item over the range; a reversal counts as the kind it reverses (a voided bill nets to 0) */
export const ZStatementSubtotal = z.object({
  feeItemId: ZId.nullable(), feeItemName: z.string().nullable(),
  /** charges and 期初 arrears */
  chargedFen: z.number().int(),
  lateFeeFen: z.number().int(),
  /** payments and prepaid deductions (positive) */
  paidFen: z.number().int(),
  /** waivers and vacancy discounts (positive) */
  waivedFen: z.number().int(),
  /** the balance's change: charged + lateFee − paid − waived */
  netFen: z.number().int(),
});

export const ZRoomStatement = z.object({
  roomId: ZId, roomCode: z.string(), projectId: ZId, projectName: z.string(), from: z.string(), to: z.string(),
  openingBalanceFen: z.number().int(),
  entries: z.array(ZStatementEntry),
  closingBalanceFen: z.number().int(),
  subtotals: z.array(ZStatementSubtotal),
  totals: ZStatementSubtotal.omit({ feeItemId: true, feeItemName: true }),
  /** money the room holds at the end of the range */
  prepaidBalanceFen: z.number().int(),
  depositBalanceFen: z.number().int(),
});

// ── the resident's own bills (我的账单) ──────────────────────────────────────────────────────────
export const ZMyBillQuery = ZPageQuery.extend({
  roomId: ZId.optional(),
  status: z.enum(['unpaid', 'paid', 'all']).default('all'),
}).strict();
/** a bill as its resident reads it: what it is, what is owed today (live late fee included), how the late fee comes about */
export const ZMyBillDetail = ZBillRow.extend({
  lateFee: ZLateFeeExplanation,
  entries: z.array(ZLedgerEntry),
});
