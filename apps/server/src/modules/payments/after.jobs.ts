import type { AppContext } from '../../context.ts';
import { defineJob, type JobDef } from '../../jobs/queue.ts';
import { sweepRefunds } from './refunds-post.ts';
import { processingRefunds } from './refunds.service.ts';

/**
 * 退款补偿: every 5 minutes, each refund still processing (its provider said so, or the call never got
 * through) goes back to its provider once — the same out_refund_no answers the same refund's state —
 * and is posted (exactly once) or failed accordingly.
 */
export const refundSweepJob = (ctx: AppContext) => defineJob<Record<string, never>>({
  name: 'payment-refund-sweep',
  cron: '*/5 * * * *',
  retryLimit: 1,
  policy: 'stately',
  async handler() {
    const db = ctx.database.db;
    const due = await processingRefunds(db);
    await sweepRefunds(db, ctx, due.map((r) => r.id));
  },
});

/** issue 8 payments: this slice's jobs; every one must be returned here (bootstrap lists them all) */
export function afterPaymentJobs(ctx: AppContext): JobDef<any>[] {
  return [refundSweepJob(ctx)];
}
