import { z } from 'zod';
import { ZId, ZPage, ZPageQuery } from './common.ts';

/**
 * 发票 (invoices) for payments: a blue invoice issued through the e-invoice adapter (sandbox or a
 * real provider), or the red-letter (红字) invoice that reverses one in full. Amounts are integer 分,
 * tax included; red invoices carry negative amounts. Only what a payment paid on bills is invoiced
 * (per fee item, principal and late fee together); money a payment put into prepaid is not — it is
 * invoiced when it is consumed (docs/payments-plan.md, "Invoices").
 */

export const invoiceStatusValues = ['requested', 'issuing', 'issued', 'failed', 'reversed'] as const;
export const invoiceKindValues = ['blue', 'red'] as const;
export const ZInvoiceStatus = z.enum(invoiceStatusValues);
export const ZInvoiceKind = z.enum(invoiceKindValues);
const ZDay = z.iso.date();

/** 纳税人识别号 / 统一社会信用代码: 15, 18 or 20 digits and capital letters */
export const TAX_ID = /^(?:[0-9A-Z]{15}|[0-9A-Z]{18}|[0-9A-Z]{20})$/;

const buyerFields = {
  buyerType: z.enum(['personal', 'company']),
  buyerName: z.string().trim().min(1).max(100),
  /** required for a company buyer; optional for a person */
  buyerTaxId: z.string().trim().toUpperCase().max(20).optional(),
  buyerEmail: z.email().max(120).optional(),
};

/** company buyers need a tax id; any tax id given must be well-formed (field errors on body.buyerTaxId) */
function checkBuyer(v: { buyerType: string; buyerTaxId?: string }, ctx: z.RefinementCtx) {
  if (v.buyerType === 'company' && !v.buyerTaxId) ctx.addIssue({ code: 'custom', path: ['buyerTaxId'], message: 'required' });
  else if (v.buyerTaxId && !TAX_ID.test(v.buyerTaxId)) ctx.addIssue({ code: 'custom', path: ['buyerTaxId'], message: 'invalid_tax_id' });
}

/** 开票申请: 1–50 payments of one room */
export const ZInvoiceCreate = z.object({
  paymentIds: z.array(ZId).min(1).max(50),
  ...buyerFields,
}).strict().superRefine(checkBuyer);
export type InvoiceCreate = z.output<typeof ZInvoiceCreate>;
export const ZMyInvoiceCreate = ZInvoiceCreate;

export const ZInvoiceRed = z.object({ reason: z.string().trim().min(1).max(200) }).strict();

/** one line per fee item: tax = round(amount × rate / (1 + rate)), half-up, to the 分 */
export const ZInvoiceLine = z.object({
  feeItemId: ZId, name: z.string(), invoiceCategory: z.string(), taxRateBp: z.number().int(),
  amountFen: z.number().int(), taxFen: z.number().int(),
});
export type InvoiceLine = z.output<typeof ZInvoiceLine>;

export const ZInvoice = z.object({
  id: ZId, projectId: ZId, projectName: z.string(), roomId: ZId, roomCode: z.string(),
  kind: ZInvoiceKind, status: ZInvoiceStatus,
  /** red: the blue it reverses; blue: the red that reversed it (if any) */
  redOf: ZId.nullable(), reversedBy: ZId.nullable(),
  buyerType: z.enum(['personal', 'company']), buyerName: z.string(), buyerTaxId: z.string().nullable(), buyerEmail: z.string().nullable(),
  amountFen: z.number().int(), taxFen: z.number().int(),
  invoiceNo: z.string().nullable(), checkCode: z.string().nullable(), hasPdf: z.boolean(), failReason: z.string().nullable(),
  issuedAt: z.string().nullable(), createdAt: z.string(), version: z.number().int(),
});
export const ZInvoicePaymentRef = z.object({
  paymentId: ZId, amountFen: z.number().int(), businessDate: z.string(), channel: z.string(), receiptNumber: z.string().nullable(),
});
export const ZInvoiceDetail = ZInvoice.extend({
  lines: z.array(ZInvoiceLine),
  payments: z.array(ZInvoicePaymentRef),
  /** what the UI may offer now (the server refuses the rest) */
  abilities: z.object({ red: z.boolean(), retry: z.boolean() }),
});
export const ZInvoiceQuery = ZPageQuery.extend({
  projectId: ZId.optional(), roomId: ZId.optional(), status: ZInvoiceStatus.optional(), kind: ZInvoiceKind.optional(),
  from: ZDay.optional(), to: ZDay.optional(),
  /** invoice number or buyer name */
  q: z.string().trim().max(64).optional(),
}).strict();
export const ZInvoicePage = ZPage(ZInvoice);
export const ZMyInvoiceQuery = ZPageQuery.extend({ roomId: ZId.optional() }).strict();

/** payments that can still be invoiced: posted, on no live blue invoice, something paid on bills left after refunds */
export const ZInvoiceableQuery = ZPageQuery.extend({ roomId: ZId.optional(), projectId: ZId.optional() }).strict();
export const ZInvoiceablePayment = z.object({
  paymentId: ZId, roomId: ZId, roomCode: z.string(), projectId: ZId, businessDate: z.string(), channel: z.string(),
  amountFen: z.number().int(), refundedFen: z.number().int(), prepaidFen: z.number().int(),
  /** what an invoice for it would come to (its bill allocations net of refunds) */
  invoiceableFen: z.number().int(),
  receiptNumber: z.string().nullable(),
});
export const ZInvoiceablePage = ZPage(ZInvoiceablePayment);
