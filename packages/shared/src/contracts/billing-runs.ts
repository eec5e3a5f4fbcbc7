import { z } from 'zod';
import { ZId, ZPageQuery, ZVersion } from './common.ts';
import { ZDay } from './billing.ts';

// ── bill runs (账单批次) ─────────────────────────────────────────────────────────────────────────
export const periodKindValues = ['month', 'quarter', 'half_year', 'year'] as const;
export const runStatusValues = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export const monthsOfPeriod = { month: 1, quarter: 3, half_year: 6, year: 12 } as const;

/**
 * What to bill: a project, a period that starts on the 1st of a month and lasts 1 / 3 / 6 / 12
 * months, and optionally some of the periodic fee items (default: every periodic item assigned there).
 * The due date defaults to period start + the project's due offset.
 */
export const ZBillRunInput = z.object({
  projectId: ZId,
  periodKind: z.enum(periodKindValues),
  periodFrom: ZDay.refine((d) => d.endsWith('-01'), 'period_starts_on_the_first'),
  feeItemIds: z.array(ZId).min(1).max(50).optional(),
  dueDate: ZDay.optional(),
}).strict();

export const ZBillRunPreviewItem = z.object({
  feeItemId: ZId, feeItemName: z.string(),
  /** bills the run would create */
  bills: z.number().int(), totalFen: z.number().int(), discountFen: z.number().int(),
  /** targets that already have a live bill of this item overlapping the period (the run skips them) */
  alreadyBilled: z.number().int(),
});
export const ZBillRunPreview = z.object({
  projectId: ZId, periodKind: z.enum(periodKindValues), periodFrom: z.string(), periodTo: z.string(), dueDate: z.string(),
  feeItemIds: z.array(ZId), items: z.array(ZBillRunPreviewItem), bills: z.number().int(), totalFen: z.number().int(), discountFen: z.number().int(),
  /** rooms whose standard bills by inside area but have none recorded: not billed */
  missingInsideArea: z.number().int(),
});

export const ZBillRun = z.object({
  id: ZId, projectId: ZId, periodKind: z.enum(periodKindValues), periodFrom: z.string(), periodTo: z.string(), dueDate: z.string(),
  feeItemIds: z.array(ZId), status: z.enum(runStatusValues),
  /** once done: what the run wrote per fee item (the preview's shape; alreadyBilled 0), else null */
  preview: ZBillRunPreview.nullable(),
  targetsTotal: z.number().int(), targetsDone: z.number().int(), billsCreated: z.number().int(), billsSkipped: z.number().int(),
  totalFen: z.number().int(), discountFen: z.number().int(), billsVoided: z.number().int(), message: z.string().nullable(), cancelReason: z.string().nullable(),
  createdBy: ZId.nullable(), createdAt: z.string(), startedAt: z.string().nullable(), finishedAt: z.string().nullable(), version: z.number().int(),
});
export const ZBillRunQuery = ZPageQuery.extend({ projectId: ZId.optional(), status: z.enum(runStatusValues).optional() }).strict();
export const ZBillRunCancel = z.object({ version: ZVersion, reason: z.string().trim().min(2).max(200) }).strict();
