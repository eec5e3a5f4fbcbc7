import { z } from 'zod';
import { ZId, ZPageQuery } from './common.ts';

/**
 * 收费报表: collection rates, arrears ageing and income (definitions in docs/billing-plan.md,
 * "Reports"). Every amount is integer 分; a rate is a fraction of two 分 sums, shown as basis points
 * (rounded half up) so no float ever carries money.
 */

// years 1900–2999: PostgreSQL has no year 0, and nothing is billed outside them
const MONTH_RE = /^(19|2\d)\d{2}-(0[1-9]|1[0-2])$/;
/** a month as YYYY-MM */
export const ZReportMonth = z.string().regex(MONTH_RE, 'invalid_month');
const ZDate = z.iso.date().refine((d) => d >= '1900-01-01' && d <= '2999-12-31', 'invalid_date');

export const reportFormatValues = ['xlsx', 'pdf'] as const;
export const ZReportFormat = z.object({ format: z.enum(reportFormatValues).default('xlsx') });

const monthRange = <T extends z.ZodRawShape>(shape: T) => z.object({
  /** first month (inclusive); default: January of the current year */
  from: ZReportMonth.optional(),
  /** last month (inclusive); default: the current month */
  to: ZReportMonth.optional(),
  projectId: ZId.optional(),
  ...shape,
}).strict();
// from > to is refused by the server (after the defaults are filled in) with querystring.from

export const collectionGroupValues = ['project', 'building', 'feeItem', 'month'] as const;
export type CollectionGroup = (typeof collectionGroupValues)[number];
const collectionFields = {
  groupBy: z.enum(collectionGroupValues).default('month'),
  /** collections counted up to this day (current-period rate); default today */
  asOf: ZDate.optional(),
};
export const ZCollectionQuery = monthRange(collectionFields);
export const ZCollectionExportQuery = monthRange({ ...collectionFields, ...ZReportFormat.shape });

export const ZReportRate = z.object({
  numeratorFen: z.number().int(),
  denominatorFen: z.number().int(),
  /** numerator / denominator in basis points (half up); null when the denominator is 0 */
  rateBp: z.number().int().nullable(),
});

export const ZCollectionRow = z.object({
  /** project, building, fee item id or the month (YYYY-MM); null = 车位 (no building) */
  key: z.string().nullable(),
  label: z.string(),
  /** 本期收缴率: bills of the period */
  current: ZReportRate.extend({ billedFen: z.number().int(), waivedFen: z.number().int() }),
  /** 含欠费收缴率: everything due by the period end */
  withArrears: ZReportRate.extend({ openingFen: z.number().int(), billedFen: z.number().int(), waivedFen: z.number().int() }),
});
export const ZCollectionReport = z.object({
  from: ZReportMonth, to: ZReportMonth, asOf: z.string(), groupBy: z.enum(collectionGroupValues),
  rows: z.array(ZCollectionRow), total: ZCollectionRow,
});

export const ageingBucketValues = ['d0_30', 'd31_90', 'd91_180', 'd181_365', 'd365_plus'] as const;
export type AgeingBucket = (typeof ageingBucketValues)[number];
export const ageingGroupValues = ['project', 'building', 'feeItem'] as const;
export const ZAgeingQuery = z.object({
  /** default today */
  asOf: ZDate.optional(),
  projectId: ZId.optional(),
  groupBy: z.enum(ageingGroupValues).default('project'),
}).strict();
export const ZAgeingExportQuery = ZAgeingQuery.extend(ZReportFormat.shape);
export const ZAgeingBuckets = z.object(Object.fromEntries(ageingBucketValues.map((b) => [b, z.number().int()])) as Record<AgeingBucket, z.ZodNumber>);
export const ZAgeingRow = z.object({
  key: z.string().nullable(), label: z.string(), buckets: ZAgeingBuckets, totalFen: z.number().int(),
  /** bills past due with something outstanding */
  bills: z.number().int(),
});
export const ZAgeingReport = z.object({ asOf: z.string(), groupBy: z.enum(ageingGroupValues), rows: z.array(ZAgeingRow), total: ZAgeingRow });

export const ZAgeingRoomsQuery = ZPageQuery.extend({
  asOf: ZDate.optional(),
  projectId: ZId.optional(),
  /** 'none' = parking spaces (no building) */
  buildingId: z.union([ZId, z.literal('none')]).optional(),
  feeItemId: ZId.optional(),
}).strict();
export const ZAgeingRoom = z.object({
  roomId: ZId.nullable(), parkingSpaceId: ZId.nullable(),
  /** room code, or the parking space's code */
  code: z.string(), projectName: z.string(), buildingName: z.string().nullable(),
  buckets: ZAgeingBuckets, totalFen: z.number().int(),
  /** the oldest due date among its overdue bills */
  oldestDueDate: z.string(),
});

export const ZIncomeQuery = monthRange({});
export const ZIncomeExportQuery = monthRange(ZReportFormat.shape);
export const ZIncomeRow = z.object({
  feeItemId: ZId, feeItemName: z.string(), commonIncome: z.boolean(), month: ZReportMonth,
  /** charges + late fees − waivers posted in the month (accrual) */
  billedFen: z.number().int(),
  /** payments + prepaid deductions posted in the month */
  collectedFen: z.number().int(),
});
export const ZIncomeTotals = z.object({ billedFen: z.number().int(), collectedFen: z.number().int() });
export const ZIncomeReport = z.object({
  from: ZReportMonth, to: ZReportMonth, rows: z.array(ZIncomeRow),
  /** 经营收入 (ordinary fee items) and 公共收益 (common_income items) kept apart */
  operating: ZIncomeTotals, commonIncome: ZIncomeTotals, total: ZIncomeTotals,
});

export type CollectionReport = z.infer<typeof ZCollectionReport>;
export type AgeingReport = z.infer<typeof ZAgeingReport>;
export type AgeingRoom = z.infer<typeof ZAgeingRoom>;
export type IncomeReport = z.infer<typeof ZIncomeReport>;

export const ageingBucketLabels: Record<AgeingBucket, string> = {
  d0_30: '0–30 天', d31_90: '31–90 天', d91_180: '91–180 天', d181_365: '181–365 天', d365_plus: '365 天以上',
};
