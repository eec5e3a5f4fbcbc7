import { sql } from 'drizzle-orm';
import { openStatuses } from '@wuye/shared';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { phoneFor } from '../../lib/pii.ts';
import { iso } from '../../lib/time.ts';
import type { WorkOrder } from './access.ts';

type Joined = { o: WorkOrder; projectName: string; categoryName: string | null; roomCode: string | null; buildingName: string | null };
const ids = (xs: (string | null)[]) => sql.param([...new Set(xs.filter((x): x is string => !!x))]);

/**
 * The names a list row shows (project, category, room, building), for a page of orders in one
 * round trip. Joining them into the page query made PostgreSQL spend ~6 ms planning a 20-row
 * page on a million orders; four tiny lookups by primary key plan in a fraction of that.
 */
export async function withNames(db: Executor, companyId: string, orders: WorkOrder[]): Promise<Joined[]> {
  if (orders.length === 0) return [];
  const res: any = await db.execute(sql`
    select 'p' as k, id, name from projects where company_id = ${companyId} and id = any(${ids(orders.map((o) => o.projectId))}::uuid[])
    union all select 'c', id, name from wo_categories where company_id = ${companyId} and id = any(${ids(orders.map((o) => o.categoryId))}::uuid[])
    union all select 'r', id, code from rooms where company_id = ${companyId} and id = any(${ids(orders.map((o) => o.roomId))}::uuid[])
    union all select 'b', id, name from buildings where company_id = ${companyId} and id = any(${ids(orders.map((o) => o.buildingId))}::uuid[])`);
  const name = new Map<string, string>((res.rows as { k: string; id: string; name: string }[]).map((r) => [`${r.k}${r.id}`, r.name]));
  const of = (k: string, id: string | null) => (id ? name.get(`${k}${id}`) ?? null : null);
  return orders.map((o) => ({ o, projectName: of('p', o.projectId) ?? '', categoryName: of('c', o.categoryId), roomCode: of('r', o.roomId), buildingName: of('b', o.buildingId) }));
}

/** Missed a deadline (the flag), or open, running and past its completion deadline right now (before the SLA job sets the flag). */
export const isOverdue = (o: Pick<WorkOrder, 'overdue' | 'status' | 'completeDueAt' | 'pausedAt'>, now = new Date()) =>
  o.overdue || ((openStatuses as readonly string[]).includes(o.status) && !!o.completeDueAt && o.completeDueAt < now && !o.pausedAt);

export function rowView(r: Joined) {
  const o = r.o;
  return {
    id: o.id, no: o.no, projectId: o.projectId, projectName: r.projectName, type: o.type, source: o.source, status: o.status, priority: o.priority,
    categoryId: o.categoryId, categoryName: r.categoryName, description: o.description, area: o.area, roomId: o.roomId, roomCode: r.roomCode,
    buildingId: o.buildingId, buildingName: r.buildingName, facilityId: o.facilityId, locationText: o.locationText,
    assigneeId: o.assigneeUserId, assigneeName: o.assigneeName, requesterName: o.requesterName,
    responseDueAt: iso(o.responseDueAt), completeDueAt: iso(o.completeDueAt), overdue: isOverdue(o), inPool: o.inPool,
    rating: o.rating, createdAt: o.createdAt.toISOString(), completedAt: iso(o.completedAt), version: o.version,
  };
}

export function detailFields(actor: Actor, o: WorkOrder) {
  return {
    contactName: o.contactName, contactPhone: actor.memberKind === 'resident' ? o.contactPhone : phoneFor(actor, o.contactPhone),
    equipmentCode: o.equipmentCode, preferredFrom: iso(o.preferredFrom), preferredTo: iso(o.preferredTo),
    acceptedAt: iso(o.acceptedAt), startedAt: iso(o.startedAt), confirmedAt: iso(o.confirmedAt), closedAt: iso(o.closedAt),
    pausedAt: iso(o.pausedAt), pauseReason: o.pauseReason, slaClock: o.slaClock, materials: o.materials, labourMinutes: o.labourMinutes,
    ratingComment: o.ratingComment, chargeBillId: o.chargeBillId, reopenCount: o.reopenCount,
    quote: o.quoteFen != null && o.quoteStatus ? { amountFen: o.quoteFen, note: o.quoteNote, status: o.quoteStatus } : null,
    revisit: { status: o.revisitStatus, result: o.revisitResult as any, note: o.revisitNote, at: iso(o.revisitedAt) },
  };
}
