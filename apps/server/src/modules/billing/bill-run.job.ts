import type { AppContext } from '../../context.ts';
import { defineJob } from '../../jobs/queue.ts';
import { failRun, resumeStaleRuns, workRun } from './run-work.ts';
import { BILL_RUN_QUEUE } from './runs.service.ts';

/**
 * Works queued bill runs one at a time. A failing chunk is tried again twice (each attempt resumes
 * from the committed cursor); then the run is marked failed with the message, its committed
 * chunks kept — cancel it, or start the period again after fixing the cause.
 */
export const billRunJob = (ctx: AppContext) => defineJob<{ id: string }>({
  name: BILL_RUN_QUEUE.name,
  batchSize: 1,
  pollingIntervalSeconds: 0.5,
  retryLimit: 0,
  async handler(jobs) {
    for (const j of jobs) {
      for (let attempt = 1; ; attempt++) {
        try {
          await workRun(ctx.database, j.data.id);
          break;
        } catch (e) {
          if (attempt >= 3) { await failRun(ctx.database, j.data.id, e instanceof Error ? e.message : String(e)); break; }
          await new Promise((r) => setTimeout(r, 500 * attempt));
        }
      }
    }
  },
});

/** Every minute: resume runs a dead worker left behind (also done once at startup). */
export const billRunSweepJob = (ctx: AppContext) => defineJob<Record<string, never>>({
  name: 'bill-run-sweep',
  cron: '* * * * *',
  retryLimit: 0,
  policy: 'stately',
  async handler() {
    await resumeStaleRuns(ctx, ctx.config.BILL_RUN_STALE_SECONDS);
  },
});
