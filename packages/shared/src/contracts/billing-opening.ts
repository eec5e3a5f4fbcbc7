import { z } from 'zod';
import { ZId, ZPageQuery } from './common.ts';
import { importModeValues, ZEstateImport } from './estate-excel.ts';

/**
 * 期初余额导入: a legacy system's arrears (欠费, per room, fee item and period) and prepaid balances
 * (预存) from one workbook, through the archive's import machinery (background job, row report).
 */
export const ZOpeningImportStart = z.object({
  projectId: ZId,
  /** all_or_nothing: any bad row stops the import; valid_rows: good rows are imported, bad ones reported */
  mode: z.enum(importModeValues).default('all_or_nothing'),
}).strict();

/** summary: { bills, arrearsFen, prepaid, prepaidFen } — opening bills and prepaid balances written, with their totals in 分 */
export const openingSummaryKeys = ['bills', 'arrearsFen', 'prepaid', 'prepaidFen'] as const;
export const ZOpeningImport = ZEstateImport.extend({ kind: z.literal('opening_balances') });
export const ZOpeningImportQuery = ZPageQuery.extend({ projectId: ZId.optional() }).strict();
