import type { AppContext } from '../../context.ts';
import { defineJob, type JobDef } from '../../jobs/queue.ts';
import { runAllRules, runRule } from './reminders.send.ts';

export interface ReminderJobData {
  /** one rule (with its company); default every enabled rule */
  companyId?: string;
  ruleId?: string;
}

/**
 * 自动催缴, daily at 10:00 Asia/Shanghai (a civil hour for an SMS): every enabled rule, chunked
 * per rule. Idempotent per (rule, room, business day): a retry or a second run sends nothing new.
 */
export const reminderJob = (ctx: AppContext) => defineJob<ReminderJobData>({
  name: 'payment-reminders',
  cron: '0 10 * * *',
  batchSize: 1,
  retryLimit: 2,
  async handler(jobs) {
    for (const j of jobs) {
      const d = j.data ?? {};
      if (d.companyId && d.ruleId) await runRule(ctx, d.companyId, d.ruleId);
      else await runAllRules(ctx);
    }
  },
});

/** issue 8 payments: this slice's jobs; every one must be returned here (bootstrap lists them all) */
export function reminderJobs(ctx: AppContext): JobDef<any>[] {
  return [reminderJob(ctx)];
}
