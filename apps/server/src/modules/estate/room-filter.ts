import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { requireCompany, type Actor } from '../../lib/actor.ts';
import { likeEscape } from '../../lib/like.ts';
import { projectScope } from '../../lib/scope-sql.ts';
import { rooms } from './estate.table.ts';
import { cipherOf } from './persons.service.ts';

export interface RoomFilter {
  projectId?: string; buildingId?: string; unitId?: string; status?: string; q?: string; owner?: string; phone?: string;
}

/** The rooms list's filters, shared by the list and its Excel export: code, status, current owner by name or exact phone. */
export function roomFilter(ctx: AppContext, actor: Actor, q: RoomFilter): SQL {
  const conds: SQL[] = [eq(rooms.companyId, requireCompany(actor)), projectScope(actor, rooms.projectId, q.projectId)];
  if (q.buildingId) conds.push(eq(rooms.buildingId, q.buildingId));
  if (q.unitId) conds.push(eq(rooms.unitId, q.unitId));
  if (q.status) conds.push(sql`${rooms.status} = ${q.status}`);
  if (q.q) conds.push(sql`${rooms.code} like ${`%${likeEscape(q.q)}%`}`);
  if (q.owner || q.phone) {
    const who = q.phone
      ? sql`p.phone_bidx = ${cipherOf(ctx).blindIndex(q.phone)}`
      : sql`p.name like ${`${likeEscape(q.owner!)}%`}`;
    conds.push(sql`exists (select 1 from room_residents rr join persons p on p.id = rr.person_id
      where rr.company_id = ${rooms.companyId} and rr.room_id = ${rooms.id} and rr.valid_to is null and ${who})`);
  }
  return and(...conds)!;
}
