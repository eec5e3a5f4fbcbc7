import { sql } from 'drizzle-orm';
import type { AppDb } from '../../apps/server/src/db/client.ts';
import { createCompanyWithRoles } from '../../apps/server/src/modules/org/company.service.ts';
import { projects } from '../../apps/server/src/modules/org/org.table.ts';

/** One company, one project, `n` residents (user + membership + room binding), set-based. */
export async function generateResidents(db: AppDb, n: number) {
  const company = await createCompanyWithRoles(db, { code: 'BENCH', name: '压测物业' });
  const [project] = await db.insert(projects).values({ companyId: company.id, code: 'P1', name: '压测花园' }).returning();
  await db.execute(sql`
    insert into users (id, phone, name, password_hash)
    select uuid_v7(), '19' || lpad(i::text, 9, '0'), '住户' || i, 'x' from generate_series(1, ${n}) i`);
  await db.execute(sql`
    insert into memberships (id, company_id, user_id, kind, display_name)
    select uuid_v7(), ${company.id}, u.id, 'resident', u.name from users u where u.phone like '19%'`);
  await db.execute(sql`
    insert into resident_rooms (id, company_id, project_id, membership_id, room_id, relation, status)
    select uuid_v7(), ${company.id}, ${project!.id}, m.id, uuid_v7(), 'owner', 'active'
      from memberships m where m.company_id = ${company.id}`);
  await db.execute(sql`analyze`);
  return { companyId: company.id, projectId: project!.id };
}
