import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { allowedEvents, workOrderTransitions, type ZWorkOrderQuery } from '@wuye/shared';
import type { Executor } from '../../db/client.ts';
import { requireCompany, type Actor } from '../../lib/actor.ts';
import { likeEscape } from '../../lib/like.ts';
import { BUSINESS_TZ } from '../../lib/time.ts';
import { loadOrder, orderScope, relationsOf, type WorkOrder } from './access.ts';
import { poolEligible } from './assignees.ts';
import { orderFiles } from './photos.ts';
import { listPage } from './list-page.ts';
import { detailFields, rowView, withNames } from './views.ts';
import { woEvents, workOrders } from './workorders.table.ts';

type Query = z.output<typeof ZWorkOrderQuery>;

function filters(actor: Actor, q: Query): SQL[] {
  const c: SQL[] = [eq(workOrders.companyId, requireCompany(actor)), orderScope(actor, q.projectId)];
  if (q.status?.length) c.push(sql`${workOrders.status} = any(${sql.param(q.status)}::text[])`);
  if (q.type) c.push(eq(workOrders.type, q.type));
  if (q.source) c.push(eq(workOrders.source, q.source));
  if (q.categoryId) c.push(eq(workOrders.categoryId, q.categoryId));
  if (q.priority) c.push(eq(workOrders.priority, q.priority));
  if (q.assigneeId) c.push(eq(workOrders.assigneeUserId, q.assigneeId));
  if (q.mine === 'me') c.push(eq(workOrders.assigneeUserId, actor.userId ?? '00000000-0000-0000-0000-000000000000'));
  if (q.mine === 'pool') c.push(sql`${workOrders.inPool} and ${workOrders.status} = 'submitted'`);
  if (q.buildingId) c.push(eq(workOrders.buildingId, q.buildingId));
  if (q.roomId) c.push(eq(workOrders.roomId, q.roomId));
  if (q.facilityId) c.push(eq(workOrders.facilityId, q.facilityId));
  if (q.revisit) c.push(eq(workOrders.revisitStatus, q.revisit));
  if (q.from) c.push(sql`${workOrders.createdAt} >= (${q.from}::date)::timestamp at time zone ${BUSINESS_TZ}`);
  if (q.to) c.push(sql`${workOrders.createdAt} < ((${q.to}::date + 1)::timestamp at time zone ${BUSINESS_TZ})`);
  // the flag, not a comparison with now(): the SLA jobs set it within a minute of a missed deadline, and it is indexed
  if (q.overdue === 'true') c.push(eq(workOrders.overdue, true));
  if (q.overdue === 'false') c.push(eq(workOrders.overdue, false));
  if (q.q) {
    const like = `%${likeEscape(q.q)}%`;
    c.push(sql`(${workOrders.no} ilike ${like} or ${workOrders.description} ilike ${like} or ${workOrders.locationText} ilike ${like})`);
  }
  return c;
}

/** The console list, my tasks (sort by deadline), the grab pool: the filters the contract allows, in one statement. */
export async function listOrders(db: Executor, actor: Actor, q: Query) {
  const page = await listPage(db, requireCompany(actor), and(...filters(actor, q))!, q.sort, q.pageSize, (q.page - 1) * q.pageSize);
  return { ...page, page: q.page, pageSize: q.pageSize };
}

/**
 * The desk's working notes — dispatch suggestions and failures (colleagues' names and loads) and
 * SLA warnings and escalations — are not the resident's business; their progress is the transitions.
 */
const internal = (event: string) => event.startsWith('dispatch_') || event.startsWith('sla_');

async function timelineOf(db: Executor, actor: Actor, o: WorkOrder) {
  const all = await db.select().from(woEvents).where(and(eq(woEvents.companyId, o.companyId), eq(woEvents.workOrderId, o.id))).orderBy(asc(woEvents.createdAt), asc(woEvents.id));
  const events = actor.memberKind === 'resident' ? all.filter((e) => !internal(e.event)) : all;
  const photos = await orderFiles(db, o.companyId, o.id);
  const byId = new Map(photos.map((p) => [p.id, p]));
  return {
    files: photos,
    timeline: events.map((e) => ({
      id: e.id, event: e.event, fromStatus: e.fromStatus as any, toStatus: e.toStatus as any, actorName: e.actorName, actorId: e.actorUserId,
      note: e.note, data: e.data as Record<string, unknown>, files: e.fileIds.map((id) => byId.get(id)).filter((f) => !!f),
      geo: e.lat && e.lng ? { lat: Number(e.lat), lng: Number(e.lng) } : null, createdAt: e.createdAt.toISOString(),
    })),
  };
}

/** The detail page: the order, its timeline with photos, and the events this actor may fire now. */
export async function getDetail(db: Executor, actor: Actor, id: string) {
  return detailOf(db, actor, await loadOrder(db, actor, id));
}

/**
 * The detail of an order the actor was allowed to act on. After a transition it may have left
 * their scope (a technician who handed it back): they still get the answer to what they did.
 */
export async function detailOf(db: Executor, actor: Actor, o: WorkOrder) {
  const [row] = await withNames(db, o.companyId, [o]);
  const pool = o.inPool && o.status === 'submitted' ? await poolEligible(db, actor, o) : false;
  const abilities = allowedEvents(workOrderTransitions, o.status, actor.permissions, relationsOf(actor, o, pool));
  const { files: photos, timeline } = await timelineOf(db, actor, o);
  return { ...rowView(row!), ...detailFields(actor, o), files: photos, timeline, abilities };
}

/** The resident's own requests, newest first. */
export async function listMine(db: Executor, actor: Actor, q: { page: number; pageSize: number; status?: string[] }) {
  return listOrders(db, actor, { ...q, sort: 'created' } as Query);
}

