import { openStatuses } from '@wuye/shared';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { phoneFor } from '../../lib/pii.ts';
import { iso } from '../../lib/time.ts';
import type { WorkOrder } from './access.ts';
import { namesOf } from './list-caches.ts';

/** The columns a list row needs (what list-page.ts selects). */
export type ListOrder = Pick<WorkOrder, 'id' | 'no' | 'projectId' | 'type' | 'source' | 'status' | 'priority' | 'categoryId' | 'description' | 'area'
  | 'roomId' | 'buildingId' | 'facilityId' | 'locationText' | 'assigneeUserId' | 'assigneeName' | 'requesterName' | 'responseDueAt' | 'completeDueAt'
  | 'overdue' | 'pausedAt' | 'inPool' | 'rating' | 'createdAt' | 'completedAt' | 'version'>;
type Names = { projectName: string; categoryName: string | null; roomCode: string | null; buildingName: string | null };
type Joined = { o: WorkOrder } & Names;
/** The names the row view shows (project, category, room, building), read fresh for these orders. */
export async function withNames(db: Executor, companyId: string, orders: WorkOrder[]): Promise<Joined[]> {
  const name = await namesOf(db, companyId, orders.flatMap((o) => [
    { kind: 'p' as const, id: o.projectId }, { kind: 'c' as const, id: o.categoryId }, { kind: 'b' as const, id: o.buildingId }, { kind: 'r' as const, id: o.roomId },
  ]), { fresh: true });
  const of = (k: string, id: string | null) => (id ? name.get(`${k}${id}`) ?? null : null);
  return orders.map((o) => ({ o, projectName: of('p', o.projectId) ?? '', categoryName: of('c', o.categoryId), roomCode: of('r', o.roomId), buildingName: of('b', o.buildingId) }));
}

/** Missed a deadline (the flag), or open, running and past its completion deadline right now (before the SLA job sets the flag). */
export const isOverdue = (o: Pick<WorkOrder, 'overdue' | 'status' | 'completeDueAt' | 'pausedAt'>, now = new Date()) =>
  o.overdue || ((openStatuses as readonly string[]).includes(o.status) && !!o.completeDueAt && o.completeDueAt < now && !o.pausedAt);

export function rowView(r: { o: ListOrder } & Names) {
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
