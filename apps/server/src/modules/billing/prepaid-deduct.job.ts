import type { Database } from '../../db/client.ts';
import { defineJob } from '../../jobs/queue.ts';
import { businessNow } from '../../lib/time.ts';
import { autoDeductProject, autoDeductProjects, type AutoDeductResult } from './prepaid-auto-deduct.service.ts';

export interface AutoDeductJobData {
  /** one project (with its company); default every project with the setting on */
  companyId?: string;
  projectId?: string;
  /** default today (Asia/Shanghai) */
  asOf?: string;
}

/** Works the projects one after another; each project is chunked inside autoDeductProject. */
export async function runAutoDeduct(database: Database, data: AutoDeductJobData = {}) {
  const asOf = data.asOf ?? businessNow().format('YYYY-MM-DD');
  const projects = data.companyId && data.projectId ? [{ companyId: data.companyId, projectId: data.projectId }] : await autoDeductProjects(database.db);
  const results: (AutoDeductResult & { projectId: string })[] = [];
  for (const p of projects) results.push({ projectId: p.projectId, ...(await autoDeductProject(database.db, null, { ...p, asOf })) });
  return results;
}

/**
 * 预存自动抵扣, daily at 02:30 Asia/Shanghai (after midnight's due dates, before the counter
 * opens), over every project with `auto_deduct_prepaid` on. A rerun the same day finds nothing
 * new to pay (deducted bills are no longer outstanding), so a retry is safe.
 */
export const prepaidAutoDeductJob = (database: Database) => defineJob<AutoDeductJobData>({
  name: 'prepaid-auto-deduct',
  cron: '30 2 * * *',
  batchSize: 1,
  retryLimit: 2,
  async handler(jobs) {
    for (const j of jobs) await runAutoDeduct(database, j.data ?? {});
  },
});
