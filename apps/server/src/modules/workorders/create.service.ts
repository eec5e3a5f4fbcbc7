import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZMyWorkOrderCreate, ZWorkOrderCreate } from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import { canSeeProject, requireCompany, type Actor } from '../../lib/actor.ts';
import { badRequest, forbidden, notFound } from '../../lib/errors.ts';
import { record } from '../audit/audit.service.ts';
import { buildings, facilities, rooms } from '../estate/estate.table.ts';
import { projectExists } from '../org/projects.service.ts';
import type { WorkOrder } from './access.ts';
import { notifyUsers, publishChange, watchersOf } from './changes.ts';
import { dispatchOnSubmit } from './dispatch.ts';
import { nextOrderNo } from './numbering.ts';
import { claimPhotos } from './photos.ts';
import { deadlinesFor } from './sla.ts';
import { scheduleSla } from './sla-schedule.ts';
import { woCategories, woEvents, workOrders } from './workorders.table.ts';

type StaffInput = z.output<typeof ZWorkOrderCreate>;
type MyInput = z.output<typeof ZMyWorkOrderCreate>;
type Input = StaffInput | MyInput;

const field = (path: string, message: string) => [{ path: `body.${path}`, message }];

/** The place the request is about, checked to be in the project; the building follows from a room or facility. */
async function placeOf(tx: Tx, companyId: string, projectId: string, input: Input) {
  let buildingId = input.buildingId ?? null;
  let roomLabel: string | null = null;
  if (input.roomId) {
    const [r] = await tx.select({ projectId: rooms.projectId, buildingId: rooms.buildingId, code: rooms.code }).from(rooms)
      .where(and(eq(rooms.companyId, companyId), eq(rooms.id, input.roomId)));
    if (!r || r.projectId !== projectId) throw badRequest('房间不在该项目', field('roomId', 'not_in_project'));
    buildingId = r.buildingId;
    roomLabel = r.code;
  }
  let facilityLabel: string | null = null;
  if (input.facilityId) {
    const [f] = await tx.select({ projectId: facilities.projectId, buildingId: facilities.buildingId, name: facilities.name }).from(facilities)
      .where(and(eq(facilities.companyId, companyId), eq(facilities.id, input.facilityId)));
    if (!f || f.projectId !== projectId) throw badRequest('公共设施不在该项目', field('facilityId', 'not_in_project'));
    buildingId = buildingId ?? f.buildingId;
    facilityLabel = f.name;
  }
  if (input.buildingId && !input.roomId) {
    const [b] = await tx.select({ projectId: buildings.projectId }).from(buildings).where(and(eq(buildings.companyId, companyId), eq(buildings.id, input.buildingId)));
    if (!b || b.projectId !== projectId) throw badRequest('楼栋不在该项目', field('buildingId', 'not_in_project'));
  }
  const label = input.locationText ?? facilityLabel ?? roomLabel ?? null;
  return { buildingId, locationText: label };
}

async function categoryFor(tx: Tx, companyId: string, input: Input) {
  if (!input.categoryId) {
    if (input.type === 'repair') throw badRequest('报修须选择类别', field('categoryId', 'required_for_repair'));
    return null;
  }
  const [c] = await tx.select().from(woCategories).where(and(eq(woCategories.companyId, companyId), eq(woCategories.id, input.categoryId)));
  if (!c || c.status !== 'active') throw badRequest('类别不存在或已停用', field('categoryId', 'unknown_category'));
  return c;
}

/** A resident reports for a room only if bound to it now; a public-area request needs one of their projects. */
async function checkResidentPlace(tx: Tx, actor: Actor, input: MyInput) {
  if (!canSeeProject(actor, input.projectId)) throw notFound('项目');
  if (!input.roomId) return;
  const res: any = await tx.execute(sql`select 1 from resident_rooms where company_id = ${actor.companyId} and membership_id = ${actor.membershipId}
    and room_id = ${input.roomId} and status = 'active'`);
  if (res.rows.length === 0) throw notFound('房屋');
}

/** Front desk entering a call for a room: the caller, if a resident bound to that room, becomes the requester and sees it in their app. */
async function residentByPhone(tx: Tx, companyId: string, roomId: string | undefined, phone: string | undefined) {
  if (!roomId || !phone) return null;
  const res: any = await tx.execute(sql`
    select u.id, m.display_name as name from users u
      join memberships m on m.user_id = u.id and m.company_id = ${companyId} and m.kind = 'resident'
      join resident_rooms rr on rr.company_id = m.company_id and rr.membership_id = m.id and rr.room_id = ${roomId} and rr.status = 'active'
     where u.phone = ${phone} limit 1`);
  return (res.rows[0] as { id: string; name: string } | undefined) ?? null;
}

/**
 * 报事: one transaction writes the order (numbered, with its deadlines), the first timeline row
 * with the photos, the audit record, and whatever the project's dispatch mode does next.
 */
export async function createInTx(tx: Tx, ctx: AppContext, actor: Actor, input: Input, as: 'staff' | 'resident'): Promise<WorkOrder> {
  const companyId = requireCompany(actor);
  if (as === 'staff') {
    if (actor.memberKind === 'resident') throw forbidden('住户请在住户端报事');
    if (!canSeeProject(actor, input.projectId) || !(await projectExists(tx, companyId, input.projectId))) throw notFound('项目');
  } else {
    if (actor.memberKind !== 'resident') throw forbidden('员工请在工作台登记工单');
    await checkResidentPlace(tx, actor, input as MyInput);
  }
  const category = await categoryFor(tx, companyId, input);
  const place = await placeOf(tx, companyId, input.projectId, input);
  const priority = input.priority ?? category?.defaultPriority ?? 'normal';
  const now = new Date();
  const deadlines = await deadlinesFor(tx, { companyId, projectId: input.projectId, categoryId: category?.id ?? null, priority }, now);
  const caller = as === 'staff' && ['desk', 'phone'].includes(input.source) ? await residentByPhone(tx, companyId, input.roomId, input.contactPhone) : null;
  const requester = as === 'resident' ? { id: actor.userId, name: actor.name } : caller ?? (actor.userId ? { id: actor.userId, name: actor.name } : { id: null, name: actor.name });

  const [o] = await tx.insert(workOrders).values({
    companyId, projectId: input.projectId, no: await nextOrderNo(tx, companyId), type: input.type, source: input.source,
    categoryId: category?.id ?? null, priority, description: input.description, area: input.area, roomId: input.roomId ?? null,
    buildingId: place.buildingId, facilityId: input.facilityId ?? null, locationText: place.locationText, equipmentCode: input.equipmentCode ?? null,
    requesterUserId: requester.id, requesterName: requester.name, contactName: input.contactName ?? (as === 'resident' ? actor.name : null),
    contactPhone: input.contactPhone ?? null,
    preferredFrom: input.preferredFrom ? new Date(input.preferredFrom) : null, preferredTo: input.preferredTo ? new Date(input.preferredTo) : null,
    ...deadlines, createdAt: now,
  }).returning();
  const photos = await claimPhotos(tx, actor, o!, input.fileIds);
  await tx.insert(woEvents).values({
    companyId, workOrderId: o!.id, event: 'submit', fromStatus: null, toStatus: 'submitted', actorUserId: actor.userId, actorName: actor.name,
    note: null, data: { source: input.source, ...(caller ? { requesterMatchedByPhone: true } : {}) }, fileIds: photos,
  });
  await record(tx, actor, 'workorder.created', { type: 'work_order', id: o!.id, projectId: o!.projectId }, null, { no: o!.no, type: o!.type, source: o!.source, priority });

  const dispatched = await dispatchOnSubmit(tx, ctx, o!);
  if (dispatched.status === 'submitted') {
    await notifyUsers(tx, ctx, dispatched, 'workorder.submitted', await watchersOf(tx, companyId, dispatched.projectId, { deskOnly: true }), {
      category: category?.name ?? '', location: dispatched.locationText ?? '', description: dispatched.description.slice(0, 60),
    });
  }
  await scheduleSla(tx, ctx, dispatched, null);
  await publishChange(tx, ctx, dispatched, 'submit');
  return dispatched;
}
