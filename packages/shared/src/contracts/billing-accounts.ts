import { z } from 'zod';
import { ZId, ZPageQuery, ZVersion } from './common.ts';
import { ZBill, ZLedgerEntry } from './billing.ts';

/**
 * Bills as a console reads them (with what is still owed and the late fee), 减免 (waivers) with
 * their approval, a project's billing settings and 关账 (closed ledger months). Amounts in 分.
 */
const Day = z.iso.date();
const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'invalid_month');

// ── bills ────────────────────────────────────────────────────────────────────────────────────────
/** unpaid: something still owed; paid: nothing owed (posted late fee included); overdue: unpaid and past its due date */
export const billStatusFilterValues = ['unpaid', 'paid', 'overdue', 'void', 'all'] as const;

export const ZBillQuery = ZPageQuery.extend({
  projectId: ZId.optional(),
  buildingId: ZId.optional(),
  feeItemId: ZId.optional(),
  runId: ZId.optional(),
  /** bills whose period overlaps [periodFrom, periodTo] */
  periodFrom: Day.optional(),
  periodTo: Day.optional(),
  status: z.enum(billStatusFilterValues).default('all'),
  /** room code prefix or parking space code prefix */
  q: z.string().trim().min(1).max(64).optional(),
}).strict().refine((v) => !v.periodFrom || !v.periodTo || v.periodTo >= v.periodFrom, { message: 'ends_before_start', path: ['periodTo'] });

export const ZBillBalance = z.object({
  /** as billed */
  principalFen: z.number().int(),
  principalOutstandingFen: z.number().int(),
  /** late_fee entries in the ledger (net of reversals) */
  lateFeePostedFen: z.number().int(),
  /** posted late fee still owed */
  lateFeeOutstandingFen: z.number().int(),
  paidFen: z.number().int(),
  waivedFen: z.number().int(),
  /** accrued as of today (Asia/Shanghai) by the late-fee rule, rounded once */
  lateFeeAccruedFen: z.number().int(),
  /** accrued but not yet posted: becomes a late_fee entry on payment, waiver or month-end close */
  lateFeeUnpostedFen: z.number().int(),
  /** principal outstanding + late fee outstanding + unposted: what settling the bill costs today */
  totalDueFen: z.number().int(),
});

export const ZBillRow = ZBill.extend({
  /** room code or parking space code */
  targetCode: z.string(),
  overdue: z.boolean(),
  balance: ZBillBalance,
});

export const ZLateFeeExplanation = z.object({
  applies: z.boolean(),
  /** why not, when it does not apply */
  reason: z.enum(['void', 'no_rate', 'project_disabled']).nullable(),
  dailyRatePpm: z.number().int().nullable(),
  graceDays: z.number().int().nullable(),
  capBp: z.number().int().nullable(),
  asOf: z.string(),
  accrualStart: z.string().nullable(),
  days: z.number().int(),
  capped: z.boolean(),
  /** Σ unpaid principal × day over the accruing days (分·天) */
  principalDays: z.string(),
  /** the exact fee before rounding, "num/den" 分 */
  exact: z.string(),
  accruedFen: z.number().int(),
  postedFen: z.number().int(),
  unpostedFen: z.number().int(),
});

export const waiverStatusValues = ['requested', 'approved', 'rejected', 'withdrawn'] as const;

export const ZWaiver = z.object({
  id: ZId, projectId: ZId, billId: ZId, principalFen: z.number().int(), lateFeeFen: z.number().int(), reason: z.string(),
  status: z.enum(waiverStatusValues), requestedBy: ZId, requestedByName: z.string().nullable(), decidedBy: ZId.nullable(), decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(), decisionNote: z.string().nullable(), version: z.number().int(), createdAt: z.string(),
  /** the bill at a glance, for a list */
  targetCode: z.string(), feeItemName: z.string(), periodFrom: z.string(), periodTo: z.string(),
});

export const ZBillDetail = ZBillRow.extend({
  lateFee: ZLateFeeExplanation,
  /** the bill's ledger entries in posting order; receivableBalanceFen = the bill's balance after each */
  entries: z.array(ZLedgerEntry),
  waivers: z.array(ZWaiver),
});

// ── waivers (减免) ───────────────────────────────────────────────────────────────────────────────
const ZFen = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
export const ZWaiverCreate = z.object({
  billId: ZId,
  principalFen: ZFen,
  lateFeeFen: ZFen,
  reason: z.string().trim().min(2).max(500),
}).strict().refine((v) => v.principalFen + v.lateFeeFen > 0, { message: 'nothing_to_waive', path: ['principalFen'] });
export const ZWaiverQuery = ZPageQuery.extend({
  projectId: ZId.optional(),
  billId: ZId.optional(),
  status: z.enum(waiverStatusValues).optional(),
}).strict();
export const ZWaiverApprove = z.object({ version: ZVersion, note: z.string().trim().min(1).max(500).optional() }).strict();
export const ZWaiverReject = z.object({ version: ZVersion, note: z.string().trim().min(1).max(500) }).strict();
export const ZWaiverWithdraw = z.object({ version: ZVersion }).strict();

// ── project billing settings ─────────────────────────────────────────────────────────────────────
export const settleOrderValues = ['principal_first', 'late_fee_first'] as const;
const projectSettingsFields = {
  /** a bill run's due date = period start + this many days */
  dueOffsetDays: z.number().int().min(0).max(366),
  /** how a payment splits between principal and late fee */
  settleOrder: z.enum(settleOrderValues),
  /** deduct due bills from prepaid automatically */
  autoDeductPrepaid: z.boolean(),
  /** late fees at all in this project */
  lateFeesEnabled: z.boolean(),
};
export const ZProjectBillingSettings = z.object({
  projectId: ZId, ...projectSettingsFields,
  /** 0 = never saved (the defaults) */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export const ZProjectBillingSettingsUpdate = z.object({ ...projectSettingsFields, version: z.number().int().min(0).max(2_147_483_647) }).strict();

// ── period close (关账) ──────────────────────────────────────────────────────────────────────────
export const ZPeriodClose = z.object({ projectId: ZId, month: ZMonth }).strict();
export const ZPeriodQuery = z.object({ projectId: ZId.optional() }).strict();
export const ZLedgerPeriod = z.object({
  id: ZId, projectId: ZId, month: z.string(), closedBy: ZId.nullable(), closedByName: z.string().nullable(), closedAt: z.string(),
});
export const ZPeriodClosed = ZLedgerPeriod.extend({
  /** late fees posted as of the month's last day */
  lateFeeBills: z.number().int(),
  lateFeeFen: z.number().int(),
});
