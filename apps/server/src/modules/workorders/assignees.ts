import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { canSeeProject, type Actor } from '../../lib/actor.ts';
import { badRequest } from '../../lib/errors.ts';
import type { WorkOrder } from './access.ts';
import type { woCategories } from './workorders.table.ts';

type Category = typeof woCategories.$inferSelect | null;

/**
 * The project's frontline workers (a role with workorder.work and the assignee row scope: technician,
 * guard, cleaner …), with their skills, in one statement: who dispatch ranks and the pool serves.
 * Managers and HQ also hold workorder.work (they create technicians and may take an order
 * themselves when the desk assigns it by hand) but are never picked automatically.
 */
export function workersSql(companyId: string, projectId: string) {
  return sql`
    select m.user_id, m.display_name,
           coalesce((select array_agg(s.skill) from staff_skills s where s.company_id = m.company_id and s.user_id = m.user_id), '{}') as skills
      from memberships m
     where m.company_id = ${companyId} and m.kind = 'staff' and m.status = 'active'
       and exists (select 1 from membership_roles mr join roles r on r.id = mr.role_id
                    where mr.company_id = m.company_id and mr.membership_id = m.id and 'workorder.work' = any(r.permissions) and r.scope = 'assignee')
       and (m.all_projects
            or exists (select 1 from membership_roles mr join roles r on r.id = mr.role_id
                        where mr.company_id = m.company_id and mr.membership_id = m.id and r.scope = 'company')
            or exists (select 1 from membership_projects mp where mp.company_id = m.company_id and mp.membership_id = m.id and mp.project_id = ${projectId}))`;
}

/** The chosen assignee if they may take this order; otherwise a 400 naming why (`body.assigneeId`). */
export async function eligibleAssignee(db: Executor, o: WorkOrder, category: Category, userId: string) {
  const res: any = await db.execute(sql`
    select m.display_name as name,
           exists (select 1 from membership_roles mr join roles r on r.id = mr.role_id
                    where mr.company_id = m.company_id and mr.membership_id = m.id and 'workorder.work' = any(r.permissions)) as can_work,
           (m.all_projects
            or exists (select 1 from membership_roles mr join roles r on r.id = mr.role_id
                        where mr.company_id = m.company_id and mr.membership_id = m.id and r.scope = 'company')
            or exists (select 1 from membership_projects mp where mp.company_id = m.company_id and mp.membership_id = m.id and mp.project_id = ${o.projectId})) as in_project,
           ${category?.skill ? sql`exists (select 1 from staff_skills s where s.company_id = m.company_id and s.user_id = m.user_id and s.skill = ${category.skill})` : sql`true`} as has_skill
      from memberships m
     where m.company_id = ${o.companyId} and m.user_id = ${userId} and m.kind = 'staff' and m.status = 'active'`);
  const r = res.rows[0] as { name: string; can_work: boolean; in_project: boolean; has_skill: boolean } | undefined;
  const refuse = (message: string, code: string) => badRequest(message, [{ path: 'body.assigneeId', message: code }]);
  if (!r) throw refuse('处理人须为本公司在职员工', 'not_staff');
  if (!r.can_work) throw refuse(`${r.name} 没有处理工单的权限`, 'cannot_work');
  if (!r.in_project) throw refuse(`${r.name} 不在该工单所属项目`, 'not_in_project');
  if (!r.has_skill) throw refuse(`${r.name} 不具备「${category!.name}」所需技能（${category!.skill}）`, 'lacks_skill');
  return { userId, name: r.name };
}

/** Everyone who handed this order back (a reject row on its timeline): dispatch never picks them again. */
export async function rejectersOf(db: Executor, o: Pick<WorkOrder, 'companyId' | 'id'>): Promise<string[]> {
  const res: any = await db.execute(sql`
    select distinct actor_user_id as id from wo_events
     where company_id = ${o.companyId} and work_order_id = ${o.id} and event = 'reject' and actor_user_id is not null`);
  return (res.rows as { id: string }[]).map((r) => r.id);
}

/**
 * May the actor grab this pool order: staff of its project with the category's skill, who did not
 * hand this order back before (else a reject would just return it to the same person).
 */
export async function poolEligible(db: Executor, actor: Actor, o: WorkOrder): Promise<boolean> {
  if (actor.memberKind !== 'staff' || !actor.userId || !canSeeProject(actor, o.projectId)) return false;
  if ((await rejectersOf(db, o)).includes(actor.userId)) return false;
  if (!o.categoryId) return true;
  const res: any = await db.execute(sql`
    select c.skill is null or exists (select 1 from staff_skills s where s.company_id = c.company_id and s.user_id = ${actor.userId} and s.skill = c.skill) as ok
      from wo_categories c where c.company_id = ${o.companyId} and c.id = ${o.categoryId}`);
  return !!res.rows[0]?.ok;
}
