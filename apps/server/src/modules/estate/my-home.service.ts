import { sql } from 'drizzle-orm';
import { formatArea } from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import type { Actor } from '../../lib/actor.ts';
import { notFound } from '../../lib/errors.ts';
import { businessNow, iso } from '../../lib/time.ts';

/** Owners first, then co-owners, tenants, family: the order a resident reads a household in. */
const relationOrder = sql`case rr.relation when 'owner' then 0 when 'co_owner' then 1 when 'tenant' then 2 else 3 end`;

/**
 * One of the resident's own bound rooms with the people related to it today and its vehicles.
 * Any other room — another resident's in the same project included — reads as not found.
 * Phones come from the stored masked copy only: a resident never sees anyone's full number,
 * and nothing here needs the decryption key.
 */
export async function myRoom(ctx: AppContext, actor: Actor, roomId: string) {
  if (!actor.companyId || !actor.membershipId) throw notFound('房屋');
  const db = ctx.database.db;
  const found: any = await db.execute(sql`
    select r.id as "roomId", r.code as "roomCode", r.project_id as "projectId", p.name as "projectName", rr.relation,
           r.building_area as area, r.status
      from resident_rooms rr
      join rooms r on r.company_id = rr.company_id and r.id = rr.room_id
      join projects p on p.id = r.project_id
     where rr.company_id = ${actor.companyId} and rr.membership_id = ${actor.membershipId} and rr.room_id = ${roomId} and rr.status = 'active'`);
  const room = found.rows[0];
  if (!room) throw notFound('房屋');
  const today = businessNow().format('YYYY-MM-DD');
  const [people, vehicles]: any[] = await Promise.all([
    db.execute(sql`
      select rr.id, p.name, rr.relation, p.phone_masked as phone, coalesce(p.user_id = ${actor.userId}, false) as me
        from room_residents rr join persons p on p.company_id = rr.company_id and p.id = rr.person_id
       where rr.company_id = ${actor.companyId} and rr.room_id = ${roomId}
         and rr.valid_from <= ${today}::date and (rr.valid_to is null or rr.valid_to >= ${today}::date)
       order by ${relationOrder}, rr.valid_from, p.name`),
    db.execute(sql`
      select id, plate, brand, color from vehicles
       where company_id = ${actor.companyId} and room_id = ${roomId} and status = 'active'
       order by plate`),
  ]);
  const { area, ...rest } = room;
  return {
    ...rest, buildingArea: formatArea(Number(area)),
    people: people.rows.map((p: any) => ({ ...p, me: Boolean(p.me) })),
    vehicles: vehicles.rows,
  };
}

/**
 * The account's own binding requests, newest first. Keyed by the account, not the company: a
 * person waiting for their first approval belongs to no company yet and must still see it.
 */
export async function myBindings(ctx: AppContext, actor: Actor) {
  const res: any = await ctx.database.db.execute(sql`
    select b.id, b.room_id as "roomId", r.code as "roomCode", p.name as "projectName", b.name, b.relation, b.status, b.note,
           b.created_at as "createdAt", b.decided_at as "decidedAt"
      from room_bindings b
      join rooms r on r.company_id = b.company_id and r.id = b.room_id
      join projects p on p.id = b.project_id
     where b.user_id = ${actor.userId}
     order by b.created_at desc
     limit 50`);
  return res.rows.map((b: any) => ({ ...b, createdAt: iso(new Date(b.createdAt)), decidedAt: b.decidedAt ? iso(new Date(b.decidedAt)) : null }));
}
