import { sql, type SQL } from 'drizzle-orm';
import { likeEscape } from '../../lib/like.ts';
import type { Executor } from '../../db/client.ts';

export interface StaffRow {
  id: string; userId: string; name: string; username: string | null; phone: string | null;
  status: 'active' | 'disabled'; locked: boolean; allProjects: boolean; version: number; createdAt: string;
  roles: { id: string; code: string; name: string }[];
  projects: { id: string; name: string }[];
}

export interface StaffFilter {
  companyId: string;
  /** 'all' = HQ; otherwise only members sharing one of these projects (and not HQ-wide members) */
  visible: 'all' | string[];
  q?: string; projectId?: string; roleId?: string; status?: string; id?: string;
}

function where(f: StaffFilter): SQL {
  const parts: SQL[] = [sql`m.company_id = ${f.companyId}`, sql`m.kind = 'staff'`];
  if (f.visible !== 'all') {
    parts.push(sql`not m.all_projects and exists (select 1 from membership_projects mp where mp.company_id = m.company_id
                   and mp.membership_id = m.id and mp.project_id = any(${sql.param(f.visible)}::uuid[]))`);
  }
  if (f.id) parts.push(sql`m.id = ${f.id}`);
  if (f.status) parts.push(sql`m.status = ${f.status}`);
  if (f.q) {
    const like = `%${likeEscape(f.q)}%`;
    parts.push(sql`(m.display_name ilike ${like} or u.username ilike ${like} or u.phone = ${f.q})`);
  }
  if (f.projectId) parts.push(sql`exists (select 1 from membership_projects mp where mp.company_id = m.company_id and mp.membership_id = m.id and mp.project_id = ${f.projectId})`);
  if (f.roleId) parts.push(sql`exists (select 1 from membership_roles mr where mr.company_id = m.company_id and mr.membership_id = m.id and mr.role_id = ${f.roleId})`);
  return sql.join(parts, sql` and `);
}

/** Picks the page's ids first, then aggregates roles and projects for those rows only. */
export async function findStaff(db: Executor, f: StaffFilter, page?: { limit: number; offset: number }) {
  const res: any = await db.execute(sql`
    with pick as (
      select m.id, m.created_at from memberships m join users u on u.id = m.user_id
       where ${where(f)}
       order by m.created_at desc, m.id
       ${page ? sql`limit ${page.limit} offset ${page.offset}` : sql``}
    )
    select m.id, m.user_id as "userId", m.display_name as name, u.username, u.phone, m.status,
           (u.locked_at is not null) as locked, m.all_projects as "allProjects", m.version,
           to_char(m.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt",
           coalesce((select json_agg(json_build_object('id', r.id, 'code', r.code, 'name', r.name) order by r.code)
                       from membership_roles mr join roles r on r.id = mr.role_id
                      where mr.company_id = m.company_id and mr.membership_id = m.id), '[]'::json) as roles,
           coalesce((select json_agg(json_build_object('id', p.id, 'name', p.name) order by p.code)
                       from membership_projects mp join projects p on p.id = mp.project_id
                      where mp.company_id = m.company_id and mp.membership_id = m.id), '[]'::json) as projects
      from pick join memberships m on m.id = pick.id join users u on u.id = m.user_id
     order by pick.created_at desc, pick.id`);
  return res.rows.map((r: any) => ({
    ...r,
    roles: typeof r.roles === 'string' ? JSON.parse(r.roles) : r.roles,
    projects: typeof r.projects === 'string' ? JSON.parse(r.projects) : r.projects,
  })) as StaffRow[];
}

export async function countStaff(db: Executor, f: StaffFilter): Promise<number> {
  // users is needed only for the text search
  const from = f.q ? sql`memberships m join users u on u.id = m.user_id` : sql`memberships m`;
  const res: any = await db.execute(sql`select count(*)::int as n from ${from} where ${where(f)}`);
  return Number(res.rows[0].n);
}

export async function projectIdsOf(db: Executor, membershipId: string): Promise<string[]> {
  const res: any = await db.execute(sql`select project_id as id from membership_projects where membership_id = ${membershipId}`);
  return res.rows.map((r: any) => r.id);
}

export async function setRoles(db: Executor, companyId: string, membershipId: string, roleIds: string[]) {
  await db.execute(sql`delete from membership_roles where membership_id = ${membershipId}`);
  for (const roleId of roleIds) {
    await db.execute(sql`insert into membership_roles (company_id, membership_id, role_id) values (${companyId}, ${membershipId}, ${roleId})`);
  }
}

export async function setProjects(db: Executor, companyId: string, membershipId: string, projectIds: string[]) {
  await db.execute(sql`delete from membership_projects where membership_id = ${membershipId}`);
  for (const projectId of projectIds) {
    await db.execute(sql`insert into membership_projects (company_id, membership_id, project_id) values (${companyId}, ${membershipId}, ${projectId})`);
  }
}

/** Roles of this company with these ids (ids from another company simply do not come back). */
export async function rolesByIds(db: Executor, companyId: string, ids: string[]) {
  const res: any = await db.execute(sql`select id, code, scope, permissions from roles
    where company_id = ${companyId} and id = any(${sql.param(ids)}::uuid[])`);
  return res.rows as { id: string; code: string; scope: string; permissions: string[] }[];
}

export async function projectsByIds(db: Executor, companyId: string, ids: string[]) {
  if (!ids.length) return [];
  const res: any = await db.execute(sql`select id from projects where company_id = ${companyId} and id = any(${sql.param(ids)}::uuid[])`);
  return res.rows.map((r: any) => r.id as string);
}
