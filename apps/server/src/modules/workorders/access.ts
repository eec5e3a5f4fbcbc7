import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { ActorRelations } from '@wuye/shared';
import type { Executor } from '../../db/client.ts';
import { canSeeProject, listProjects, requireCompany, type Actor } from '../../lib/actor.ts';
import { notFound } from '../../lib/errors.ts';
import { workOrders } from './workorders.table.ts';

export type WorkOrder = typeof workOrders.$inferSelect;

/**
 * Row scope of work orders. HQ and project staff see their projects' orders; frontline staff
 * (assignee scope) see what is assigned to them, what they reported, and their projects' grab pool;
 * residents see only what they requested (through /api/my/…).
 */
export function orderScope(actor: Actor, requestedProject?: string): SQL {
  if (actor.memberKind === 'resident') return sql`${workOrders.requesterUserId} = ${actor.userId}`;
  const ids = listProjects(actor, requestedProject);
  // one project is `=`, not `= any(array)`: only then can the planner walk the (project, created_at) indexes in order
  const inProjects = ids === 'all' ? sql`true` : ids.length === 1 ? sql`${workOrders.projectId} = ${ids[0]}`
    : ids.length ? sql`${workOrders.projectId} = any(${sql.param(ids)}::uuid[])` : sql`false`;
  if (actor.scope !== 'assignee') return inProjects;
  return sql`(${inProjects} and (${workOrders.assigneeUserId} = ${actor.userId} or ${workOrders.requesterUserId} = ${actor.userId} or (${workOrders.inPool} and ${workOrders.status} = 'submitted')))`;
}

export function canSeeOrder(actor: Actor, o: WorkOrder): boolean {
  if (actor.memberKind === 'resident') return !!actor.userId && o.requesterUserId === actor.userId;
  if (!canSeeProject(actor, o.projectId)) return false;
  if (actor.scope !== 'assignee') return true;
  return o.assigneeUserId === actor.userId || o.requesterUserId === actor.userId || (o.inPool && o.status === 'submitted');
}

/** The order if the actor may see it (locked for the transaction with `lock`), else 404. */
export async function loadOrder(db: Executor, actor: Actor, id: string, opts: { lock?: boolean } = {}): Promise<WorkOrder> {
  const companyId = requireCompany(actor);
  const q = db.select().from(workOrders).where(and(eq(workOrders.companyId, companyId), eq(workOrders.id, id)));
  const [o] = opts.lock ? await q.for('update') : await q;
  if (!o || !canSeeOrder(actor, o)) throw notFound('工单');
  return o;
}

/** What the actor is to this order, for the transition table's `actor` column. */
export function relationsOf(actor: Actor, o: WorkOrder, poolEligible: boolean): ActorRelations {
  return {
    assignee: !!actor.userId && o.assigneeUserId === actor.userId,
    requester: !!actor.userId && o.requesterUserId === actor.userId,
    pool: o.inPool && poolEligible,
  };
}
