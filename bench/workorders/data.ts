import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { AppDb } from '../../apps/server/src/db/client.ts';
import { hashPassword } from '../../apps/server/src/lib/passwords.ts';
import { createCompanyWithRoles } from '../../apps/server/src/modules/org/company.service.ts';
import { log } from '../lib/log.ts';

export interface GenerateOptions { projects: number; orders: number; batch: number }
export interface Account { login: string; password: string }
export interface Generated {
  companyId: string;
  projectIds: string[];
  /** the project manager of project 0 and an HQ admin (every project) */
  pm: Account & { projectId: string };
  hq: Account;
  /** open orders of project 0 (what the list's total must say) */
  pmOpen: number;
  rows: Record<string, number>;
}

const rowsOf = (res: any): any[] => res.rows;

async function account(db: AppDb, companyId: string, roleId: string, login: string, name: string, projectId: string | null, allProjects: boolean): Promise<Account> {
  const password = `Bench#${randomBytes(9).toString('base64url')}`;
  const userId = uuidv7();
  const membershipId = uuidv7();
  await db.execute(sql`insert into users (id, username, phone, name, password_hash) values (${userId}, ${login}, ${`138${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`}, ${name}, ${await hashPassword(password)})`);
  await db.execute(sql`insert into memberships (id, company_id, user_id, kind, display_name, all_projects) values (${membershipId}, ${companyId}, ${userId}, 'staff', ${name}, ${allProjects})`);
  await db.execute(sql`insert into membership_roles (company_id, membership_id, role_id) values (${companyId}, ${membershipId}, ${roleId})`);
  if (projectId) await db.execute(sql`insert into membership_projects (company_id, membership_id, project_id) values (${companyId}, ${membershipId}, ${projectId})`);
  return { login, password };
}

/**
 * One company, `projects` projects of 4 towers × 100 rooms, 20 technicians, and `orders` work orders
 * spread evenly over the projects and the last 12 months — set-based, `batch` rows per statement.
 * About 5 % are still open (the console's everyday view), the rest finished, most of them rated.
 */
export async function generate(db: AppDb, o: GenerateOptions): Promise<Generated> {
  const company = await createCompanyWithRoles(db, { code: `WOB${randomBytes(3).toString('hex')}`, name: '工单基准物业' });
  const companyId = company.id;
  const roleIds = Object.fromEntries(rowsOf(await db.execute(sql`select code, id from roles where company_id = ${companyId}`)).map((r) => [r.code, r.id]));
  await db.execute(sql`insert into projects (id, company_id, code, name) select uuid_v7(), ${companyId}, 'P' || g, '项目' || g from generate_series(1, ${o.projects}) g`);
  const projectIds = rowsOf(await db.execute(sql`select id from projects where company_id = ${companyId} order by code`)).map((r) => r.id as string);
  await db.execute(sql`insert into buildings (id, company_id, project_id, code, name)
    select uuid_v7(), ${companyId}, p.id, b::text, b || '号楼' from projects p, generate_series(1, 4) b where p.company_id = ${companyId}`);
  await db.execute(sql`insert into rooms (id, company_id, project_id, building_id, floor, number, code, building_area)
    select uuid_v7(), ${companyId}, b.project_id, b.id, 1 + (n - 1) / 4, 1 + (n - 1) % 4, b.code || '-' || n, 9000
      from buildings b, generate_series(1, 100) n where b.company_id = ${companyId}`);
  // technicians: names only (they never sign in here), 20 in all
  await db.execute(sql`
    with u as (insert into users (id, phone, name, password_hash) select uuid_v7(), '170' || lpad(g::text, 8, '0') || substr(${companyId}::text, 1, 0), '师傅' || g, 'bench:no-login' from generate_series(1, 20) g returning id, name)
    insert into memberships (id, company_id, user_id, kind, display_name) select uuid_v7(), ${companyId}, u.id, 'staff', u.name from u`);
  const techs = rowsOf(await db.execute(sql`select user_id as id, display_name as name from memberships where company_id = ${companyId} and display_name like '师傅%' order by display_name`));

  const cats = rowsOf(await db.execute(sql`select id from wo_categories where company_id = ${companyId} order by sort`)).map((r) => r.id as string);
  // (project index, room index) → room: a lookup table so the generator joins instead of scanning per row
  await db.execute(sql`drop table if exists bench_wo_rooms`);
  await db.execute(sql`create table bench_wo_rooms as
    select (dense_rank() over (order by p.code) - 1)::int as pidx, (row_number() over (partition by r.project_id order by r.id) - 1)::int as ridx,
           r.id, r.building_id, r.code, r.project_id
      from rooms r join projects p on p.id = r.project_id where r.company_id = ${companyId}`);
  await db.execute(sql`create unique index on bench_wo_rooms (pidx, ridx)`);
  await db.execute(sql`analyze bench_wo_rooms`);
  const started = Date.now();
  const perProject = Math.ceil(o.orders / o.projects);
  for (let done = 0; done < o.orders; done += o.batch) {
    const n = Math.min(o.batch, o.orders - done);
    // order k (0-based over the run): project k % P, created spread over 365 days, status by a hash
    await db.execute(sql`
      insert into work_orders (id, company_id, project_id, no, type, source, category_id, priority, status, description, area, room_id, building_id,
                               location_text, requester_name, assignee_user_id, assignee_name, sla_clock, response_due_at, complete_due_at,
                               accepted_at, completed_at, rating, overdue, created_at)
      select uuid_v7(), ${companyId}, rm.project_id, 'WB' || lpad(k::text, 9, '0'), 'repair', 'resident',
             (${sql.param(cats)}::uuid[])[1 + k % ${cats.length}], (array['urgent','high','normal','normal','low'])[1 + k % 5],
             st.status, '基准工单 ' || k, 'private', rm.id, rm.building_id, rm.code, '业主',
             case when st.status <> 'submitted' then (${sql.param(techs.map((t) => t.id))}::uuid[])[1 + k % ${techs.length}] end,
             case when st.status <> 'submitted' then '师傅' || (1 + k % ${techs.length}) end,
             'calendar', c.at + interval '2 hours', c.at + interval '24 hours',
             case when st.status not in ('submitted','assigned') then c.at + interval '40 minutes' end,
             case when st.status in ('completed','confirmed','closed') then c.at + ((6 + k % 40) || ' hours')::interval end,
             case when st.status in ('confirmed','closed') and (x.h / 1000) % 7 <> 0 then 3 + (x.h / 7000) % 3 end,
             (x.h / 10) % 40 > 30, c.at
        from generate_series(${done}::int, ${done + n - 1}::int) k
        join lateral (select now() - ((k::bigint * 7919) % (365 * 24 * 60)) * interval '1 minute' as at) c on true
        join lateral (select abs(hashtext(k::text)) as h) x on true
        join lateral (select case when x.h % 100 < 5 then (array['submitted','assigned','accepted','in_progress','paused'])[1 + (x.h / 100) % 5]
                                  when x.h % 100 < 8 then 'completed' when x.h % 100 < 60 then 'closed' else 'confirmed' end as status) st on true
        join bench_wo_rooms rm on rm.pidx = k % ${o.projects} and rm.ridx = (k / ${o.projects}) % 400`);
    if ((done / o.batch) % 10 === 0) log(`work orders: ${done + n} / ${o.orders} (${Math.round((Date.now() - started) / 1000)} s)`);
  }
  await db.execute(sql`drop table bench_wo_rooms`);

  const pm = await account(db, companyId, roleIds.project_manager!, 'bench_wo_pm', '基准项目经理', projectIds[0]!, false);
  const hq = await account(db, companyId, roleIds.hq_admin!, 'bench_wo_hq', '基准总部', null, true);
  // as autovacuum would leave a running system: planner statistics, and the visibility map that lets counts read only the index
  for (const t of ['work_orders', 'users', 'memberships', 'membership_roles', 'membership_projects', 'projects', 'roles', 'rooms', 'buildings', 'wo_categories']) {
    await db.execute(sql.raw(`vacuum analyze ${t}`));
  }
  const [c] = rowsOf(await db.execute(sql`select
      (select count(*)::int from work_orders where company_id = ${companyId}) as "workOrders",
      (select count(*)::int from work_orders where company_id = ${companyId} and project_id = ${projectIds[0]!}
          and status in ('submitted','assigned','accepted','in_progress','paused')) as "pmOpen",
      (select count(*)::int from rooms where company_id = ${companyId}) as rooms`));
  log(`generated ${c.workOrders} work orders (${perProject} per project) in ${Math.round((Date.now() - started) / 1000)} s`);
  return { companyId, projectIds, pm: { ...pm, projectId: projectIds[0]! }, hq, pmOpen: c.pmOpen, rows: { projects: projectIds.length, ...c } };
}
