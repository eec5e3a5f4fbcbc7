import { z } from 'zod';
import { ZId, ZPage, ZPageQuery, ZVersion } from './common.ts';
import { ZAmount } from './billing.ts';

/**
 * 收款 (payments): the cashier counter, online payment orders, receipts and voids. Amounts are
 * integer 分. Every POST that moves money honours an `Idempotency-Key` header.
 */

export const paymentChannelValues = ['cash', 'transfer', 'pos', 'online'] as const;
export const payProviderValues = ['sandbox', 'wechat', 'alipay'] as const;
export const ZPaymentChannel = z.enum(paymentChannelValues);
const ZNote = z.string().trim().max(200);
const ZDay = z.iso.date();

/** a room found at the counter by its code, its owner's name or phone */
export const ZCounterRoomQuery = z.object({
  /** empty = no hits */
  q: z.string().trim().max(64).default(''),
  projectId: ZId.optional(),
}).strict();
export const ZCounterRoomHit = z.object({
  roomId: ZId, projectId: ZId, projectName: z.string(), code: z.string(), buildingName: z.string().nullable(),
  /** masked unless the caller holds pii.view */
  ownerName: z.string().nullable(), ownerPhone: z.string().nullable(),
  outstandingFen: z.number().int(),
});
export const ZCounterRoomHits = z.object({ items: z.array(ZCounterRoomHit) });

/** a bill as the counter shows it: what settling it costs today */
export const ZCounterBill = z.object({
  billId: ZId, feeItemId: ZId, feeItemName: z.string(), periodFrom: z.string(), periodTo: z.string(), dueDate: z.string(),
  principalOutstandingFen: z.number().int(),
  /** posted and still owed + accrued up to today and not posted yet */
  lateFeeFen: z.number().int(),
  totalDueFen: z.number().int(),
  overdue: z.boolean(),
});
export const ZCounterRoom = z.object({
  roomId: ZId, projectId: ZId, projectName: z.string(), code: z.string(), buildingName: z.string().nullable(),
  ownerName: z.string().nullable(), ownerPhone: z.string().nullable(),
  /** unpaid live bills, oldest due first (the default allocation order) */
  bills: z.array(ZCounterBill),
  totalDueFen: z.number().int(),
  prepaidFen: z.number().int(),
  depositFen: z.number().int(),
});

/**
 * A counter payment. `billIds` = the bills selected (paid oldest due first, the last one possibly in
 * part); omitted = every unpaid bill of the room, oldest first; [] = none (a counter 预存: prepayRemainder). `amountFen` is the money received;
 * what is left after the bills goes to prepaid only when `prepayRemainder` is true (otherwise 400).
 * Cash may carry `tenderedFen` (≥ amountFen): the change is computed.
 */
export const ZPaymentCreate = z.object({
  roomId: ZId,
  channel: z.enum(['cash', 'transfer', 'pos']),
  amountFen: ZAmount,
  billIds: z.array(ZId).max(500).optional(),
  prepayRemainder: z.boolean().default(false),
  /** the prepaid earmark for the remainder (null = general) */
  prepaidFeeItemId: ZId.nullable().default(null),
  tenderedFen: ZAmount.optional(),
  reference: z.string().trim().max(64).optional(),
  payerName: z.string().trim().max(64).optional(),
  note: ZNote.optional(),
}).strict();
/** what a payment would do, computed exactly as the POST does it, nothing written */
export const ZPaymentPreview = z.object({
  allocations: z.array(z.object({ billId: ZId, feeItemName: z.string(), periodFrom: z.string(), periodTo: z.string(), principalFen: z.number().int(), lateFeeFen: z.number().int() })),
  billsFen: z.number().int(),
  prepaidFen: z.number().int(),
  changeFen: z.number().int().nullable(),
});

export const ZPaymentAllocation = z.object({
  id: ZId, billId: ZId, feeItemId: ZId, feeItemName: z.string(), periodFrom: z.string(), periodTo: z.string(),
  component: z.enum(['principal', 'late_fee']), amountFen: z.number().int(), refundedFen: z.number().int(),
});
export const ZReceiptRef = z.object({ id: ZId, number: z.string(), status: z.enum(['issued', 'voided']), printCount: z.number().int() });
export const ZPayment = z.object({
  id: ZId, projectId: ZId, roomId: ZId, roomCode: z.string(), projectName: z.string(),
  channel: ZPaymentChannel, provider: z.enum(payProviderValues).nullable(), providerTxnId: z.string().nullable(),
  amountFen: z.number().int(), billsFen: z.number().int(), prepaidFen: z.number().int(),
  tenderedFen: z.number().int().nullable(), changeFen: z.number().int().nullable(),
  reference: z.string().nullable(), payerName: z.string().nullable(), note: z.string().nullable(),
  businessDate: z.string(), status: z.enum(['posted', 'voided']), refundedFen: z.number().int(),
  voidReason: z.string().nullable(), voidedAt: z.string().nullable(),
  cashierId: ZId.nullable(), cashierName: z.string().nullable(), createdAt: z.string(), version: z.number().int(),
  receipt: ZReceiptRef.nullable(),
});
export const ZPaymentDetail = ZPayment.extend({ allocations: z.array(ZPaymentAllocation) });
export const ZPaymentQuery = ZPageQuery.extend({
  projectId: ZId.optional(), roomId: ZId.optional(), channel: ZPaymentChannel.optional(), status: z.enum(['posted', 'voided']).optional(),
  from: ZDay.optional(), to: ZDay.optional(), cashierId: ZId.optional(),
  /** receipt number or provider transaction id */
  q: z.string().trim().max(64).optional(),
}).strict();
export const ZPaymentPage = ZPage(ZPayment);
export const ZPaymentVoid = z.object({ reason: z.string().trim().min(1).max(200), version: ZVersion }).strict();

/** An online payment order: selected bills (oldest first) and/or a prepaid top-up. */
export const ZPaymentOrderCreate = z.object({
  roomId: ZId,
  billIds: z.array(ZId).max(500).default([]),
  /** money to put into prepaid on top of the bills (预存充值); 0 = none */
  prepaidFen: z.number().int().min(0).max(100_000_000_00).default(0),
  prepaidFeeItemId: ZId.nullable().default(null),
}).strict();
export const ZPaymentOrder = z.object({
  id: ZId, roomId: ZId, outTradeNo: z.string(), provider: z.enum(payProviderValues), amountFen: z.number().int(),
  billIds: z.array(ZId), prepaidFen: z.number().int(), description: z.string(), payUrl: z.string().nullable(),
  /** data: URL of a QR PNG of payUrl (for the counter screen and desktop browsers) */
  qrDataUrl: z.string().nullable(),
  status: z.enum(['pending', 'paid', 'closed']), expiresAt: z.string(), paidAt: z.string().nullable(),
  paymentId: ZId.nullable(), receiptNumber: z.string().nullable(), createdAt: z.string(),
});
