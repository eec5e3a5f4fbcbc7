import { sql } from 'drizzle-orm';
import type { NotificationEvent } from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import type { Executor } from '../../db/client.ts';
import type { WorkOrder } from './access.ts';
import { WO_CHANGED } from './list-caches.ts';

/**
 * Staff who watch a project's work orders (desk, managers, HQ): they get the live board updates.
 * `deskOnly` leaves out company-wide staff (HQ): a new request or a revisit to arrange is the
 * project desk's message, not a pop-up on every HQ screen for every project.
 */
export async function watchersOf(db: Executor, companyId: string, projectId: string, opts: { deskOnly?: boolean } = {}): Promise<string[]> {
  const res: any = await db.execute(sql`
    select distinct m.user_id as id
      from memberships m
      join membership_roles mr on mr.company_id = m.company_id and mr.membership_id = m.id
      join roles r on r.id = mr.role_id
     where m.company_id = ${companyId} and m.kind = 'staff' and m.status = 'active'
       and 'workorder.dispatch' = any(r.permissions)
       ${opts.deskOnly ? sql`and not m.all_projects and r.scope <> 'company'` : sql``}
       and (m.all_projects or r.scope = 'company' or exists (
             select 1 from membership_projects mp where mp.company_id = m.company_id and mp.membership_id = m.id and mp.project_id = ${projectId}))`);
  return (res.rows as { id: string }[]).map((r) => r.id);
}

/**
 * Pushes `workorder.changed` (ids only; clients refetch) to everyone who has the order on a screen:
 * the requester, the assignee (old and new) and the project's desk. Sent inside the transaction: a
 * rolled-back change pushes nothing.
 */
export async function publishChange(tx: Executor, ctx: AppContext, o: WorkOrder, event: string, also: (string | null)[] = []) {
  const users = new Set([...(await watchersOf(tx, o.companyId, o.projectId)), o.requesterUserId, o.assigneeUserId, ...also].filter((u): u is string => !!u));
  await ctx.events.publish(tx, [...users], { type: 'workorder.changed', data: { id: o.id, projectId: o.projectId, status: o.status, event } });
  // every instance drops its cached list totals for the company once this commits
  await ctx.events.publishSystem(tx, `${WO_CHANGED}${o.companyId}`);
}

export async function notifyUsers(tx: Executor, ctx: AppContext, o: WorkOrder, event: NotificationEvent, userIds: (string | null)[], data: Record<string, unknown>) {
  const ids = [...new Set(userIds.filter((u): u is string => !!u))];
  if (ids.length === 0) return;
  await ctx.notifier.notify(tx, event, { companyId: o.companyId, projectId: o.projectId, userIds: ids }, { no: o.no, ...data });
}
