import { z } from 'zod';
import { ZId, ZPage, ZPageQuery, ZVersion } from './common.ts';
import { payProviderValues, paymentChannelValues } from './payments.ts';

/**
 * 对账 (reconciliation of a provider's statement), 财务凭证 (accounting voucher export), 收费日报
 * (cashier daily report) and 交班 (shift hand-over). Amounts are integer 分. See docs/payments-plan.md.
 */

const ZDay = z.iso.date();
const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'invalid_month');
const ZNote = z.string().trim().min(1).max(200);

// ——— reconciliation ———

/** the upload's fields (multipart fields or query string): whose statement, of which day */
export const ZStatementImportStart = z.object({
  provider: z.enum(payProviderValues),
  date: ZDay,
}).strict();
export const statementItemKindValues = ['missing', 'extra', 'amount_mismatch'] as const;
export const ZStatementImport = z.object({
  id: ZId, provider: z.enum(payProviderValues), statementDate: z.string(), fileName: z.string(),
  /** the statement's payment rows (refund rows are counted in `skippedRows`, not matched) */
  rowCount: z.number().int(),
  matched: z.number().int(), missing: z.number().int(), extra: z.number().int(), mismatched: z.number().int(),
  matchedFen: z.number().int(),
  /** items not resolved yet (reconcile needs 0) */
  unresolved: z.number().int(),
  status: z.enum(['open', 'reconciled']),
  reconciledBy: ZId.nullable(), reconciledByName: z.string().nullable(), reconciledAt: z.string().nullable(),
  note: z.string().nullable(), createdBy: ZId.nullable(), createdByName: z.string().nullable(), createdAt: z.string(), version: z.number().int(),
});
/** a refused notification of the same transaction: the likely cause of an `extra` row */
export const ZStatementNotification = z.object({
  id: ZId, verdict: z.string(), amountFen: z.number().int().nullable(), outTradeNo: z.string().nullable(), detail: z.string().nullable(), receivedAt: z.string(),
});
export const ZStatementItem = z.object({
  id: ZId, kind: z.enum(statementItemKindValues),
  providerTxnId: z.string().nullable(), outTradeNo: z.string().nullable(),
  ourAmountFen: z.number().int().nullable(), theirAmountFen: z.number().int().nullable(),
  /** our payment (null for `extra`, and for a payment of a project the caller does not see) */
  paymentId: ZId.nullable(), projectName: z.string().nullable(), roomCode: z.string().nullable(),
  paymentStatus: z.enum(['posted', 'voided']).nullable(), businessDate: z.string().nullable(),
  resolved: z.boolean(), note: z.string().nullable(),
  notifications: z.array(ZStatementNotification),
});
export const ZStatementImportDetail = ZStatementImport.extend({ items: z.array(ZStatementItem) });
/** what an upload answers: the import as stored, the format recognised and the non-payment rows skipped */
export const ZStatementImportResult = ZStatementImportDetail.extend({ format: z.enum(['wechat', 'canonical']), skippedRows: z.number().int() });
export const ZStatementImportQuery = ZPageQuery.extend({
  provider: z.enum(payProviderValues).optional(), status: z.enum(['open', 'reconciled']).optional(),
  from: ZDay.optional(), to: ZDay.optional(),
}).strict();
export const ZStatementImportPage = ZPage(ZStatementImport);
export const ZStatementItemResolve = z.object({ note: ZNote }).strict();
export const ZStatementReconcile = z.object({ version: ZVersion, note: z.string().trim().max(200).optional() }).strict();

// ——— accounting voucher ———

/** one day (provisional if its month is open) or one closed month; neither = today. No project = every visible project. */
export const ZVoucherExportQuery = z.object({
  projectId: ZId.optional(),
  month: ZMonth.optional(),
  date: ZDay.optional(),
  /** a month's entries as one voucher per day instead of one for the month */
  perDay: z.enum(['true', 'false']).optional(),
}).strict().refine((q) => !(q.month && q.date), { path: ['month'], message: 'month_or_date' });

// ——— cashier daily report ———

export const ZDailyReportQuery = z.object({
  projectId: ZId.optional(),
  /** business date, default today */
  date: ZDay.optional(),
  cashierId: ZId.optional(),
}).strict();
export const ZDailyReportExportQuery = z.object({
  projectId: ZId.optional(), date: ZDay.optional(), cashierId: ZId.optional(),
  format: z.enum(['xlsx', 'pdf']).default('xlsx'),
}).strict();
const ZCountFen = z.object({ count: z.number().int(), amountFen: z.number().int() });
export const ZDailyReport = z.object({
  date: z.string(), projectId: ZId.nullable(), projectName: z.string(), cashierId: ZId.nullable(), cashierName: z.string().nullable(),
  /** every payment of the day, voided ones included */
  collected: ZCountFen,
  /** payments of the day voided (same day only) */
  voids: ZCountFen,
  /** refunds that succeeded that day */
  refunds: ZCountFen,
  /** collected − voids − refunds */
  netFen: z.number().int(),
  /** by channel, voided payments excluded; refunds of the day by the channel the money went out through */
  byChannel: z.array(z.object({ channel: z.enum(paymentChannelValues), count: z.number().int(), amountFen: z.number().int(), refundsFen: z.number().int() })),
  /** what the day's live payments paid per fee item (principal, late fee) and into prepaid (earmark name or 通用预存) */
  byFeeItem: z.array(z.object({
    feeItemId: ZId.nullable(), feeItemName: z.string(), kind: z.enum(['bill', 'prepaid']),
    principalFen: z.number().int(), lateFeeFen: z.number().int(), amountFen: z.number().int(),
  })),
  byCashier: z.array(z.object({ cashierId: ZId.nullable(), cashierName: z.string(), count: z.number().int(), amountFen: z.number().int() })),
});

// ——— shift hand-over ———

export const ZShiftCreate = z.object({
  projectId: ZId,
  /** cash counted in the drawer */
  cashCountedFen: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  /** the colleague taking over (a user of the company) */
  handedTo: ZId.optional(),
  note: z.string().trim().max(200).optional(),
}).strict();
export const ZShiftTotals = z.object({
  count: z.number().int(),
  amountFen: z.number().int(),
  byChannel: z.record(z.enum(paymentChannelValues), z.number().int()),
  voidsCount: z.number().int(), voidsFen: z.number().int(),
  refundsFen: z.number().int(),
  /** cash received − cash voided − cash refunded: what the drawer should hold */
  expectedCashFen: z.number().int(),
});
export const ZShift = z.object({
  id: ZId, projectId: ZId, projectName: z.string(), cashierId: ZId, cashierName: z.string().nullable(),
  fromAt: z.string(), toAt: z.string(), totals: ZShiftTotals,
  cashCountedFen: z.number().int().nullable(),
  /** counted − expected (null without a count) */
  cashDifferenceFen: z.number().int().nullable(),
  handedTo: ZId.nullable(), handedToName: z.string().nullable(), note: z.string().nullable(), createdAt: z.string(),
});
export const ZShiftQuery = ZPageQuery.extend({
  projectId: ZId.optional(), cashierId: ZId.optional(), from: ZDay.optional(), to: ZDay.optional(),
}).strict();
export const ZShiftPage = ZPage(ZShift);
/** what a hand-over now would hold (nothing written) */
export const ZShiftPreviewQuery = z.object({ projectId: ZId.optional() }).strict();
export const ZShiftPreview = z.object({
  projectId: ZId, fromAt: z.string(), toAt: z.string(), totals: ZShiftTotals,
  /** who may take over: active staff of the project (HQ included), the cashier excepted */
  colleagues: z.array(z.object({ userId: ZId, name: z.string() })),
});

export type StatementImport = z.infer<typeof ZStatementImport>;
export type StatementImportDetail = z.infer<typeof ZStatementImportDetail>;
export type StatementItem = z.infer<typeof ZStatementItem>;
export type DailyReport = z.infer<typeof ZDailyReport>;
export type Shift = z.infer<typeof ZShift>;
export type ShiftTotals = z.infer<typeof ZShiftTotals>;
export type ShiftPreview = z.infer<typeof ZShiftPreview>;
