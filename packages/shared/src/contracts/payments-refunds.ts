import { z } from 'zod';
import { ZId, ZPage, ZPageQuery, ZVersion } from './common.ts';
import { ZAmount } from './billing.ts';

/**
 * 退款 (refunds): requested by the counter, approved by someone else, then paid back to the payment's
 * online channel (through its provider) or in cash / by transfer. Three sources: a payment (its
 * prepaid part first, then its bill allocations newest bill first), a room's prepaid balance, a
 * room's deposit (押金). Amounts are integer 分. The POSTs that create a refund honour Idempotency-Key.
 */
export const refundStatusValues = ['requested', 'approved', 'processing', 'succeeded', 'rejected', 'failed'] as const;
export const refundSourceValues = ['payment', 'prepaid', 'deposit'] as const;
export const refundChannelValues = ['original', 'cash', 'transfer'] as const;
/** the statuses that still hold on to the money they would take (a new request counts them) */
export const openRefundStatuses = ['requested', 'approved', 'processing'] as const;
export const ZRefundStatus = z.enum(refundStatusValues);
export const ZRefundSource = z.enum(refundSourceValues);
export const ZRefundChannel = z.enum(refundChannelValues);
const ZReason = z.string().trim().min(1).max(200);
const ZDay = z.iso.date();

/**
 * Refund part of a payment. `original` only for an online payment (back through its provider).
 * `allocationIds` names the bill allocations to take back (in that order after the prepaid part);
 * omitted = the payment's allocations, newest bill first.
 */
export const ZPaymentRefundCreate = z.object({
  amountFen: ZAmount,
  channel: ZRefundChannel,
  reason: ZReason,
  allocationIds: z.array(ZId).min(1).max(500).optional(),
}).strict();

/** Refund (part of) a room's prepaid balance (an earmark, null = general) or a deposit (its deposit fee item). */
export const ZBalanceRefundCreate = z.object({
  roomId: ZId,
  source: z.enum(['prepaid', 'deposit']),
  feeItemId: ZId.nullable().default(null),
  amountFen: ZAmount,
  channel: z.enum(['cash', 'transfer']),
  reason: ZReason,
}).strict();

export const ZRefundApprove = z.object({ version: ZVersion, note: z.string().trim().min(1).max(500).optional() }).strict();
export const ZRefundReject = z.object({ version: ZVersion, note: z.string().trim().min(1).max(500) }).strict();

/** what one refund takes back: a bill allocation of the payment, its prepaid part, or the held balance */
export const ZRefundLine = z.object({
  kind: z.enum(['allocation', 'prepaid', 'deposit']),
  allocationId: ZId.nullable(),
  billId: ZId.nullable(),
  feeItemName: z.string().nullable(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  component: z.enum(['principal', 'late_fee']).nullable(),
  amountFen: z.number().int(),
});

export const ZRefund = z.object({
  id: ZId, projectId: ZId, projectName: z.string(), roomId: ZId, roomCode: z.string(),
  source: ZRefundSource, paymentId: ZId.nullable(), receiptNumber: z.string().nullable(),
  paymentChannel: z.enum(['cash', 'transfer', 'pos', 'online']).nullable(), paymentAmountFen: z.number().int().nullable(),
  feeItemId: ZId.nullable(), feeItemName: z.string().nullable(),
  amountFen: z.number().int(), channel: ZRefundChannel, status: ZRefundStatus, reason: z.string(),
  outRefundNo: z.string(), providerRefundId: z.string().nullable(), failReason: z.string().nullable(),
  lines: z.array(ZRefundLine),
  requestedBy: ZId.nullable(), requestedByName: z.string().nullable(),
  decidedBy: ZId.nullable(), decidedByName: z.string().nullable(), decidedAt: z.string().nullable(), decisionNote: z.string().nullable(),
  completedAt: z.string().nullable(), createdAt: z.string(), version: z.number().int(),
  /** what the caller may do now (the server refuses the rest) */
  abilities: z.object({ approve: z.boolean(), reject: z.boolean() }),
});

export const ZRefundQuery = ZPageQuery.extend({
  projectId: ZId.optional(), status: ZRefundStatus.optional(), source: ZRefundSource.optional(), roomId: ZId.optional(),
  paymentId: ZId.optional(),
  /** business dates (Asia/Shanghai) of the request, inclusive */
  from: ZDay.optional(), to: ZDay.optional(),
}).strict();
export const ZRefundPage = ZPage(ZRefund);

export type TRefund = z.infer<typeof ZRefund>;
export type TRefundLine = z.infer<typeof ZRefundLine>;
export type TRefundStatus = z.infer<typeof ZRefundStatus>;
export type TPaymentRefundCreate = z.input<typeof ZPaymentRefundCreate>;
export type TBalanceRefundCreate = z.input<typeof ZBalanceRefundCreate>;
