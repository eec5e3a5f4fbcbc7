import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Executor, Tx } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { loadOrder, type WorkOrder } from './access.ts';
import { workersSql } from './assignees.ts';
import { getWoSettings } from './settings.service.ts';
import { woCategories, workOrders } from './workorders.table.ts';

/**
 * What happens to a new (or rejected) order by the project's dispatch mode: `off` waits for the
 * desk, `pool` opens it for 抢单, `suggest` and `auto` rank candidates (auto assigns the best).
 * PLACEHOLDER: ranking lands with the dispatch slice; until then suggest/auto behave like off.
 */
export async function dispatchOnSubmit(tx: Tx, _ctx: AppContext, o: WorkOrder): Promise<WorkOrder> {
  const s = await getWoSettings(tx, o.companyId, o.projectId);
  if (s.dispatchMode !== 'pool') return o;
  const [next] = await tx.update(workOrders).set({ inPool: true }).where(and(eq(workOrders.companyId, o.companyId), eq(workOrders.id, o.id))).returning();
  return next!;
}

/** A technician handed the order back: dispatch it again, never to them. */
export async function redispatchAfterReject(tx: Tx, ctx: AppContext, o: WorkOrder, _rejectedBy: string | null): Promise<WorkOrder> {
  return dispatchOnSubmit(tx, ctx, o);
}

/** The assign dialog's list: every worker of the project with what speaks for them. PLACEHOLDER ranking: skill, then load. */
export async function candidatesFor(db: Executor, actor: Actor, workOrderId: string) {
  const o = await loadOrder(db, actor, workOrderId);
  const [cat] = o.categoryId ? await db.select().from(woCategories).where(and(eq(woCategories.companyId, o.companyId), eq(woCategories.id, o.categoryId))) : [];
  const res: any = await db.execute(sql`
    with w as (${workersSql(o.companyId, o.projectId)})
    select w.user_id, w.display_name, w.skills,
           (select count(*)::int from work_orders x where x.company_id = ${o.companyId} and x.assignee_user_id = w.user_id
              and x.status in ('assigned','accepted','in_progress','paused')) as load
      from w`);
  return (res.rows as any[]).map((r) => {
    const hasSkill = !cat?.skill || (r.skills as string[]).includes(cat.skill);
    return {
      userId: r.user_id, name: r.display_name, hasSkill, onShift: false, responsibleForBuilding: false, openLoad: r.load, eligible: hasSkill,
      score: (hasSkill ? 100 : 0) - r.load, reasons: [hasSkill ? '具备技能' : '缺少技能', `在办 ${r.load} 单`],
    };
  }).sort((a, b) => b.score - a.score);
}
