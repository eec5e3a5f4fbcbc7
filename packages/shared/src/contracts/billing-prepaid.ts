import { z } from 'zod';
import { ZId } from './common.ts';
import { ZAmount, ledgerKindValues } from './billing.ts';

/**
 * 预存 (prepaid) and 押金 (deposit) of a room: money the room holds rather than owes. Amounts are
 * integer 分 > 0 on the way in; balances never go below zero (the database refuses it, the API
 * answers 409 余额不足).
 */

const ZDay = z.iso.date();
const ZNote = z.string().trim().max(200);
const ZReason = z.string().trim().min(1).max(200);

/** money received into prepaid at the counter; feeItemId = an earmark (专款预存), null = general */
export const ZPrepaidDepositCreate = z.object({
  amountFen: ZAmount,
  feeItemId: ZId.nullable().default(null),
  note: ZNote.nullable().default(null),
}).strict();
/** prepaid paid back out (from the named earmark, null = general) */
export const ZPrepaidRefundCreate = z.object({
  amountFen: ZAmount,
  feeItemId: ZId.nullable().default(null),
  reason: ZReason,
}).strict();
/** deduct the room's due bills (due date ≤ asOf, default today) from its prepaid balance now */
export const ZPrepaidDeductRequest = z.object({ asOf: ZDay.optional() }).strict();
/** a deposit (押金) held for a fee item of category `deposit` */
export const ZDepositHoldCreate = z.object({
  feeItemId: ZId,
  amountFen: ZAmount,
  note: ZNote.nullable().default(null),
}).strict();
export const ZDepositRefundCreate = z.object({
  feeItemId: ZId,
  amountFen: ZAmount,
  reason: ZReason,
}).strict();

export const ZHeldBalance = z.object({
  /** prepaid: the earmark (null = general); deposit: the deposit fee item */
  feeItemId: ZId.nullable(),
  feeItemName: z.string().nullable(),
  balanceFen: z.number().int(),
});
export const ZHeldMovement = z.object({
  id: ZId, kind: z.enum(ledgerKindValues), account: z.enum(['prepaid', 'deposit']), amountFen: z.number().int(),
  feeItemId: ZId.nullable(), feeItemName: z.string().nullable(), entryDate: z.string(), note: z.string().nullable(), createdAt: z.string(),
});
export const ZRoomPrepaidAccounts = z.object({
  roomId: ZId,
  projectId: ZId,
  prepaid: z.object({ totalFen: z.number().int(), balances: z.array(ZHeldBalance) }),
  deposits: z.object({ totalFen: z.number().int(), balances: z.array(ZHeldBalance) }),
  /** the latest prepaid and deposit entries, newest first */
  movements: z.array(ZHeldMovement),
});
/** the ledger entry a counter movement wrote, and the room's accounts after it */
export const ZHeldMovementResult = z.object({ entryId: ZId, balanceFen: z.number().int(), accounts: ZRoomPrepaidAccounts });

export const ZPrepaidDeduction = z.object({
  billId: ZId,
  feeItemId: ZId,
  /** which prepaid balance paid it: the bill's fee item earmark, or null = general */
  earmarkFeeItemId: ZId.nullable(),
  principalFen: z.number().int(),
  lateFeeFen: z.number().int(),
});
export const ZPrepaidDeductResult = z.object({
  asOf: z.string(),
  billsPaid: z.number().int(),
  deductedFen: z.number().int(),
  principalFen: z.number().int(),
  lateFeeFen: z.number().int(),
  deductions: z.array(ZPrepaidDeduction),
  accounts: ZRoomPrepaidAccounts,
});
