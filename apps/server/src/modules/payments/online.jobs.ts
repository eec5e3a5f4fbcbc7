import type { AppContext } from '../../context.ts';
import { defineJob, type JobDef } from '../../jobs/queue.ts';
import { sweepOrders } from './online.service.ts';

/** every minute: query orders whose notification never came, close expired ones */
export const paymentOrdersSweepJob = (ctx: AppContext) => defineJob<{ reason?: string }>({
  name: 'payment-orders-sweep',
  cron: '* * * * *',
  retryLimit: 1,
  async handler() {
    await sweepOrders(ctx);
  },
});

export function onlineJobs(ctx: AppContext): JobDef<any>[] {
  return [paymentOrdersSweepJob(ctx)];
}
