import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { phoneFor } from '../../lib/pii.ts';
import { iso } from '../../lib/time.ts';
import { buildings, rooms } from '../estate/estate.table.ts';
import { projects } from '../org/org.table.ts';
import type { WorkOrder } from './access.ts';
import { woCategories, workOrders } from './workorders.table.ts';

const rowColumns = {
  o: workOrders, projectName: projects.name, categoryName: woCategories.name, roomCode: rooms.code, buildingName: buildings.name,
};
type Joined = { o: WorkOrder; projectName: string; categoryName: string | null; roomCode: string | null; buildingName: string | null };

/** Orders with the names the list shows, in one statement. */
export function selectRows(db: Executor) {
  return db.select(rowColumns).from(workOrders)
    .innerJoin(projects, eq(projects.id, workOrders.projectId))
    .leftJoin(woCategories, eq(woCategories.id, workOrders.categoryId))
    .leftJoin(rooms, eq(rooms.id, workOrders.roomId))
    .leftJoin(buildings, eq(buildings.id, workOrders.buildingId));
}

export const isOverdue = (o: WorkOrder, now = new Date()) =>
  o.overdue || (['submitted', 'assigned', 'accepted', 'in_progress', 'paused'].includes(o.status) && !!o.completeDueAt && o.completeDueAt < now && !o.pausedAt);

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

export async function rowById(db: Executor, companyId: string, id: string) {
  const [r] = await selectRows(db).where(and(eq(workOrders.companyId, companyId), eq(workOrders.id, id)));
  return r ? rowView(r) : null;
}

