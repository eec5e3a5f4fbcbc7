import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { JobDef } from '../../jobs/queue.ts';
import { defineJob } from '../../jobs/queue.ts';
import { systemActor, type Actor } from '../../lib/actor.ts';
import { slaNoticeJob, slaSweepJob } from './sla.job.ts';
import { applyInTx } from './transition.service.ts';
import { woSettingsDefaults } from './settings.service.ts';
import { workOrders } from './workorders.table.ts';

/** The system closes orders (the transition table asks for workorder.dispatch to close). */
const closer = (companyId: string): Actor => ({ ...systemActor(companyId, '系统'), permissions: new Set(['workorder.dispatch']) });

/**
 * 自动关闭: completed orders the resident has not confirmed within the project's autoCloseDays are
 * closed, one transaction per order through the one transition path (timeline, audit, revisit sample).
 * Rows someone holds right now are skipped and closed on the next run.
 */
export async function autoCloseDue(ctx: AppContext, now = new Date()): Promise<number> {
  const db = ctx.database.db;
  const res: any = await db.execute(sql`
    select o.id, o.company_id from work_orders o
      left join wo_project_settings s on s.company_id = o.company_id and s.project_id = o.project_id
     where o.status = 'completed' and o.completed_at + make_interval(days => coalesce(s.auto_close_days, ${woSettingsDefaults.autoCloseDays})) <= ${now.toISOString()}::timestamptz
     order by o.completed_at limit 5000`);
  let closed = 0;
  for (const { id, company_id: companyId } of res.rows as { id: string; company_id: string }[]) {
    closed += await db.transaction(async (tx) => {
      const [o] = await tx.select().from(workOrders).where(and(eq(workOrders.companyId, companyId), eq(workOrders.id, id), eq(workOrders.status, 'completed')))
        .for('update', { skipLocked: true });
      if (!o) return 0;
      await applyInTx(tx, ctx, closer(companyId), o, { event: 'close', version: o.version, note: '完成后超期未评价，系统自动关闭', fileIds: [] }, { trusted: true });
      return 1;
    });
  }
  return closed;
}

export const autoCloseJob = (ctx: AppContext) => defineJob<Record<string, never>>({
  name: 'workorder-auto-close',
  cron: '20 3 * * *',
  retryLimit: 2,
  async handler() { await autoCloseDue(ctx); },
});

/** Every work-order job (SLA timers, auto-close); bootstrap registers them all. */
export function workOrderJobs(ctx: AppContext): JobDef<any>[] {
  return [slaNoticeJob(ctx), slaSweepJob(ctx), autoCloseJob(ctx)];
}
