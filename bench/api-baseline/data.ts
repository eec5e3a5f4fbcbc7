import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { AppDb } from '../../apps/server/src/db/client.ts';
import { hashPassword } from '../../apps/server/src/lib/passwords.ts';
import { createCompanyWithRoles } from '../../apps/server/src/modules/org/company.service.ts';

export interface GenerateOptions { projects: number; staff: number; batch?: number }

export interface Generated {
  companyId: string;
  projectIds: string[];
  pm: { userId: string; membershipId: string; login: string; password: string; projectId: string };
  /** staff the PM's list should show (its project's staff, excluding HQ-wide members): the expected `total` */
  pmVisibleStaff: number;
  rows: Record<string, number>;
}

// Project-level and field roles staff get; every 50th member is HQ-wide (all projects, company role).
const fieldRoles = ['technician', 'guard', 'cleaner', 'customer_service', 'cashier'];
const NO_LOGIN = 'bench:no-login'; // not an argon2 hash: these accounts cannot sign in

const rowsOf = (res: any): any[] => res.rows;

/**
 * One company (built-in roles), `projects` projects and `staff` staff memberships spread over
 * them, inserted set-based in batches (`insert … select from unnest(arrays)`), plus one project
 * manager assigned to project 1 only, whose password is hashed like any real account.
 * Works on both drivers (drizzle `sql`).
 */
export async function generate(db: AppDb, o: GenerateOptions): Promise<Generated> {
  const batch = o.batch ?? 1000;
  const company = await createCompanyWithRoles(db, { code: `BENCH${randomBytes(3).toString('hex')}`, name: '基准测试物业' });
  const companyId = company.id;

  const projectIds = Array.from({ length: o.projects }, () => uuidv7());
  await db.execute(sql`insert into projects (id, company_id, code, name)
    select id, ${companyId}::uuid, 'P' || lpad(n::text, 3, '0'), '项目' || n
      from unnest(${sql.param(projectIds)}::uuid[]) with ordinality as t(id, n)`);

  const roleIds: Record<string, string> = Object.fromEntries(
    rowsOf(await db.execute(sql`select code, id from roles where company_id = ${companyId}`)).map((r) => [r.code, r.id]),
  );

  const base = Date.now() - o.staff * 60_000; // one member a minute, oldest first
  for (let from = 0; from < o.staff; from += batch) {
    const n = Math.min(batch, o.staff - from);
    const u = { id: [] as string[], phone: [] as string[], name: [] as string[], at: [] as string[] };
    const m = { id: [] as string[], user: [] as string[], status: [] as string[], all: [] as boolean[] };
    const mr = { m: [] as string[], role: [] as string[] };
    const mp = { m: [] as string[], project: [] as string[] };
    for (let k = 0; k < n; k++) {
      const i = from + k;
      const userId = uuidv7();
      const membershipId = uuidv7();
      u.id.push(userId);
      u.phone.push(`139${String(i).padStart(8, '0')}`);
      u.name.push(`员工${i}`);
      u.at.push(new Date(base + i * 60_000).toISOString());
      const hq = i % 50 === 49;
      m.id.push(membershipId);
      m.user.push(userId);
      m.status.push(i % 40 === 7 ? 'disabled' : 'active');
      m.all.push(hq);
      if (hq) {
        mr.m.push(membershipId); mr.role.push(roleIds.hq_viewer!);
        continue;
      }
      mr.m.push(membershipId); mr.role.push(roleIds[fieldRoles[i % fieldRoles.length]!]!);
      if (i % 7 === 3) { mr.m.push(membershipId); mr.role.push(roleIds[fieldRoles[(i + 2) % fieldRoles.length]!]!); }
      mp.m.push(membershipId); mp.project.push(projectIds[i % o.projects]!);
      if (i % 10 === 5) { mp.m.push(membershipId); mp.project.push(projectIds[(i + 1) % o.projects]!); }
    }
    await db.execute(sql`insert into users (id, phone, name, password_hash, created_at)
      select * from unnest(${sql.param(u.id)}::uuid[], ${sql.param(u.phone)}::text[], ${sql.param(u.name)}::text[],
                           array_fill(${NO_LOGIN}::text, array[${n}::int]), ${sql.param(u.at)}::timestamptz[])`);
    await db.execute(sql`insert into memberships (id, company_id, user_id, kind, display_name, status, all_projects, created_at)
      select m.id, ${companyId}::uuid, m.user_id, 'staff', u.name, m.status, m.all_projects, u.created_at
        from unnest(${sql.param(m.id)}::uuid[], ${sql.param(m.user)}::uuid[], ${sql.param(m.status)}::text[], ${sql.param(m.all)}::boolean[])
               as m(id, user_id, status, all_projects)
        join users u on u.id = m.user_id`);
    await db.execute(sql`insert into membership_roles (company_id, membership_id, role_id)
      select ${companyId}::uuid, * from unnest(${sql.param(mr.m)}::uuid[], ${sql.param(mr.role)}::uuid[])`);
    await db.execute(sql`insert into membership_projects (company_id, membership_id, project_id)
      select ${companyId}::uuid, * from unnest(${sql.param(mp.m)}::uuid[], ${sql.param(mp.project)}::uuid[])`);
  }

  // The project manager: a real password, one project.
  const password = `Bench#${randomBytes(9).toString('base64url')}`;
  const login = 'bench_pm';
  const pmUserId = uuidv7();
  const pmMembershipId = uuidv7();
  const pmProject = projectIds[0]!;
  await db.execute(sql`insert into users (id, username, phone, name, password_hash)
    values (${pmUserId}, ${login}, '13800000000', '基准项目经理', ${await hashPassword(password)})`);
  await db.execute(sql`insert into memberships (id, company_id, user_id, kind, display_name)
    values (${pmMembershipId}, ${companyId}, ${pmUserId}, 'staff', '基准项目经理')`);
  await db.execute(sql`insert into membership_roles (company_id, membership_id, role_id) values (${companyId}, ${pmMembershipId}, ${roleIds.project_manager!})`);
  await db.execute(sql`insert into membership_projects (company_id, membership_id, project_id) values (${companyId}, ${pmMembershipId}, ${pmProject})`);

  // Planner statistics as autovacuum would have them in a running system.
  for (const t of ['users', 'memberships', 'membership_roles', 'membership_projects', 'projects', 'roles']) {
    await db.execute(sql.raw(`analyze ${t}`));
  }

  const [counts] = rowsOf(await db.execute(sql`select
      (select count(*)::int from projects where company_id = ${companyId}) as projects,
      (select count(*)::int from users) as users,
      (select count(*)::int from memberships where company_id = ${companyId}) as memberships,
      (select count(*)::int from membership_roles where company_id = ${companyId}) as "membershipRoles",
      (select count(*)::int from membership_projects where company_id = ${companyId}) as "membershipProjects",
      (select count(*)::int from memberships m where m.company_id = ${companyId} and m.kind = 'staff' and not m.all_projects
          and exists (select 1 from membership_projects mp where mp.membership_id = m.id and mp.project_id = ${pmProject})) as "pmVisibleStaff"`));
  const rows = { companies: 1, ...counts } as Record<string, number>;
  return {
    companyId, projectIds, rows, pmVisibleStaff: rows.pmVisibleStaff!,
    pm: { userId: pmUserId, membershipId: pmMembershipId, login, password, projectId: pmProject },
  };
}

/**
 * Experiment (`--extra-indexes`), not part of the schema: the join tables' primary keys lead with
 * company_id, so the per-row subqueries that filter only by membership_id (session lookup, staff
 * list) scan the whole table. These indexes show what an index-backed lookup would change.
 */
export const extraIndexes = [
  'create index if not exists bench_membership_roles_membership_idx on membership_roles (membership_id)',
  'create index if not exists bench_membership_projects_membership_idx on membership_projects (membership_id)',
];

export async function applyExtraIndexes(db: AppDb) {
  for (const ddl of extraIndexes) await db.execute(sql.raw(ddl));
  await db.execute(sql.raw('analyze membership_roles'));
  await db.execute(sql.raw('analyze membership_projects'));
}
