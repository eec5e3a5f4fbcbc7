import { and, asc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZWoBuildingStaffUpdate, ZWoShiftCreate, ZWoShiftQuery, ZWoSkillsUpdate, ZWoStaffQuery } from '@wuye/shared';
import type { AppDb, Executor } from '../../db/client.ts';
import { canSeeProject, listProjects, requireCompany, type Actor } from '../../lib/actor.ts';
import { badRequest, notFound } from '../../lib/errors.ts';
import { record } from '../audit/audit.service.ts';
import { buildings } from '../estate/estate.table.ts';
import { checkProject } from '../org/projects.service.ts';
import { workersSql } from './assignees.ts';
import { buildingStaff, staffShifts, staffSkills } from './workorders.table.ts';

const DAY = 24 * 3600_000;
const field = (path: string, message: string) => [{ path, message }];

/** The workers of one project with skills, shift now, their buildings there and their open load. */
export async function listWorkers(db: Executor, actor: Actor, q: z.output<typeof ZWoStaffQuery>) {
  const companyId = requireCompany(actor);
  if (q.projectId) await checkProject(db, actor, q.projectId);
  const projectId = q.projectId ?? actor.selectedProjectId;
  // without a project there is no "worker of …": an empty list, not everyone the actor can see
  if (!projectId) return [];
  const res: any = await db.execute(sql`
    with w as (${workersSql(companyId, projectId)})
    select w.user_id, w.display_name, w.skills,
           exists (select 1 from staff_shifts sh where sh.company_id = ${companyId} and sh.project_id = ${projectId}
                     and sh.user_id = w.user_id and sh.starts_at <= now() and sh.ends_at > now()) as on_shift,
           coalesce((select array_agg(bs.building_id order by bs.building_id) from building_staff bs join buildings b on b.id = bs.building_id
                      where bs.company_id = ${companyId} and bs.user_id = w.user_id and b.project_id = ${projectId}), '{}') as building_ids,
           (select count(*)::int from work_orders x where x.company_id = ${companyId} and x.assignee_user_id = w.user_id
              and x.status in ('assigned','accepted','in_progress','paused')) as load
      from w order by w.display_name, w.user_id`);
  return (res.rows as any[]).map((r) => ({
    userId: r.user_id as string, name: r.display_name as string, skills: [...(r.skills as string[])].sort(), onShift: !!r.on_shift,
    buildingIds: r.building_ids as string[], openLoad: Number(r.load),
  }));
}

/** A worker (staff holding workorder.work) of this project, or null. */
async function projectWorker(db: Executor, companyId: string, projectId: string, userId: string) {
  const res: any = await db.execute(sql`with w as (${workersSql(companyId, projectId)}) select display_name from w where user_id = ${userId}`);
  return (res.rows[0]?.display_name as string | undefined) ?? null;
}

/** A worker of at least one project the actor sees; anyone else reads as not found. */
async function visibleWorker(db: Executor, actor: Actor, userId: string) {
  const companyId = requireCompany(actor);
  const ids = actor.projectIds;
  const inScope = ids === 'all' ? sql`true` : ids.length === 0 ? sql`false` : sql`(m.all_projects
      or exists (select 1 from membership_roles mr join roles r on r.id = mr.role_id where mr.company_id = m.company_id and mr.membership_id = m.id and r.scope = 'company')
      or exists (select 1 from membership_projects mp where mp.company_id = m.company_id and mp.membership_id = m.id and mp.project_id = any(${sql.param(ids)}::uuid[])))`;
  const res: any = await db.execute(sql`
    select m.display_name from memberships m
     where m.company_id = ${companyId} and m.user_id = ${userId} and m.kind = 'staff' and m.status = 'active'
       and exists (select 1 from membership_roles mr join roles r on r.id = mr.role_id
                    where mr.company_id = m.company_id and mr.membership_id = m.id and 'workorder.work' = any(r.permissions) and r.scope = 'assignee')
       and ${inScope}`);
  if (!res.rows[0]) throw notFound('员工');
  return res.rows[0].display_name as string;
}

/** Replaces a worker's skill set (skills are the person's, in every project). */
export async function setSkills(db: AppDb, actor: Actor, userId: string, input: z.output<typeof ZWoSkillsUpdate>) {
  const companyId = requireCompany(actor);
  return db.transaction(async (tx) => {
    await visibleWorker(tx, actor, userId);
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`staff_skills:${userId}`}))`);
    const before = (await tx.select({ skill: staffSkills.skill }).from(staffSkills)
      .where(and(eq(staffSkills.companyId, companyId), eq(staffSkills.userId, userId)))).map((r) => r.skill).sort();
    const skills = [...input.skills].sort();
    await tx.delete(staffSkills).where(and(eq(staffSkills.companyId, companyId), eq(staffSkills.userId, userId)));
    if (skills.length) await tx.insert(staffSkills).values(skills.map((skill) => ({ companyId, userId, skill })));
    await record(tx, actor, 'workorder.skills_updated', { type: 'user', id: userId }, { skills: before }, { skills });
    return { userId, skills };
  });
}

type ShiftRow = typeof staffShifts.$inferSelect;
const shiftOut = (s: ShiftRow, userName: string) => ({
  id: s.id, projectId: s.projectId, userId: s.userId, userName, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(),
});

/** Shifts overlapping [from, to) in the chosen project (or every visible project). */
export async function listShifts(db: Executor, actor: Actor, q: z.output<typeof ZWoShiftQuery>) {
  const companyId = requireCompany(actor);
  if (q.projectId) await checkProject(db, actor, q.projectId);
  const from = q.from ? new Date(q.from) : new Date(Date.now() - 7 * DAY);
  const to = q.to ? new Date(q.to) : new Date(from.getTime() + 21 * DAY);
  if (to <= from) throw badRequest('结束时间须晚于开始时间', field('querystring.to', 'before_from'));
  if (to.getTime() - from.getTime() > 62 * DAY) throw badRequest('查询范围最多 62 天', field('querystring.to', 'range_too_long'));
  const ids = listProjects(actor, q.projectId);
  if (ids !== 'all' && ids.length === 0) return [];
  const rows = await db.select().from(staffShifts).where(and(
    eq(staffShifts.companyId, companyId), ids === 'all' ? undefined : inArray(staffShifts.projectId, ids),
    lt(staffShifts.startsAt, to), gt(staffShifts.endsAt, from),
  )).orderBy(asc(staffShifts.startsAt), asc(staffShifts.id));
  const names = await userNames(db, companyId, [...new Set(rows.map((r) => r.userId))]);
  return rows.map((s) => shiftOut(s, names.get(s.userId) ?? ''));
}

async function userNames(db: Executor, companyId: string, userIds: string[]) {
  if (userIds.length === 0) return new Map<string, string>();
  const res: any = await db.execute(sql`select user_id, display_name from memberships where company_id = ${companyId} and kind = 'staff'
    and user_id = any(${sql.param(userIds)}::uuid[])`);
  return new Map((res.rows as any[]).map((r) => [r.user_id as string, r.display_name as string]));
}

export async function createShift(db: AppDb, actor: Actor, input: z.output<typeof ZWoShiftCreate>) {
  const companyId = requireCompany(actor);
  await checkProject(db, actor, input.projectId);
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  if (endsAt <= startsAt) throw badRequest('下班时间须晚于上班时间', field('body.endsAt', 'ends_before_start'));
  if (endsAt.getTime() - startsAt.getTime() > DAY) throw badRequest('一个班次最长 24 小时', field('body.endsAt', 'longer_than_24h'));
  return db.transaction(async (tx) => {
    const name = await projectWorker(tx, companyId, input.projectId, input.userId);
    if (!name) throw badRequest('该员工不是本项目的工单处理人员', field('body.userId', 'not_project_worker'));
    // one worker's shifts are checked for overlap one at a time
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`staff_shifts:${input.userId}`}))`);
    const [clash] = await tx.select({ id: staffShifts.id }).from(staffShifts).where(and(
      eq(staffShifts.companyId, companyId), eq(staffShifts.userId, input.userId), lt(staffShifts.startsAt, endsAt), gt(staffShifts.endsAt, startsAt),
    )).limit(1);
    if (clash) throw badRequest('与该员工已有的班次重叠', field('body.startsAt', 'overlaps_shift'));
    const [s] = await tx.insert(staffShifts).values({ companyId, projectId: input.projectId, userId: input.userId, startsAt, endsAt }).returning();
    await record(tx, actor, 'workorder.shift_created', { type: 'staff_shift', id: s!.id, projectId: s!.projectId }, null, shiftOut(s!, name));
    return shiftOut(s!, name);
  });
}

export async function deleteShift(db: AppDb, actor: Actor, id: string) {
  const companyId = requireCompany(actor);
  return db.transaction(async (tx) => {
    const [s] = await tx.select().from(staffShifts).where(and(eq(staffShifts.companyId, companyId), eq(staffShifts.id, id))).for('update');
    if (!s || !canSeeProject(actor, s.projectId)) throw notFound('班次');
    await tx.delete(staffShifts).where(and(eq(staffShifts.companyId, companyId), eq(staffShifts.id, id)));
    await record(tx, actor, 'workorder.shift_deleted', { type: 'staff_shift', id, projectId: s.projectId }, shiftOut(s, ''), null);
    return { ok: true as const };
  });
}

/** Replaces a building's responsible staff; each must work orders in the building's project. */
export async function setBuildingStaff(db: AppDb, actor: Actor, buildingId: string, input: z.output<typeof ZWoBuildingStaffUpdate>) {
  const companyId = requireCompany(actor);
  return db.transaction(async (tx) => {
    const [b] = await tx.select({ projectId: buildings.projectId }).from(buildings).where(and(eq(buildings.companyId, companyId), eq(buildings.id, buildingId)));
    if (!b || !canSeeProject(actor, b.projectId)) throw notFound('楼栋');
    const problems: { path: string; message: string }[] = [];
    for (const [i, userId] of input.userIds.entries()) {
      if (!(await projectWorker(tx, companyId, b.projectId, userId))) problems.push({ path: `body.userIds.${i}`, message: 'not_project_worker' });
    }
    if (problems.length) throw badRequest('责任人须为该楼栋所在项目的工单处理人员', problems);
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`building_staff:${buildingId}`}))`);
    const before = (await tx.select({ userId: buildingStaff.userId }).from(buildingStaff)
      .where(and(eq(buildingStaff.companyId, companyId), eq(buildingStaff.buildingId, buildingId)))).map((r) => r.userId).sort();
    const userIds = [...input.userIds].sort();
    await tx.delete(buildingStaff).where(and(eq(buildingStaff.companyId, companyId), eq(buildingStaff.buildingId, buildingId)));
    if (userIds.length) await tx.insert(buildingStaff).values(userIds.map((userId) => ({ companyId, buildingId, userId })));
    await record(tx, actor, 'workorder.building_staff_updated', { type: 'building', id: buildingId, projectId: b.projectId }, { userIds: before }, { userIds });
    return { buildingId, projectId: b.projectId, userIds };
  });
}
