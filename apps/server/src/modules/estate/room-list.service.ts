import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { formatArea, type ZRoomQuery } from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import type { Actor } from '../../lib/actor.ts';
import { rooms } from './estate.table.ts';
import { roomFilter } from './room-filter.ts';

/** "张三" for one current owner, "张三 等2人" for several (the largest share named). */
export const ownerLabel = (name: string | null, owners: number) => (name == null ? null : owners > 1 ? `${name} 等${owners}人` : name);

/**
 * The rooms list with each room's current owner. The page of rooms is cut first and the owner
 * joined laterally to those rows only, so a page costs one query (plus the count) whatever its
 * size. Phones are the stored masked copies: a list never decrypts.
 */
export async function listRooms(ctx: AppContext, actor: Actor, q: z.output<typeof ZRoomQuery>) {
  const where = roomFilter(ctx, actor, q);
  const db = ctx.database.db;
  const [page, [n]] = await Promise.all([
    db.execute(sql`
      select r.*, o.name as owner_name, o.phone_masked as owner_phone, o.owners
        from (select * from rooms where ${where} order by ${rooms.code}, ${rooms.id} limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}) r
        left join lateral (
          select p.name, p.phone_masked, count(*) over () as owners
            from room_residents rr join persons p on p.id = rr.person_id
           where rr.company_id = r.company_id and rr.room_id = r.id and rr.valid_to is null and rr.relation in ('owner', 'co_owner')
           order by rr.share_bp desc nulls last, rr.valid_from, rr.id
           limit 1) o on true
       order by r.code, r.id`),
    db.select({ n: sql<number>`count(*)::int` }).from(rooms).where(where),
  ]);
  return {
    items: (page as any).rows.map((r: any) => ({
      id: r.id, projectId: r.project_id, buildingId: r.building_id, unitId: r.unit_id, floor: r.floor, number: r.number, code: r.code,
      type: r.type, buildingArea: formatArea(Number(r.building_area)), insideArea: r.inside_area == null ? null : formatArea(Number(r.inside_area)),
      status: r.status, version: r.version,
      ownerName: ownerLabel(r.owner_name, Number(r.owners ?? 0)), ownerPhone: r.owner_phone ?? null,
    })),
    total: Number(n!.n), page: q.page, pageSize: q.pageSize,
  };
}
