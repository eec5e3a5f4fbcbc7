import { and, eq, sql } from 'drizzle-orm';
import { eventsFrom, fenToYuanDecimal, resolveTransition, workOrderTransitions, type ActorRelations, type WorkOrderEventBody, type WorkOrderStatus } from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { AppError, badRequest, conflict, forbidden, staleVersion } from '../../lib/errors.ts';
import { BUSINESS_TZ, businessNow, dayjs } from '../../lib/time.ts';
import { record } from '../audit/audit.service.ts';
import { createOneOffCharge } from '../billing/bills.service.ts';
import { getProjectBillingSettings } from '../billing/project-settings.service.ts';
import { loadOrder, relationsOf, type WorkOrder } from './access.ts';
import { eligibleAssignee, poolEligible } from './assignees.ts';
import { notifyUsers, publishChange, watchersOf } from './changes.ts';
import { redispatchAfterReject } from './dispatch.ts';
import { claimPhotos } from './photos.ts';
import { deadlinesFor, shiftedByPause } from './sla.ts';
import { scheduleSla } from './sla-schedule.ts';
import { getWoSettings } from './settings.service.ts';
import { categoryOf } from './categories.service.ts';
import { woCategories, woEvents, workOrders } from './workorders.table.ts';

type Patch = Partial<typeof workOrders.$inferInsert>;
export interface ApplyOptions {
  /** written into the timeline row's data: why an automatic step chose what it chose */
  explain?: Record<string, unknown>;
  /** skip the version check (system steps act on the row they just locked) */
  trusted?: boolean;
}

/** Pauses that wait on the resident stop the SLA clock; waiting for parts is ours to answer for. */
const clockStops = (reason: string | null) => reason === 'resident' || reason === 'quote';
const statusLabel: Record<WorkOrderStatus, string> = {
  submitted: '待派单', assigned: '已派单', accepted: '已接单', in_progress: '处理中', paused: '已暂停',
  completed: '已完成', confirmed: '已评价', closed: '已关闭', cancelled: '已取消',
};

function illegal(o: WorkOrder, event: string): AppError {
  const allowed = eventsFrom(workOrderTransitions, o.status);
  return new AppError('illegal_transition', 409, `工单当前为「${statusLabel[o.status]}」，不能执行 ${event}（可执行：${allowed.join(', ') || '无'}）`,
    { currentStatus: o.status, event, allowedEvents: allowed });
}

/**
 * Applies one event to a locked order: the transition table decides (409 / 403), the event's own
 * rules follow, then the row, its timeline entry, the audit record, notifications and the live
 * push are written in the caller's transaction.
 */
export async function applyInTx(tx: Tx, ctx: AppContext, actor: Actor, o: WorkOrder, cmd: WorkOrderEventBody, opts: ApplyOptions = {}): Promise<WorkOrder> {
  const relations: ActorRelations = relationsOf(actor, o, cmd.event === 'grab' && o.inPool ? await poolEligible(tx, actor, o) : false);
  const found = resolveTransition(workOrderTransitions, o.status, cmd.event, actor.permissions, relations);
  if (!found.ok) {
    if (found.reason === 'illegal') throw illegal(o, cmd.event);
    throw forbidden(cmd.event === 'grab' ? '该工单不在您可抢的工单池中' : '您不能对该工单执行此操作（需为处理人、报事人或有相应权限）');
  }
  if (!opts.trusted && cmd.version !== o.version) throw staleVersion();
  const to = found.transition.to as WorkOrderStatus;
  const now = new Date();
  const patch: Patch = {};
  const data: Record<string, unknown> = { ...(opts.explain ?? {}) };
  const previousAssignee = o.assigneeUserId;

  switch (cmd.event) {
    case 'assign':
    case 'transfer': {
      if (cmd.event === 'transfer' && cmd.assigneeId === o.assigneeUserId) throw badRequest('已是当前处理人', [{ path: 'body.assigneeId', message: 'same_assignee' }]);
      const who = await eligibleAssignee(tx, o, await categoryOf(tx, o), cmd.assigneeId);
      Object.assign(patch, { assigneeUserId: who.userId, assigneeName: who.name, inPool: false, pausedAt: null, pauseReason: null });
      data.assignee = { id: who.userId, name: who.name };
      break;
    }
    case 'grab':
      Object.assign(patch, { assigneeUserId: actor.userId, assigneeName: actor.name, inPool: false });
      data.assignee = { id: actor.userId, name: actor.name };
      break;
    case 'accept':
      if (!o.acceptedAt) patch.acceptedAt = now;
      if (!o.acceptedAt && o.responseDueAt && now > o.responseDueAt) patch.overdue = true;
      break;
    case 'reject':
      Object.assign(patch, { assigneeUserId: null, assigneeName: null });
      break;
    case 'start':
      if (!o.startedAt) patch.startedAt = now;
      break;
    case 'pause':
      Object.assign(patch, { pausedAt: now, pauseReason: cmd.reason });
      data.reason = cmd.reason;
      break;
    case 'resume':
      if (o.pauseReason === 'quote') throw conflict('报价待住户确认，不能直接继续', { currentStatus: o.status, pauseReason: o.pauseReason });
      Object.assign(patch, await resumed(tx, o, now));
      break;
    case 'quote': {
      const cat = await categoryOf(tx, o);
      if (!cat?.chargeable) throw badRequest('该类别不是有偿服务，不能报价', [{ path: 'body.amountFen', message: 'not_chargeable' }]);
      if (!o.roomId) throw badRequest('有偿维修须关联房间（费用记入该房间）', [{ path: 'body.amountFen', message: 'room_required' }]);
      if (o.quoteStatus === 'accepted') throw conflict('报价已被接受，不能重新报价', { quoteStatus: o.quoteStatus });
      Object.assign(patch, { quoteFen: cmd.amountFen, quoteNote: cmd.note ?? null, quoteStatus: 'proposed', pausedAt: now, pauseReason: 'quote' });
      data.amountFen = cmd.amountFen;
      await notifyUsers(tx, ctx, o, 'workorder.quoted', [o.requesterUserId], { amount: fenToYuanDecimal(cmd.amountFen), note: cmd.note ?? '' });
      break;
    }
    case 'accept_quote':
    case 'decline_quote':
      if (o.pauseReason !== 'quote' || o.quoteStatus !== 'proposed') throw conflict('没有待确认的报价', { currentStatus: o.status, quoteStatus: o.quoteStatus });
      Object.assign(patch, await resumed(tx, o, now), { quoteStatus: cmd.event === 'accept_quote' ? 'accepted' : 'declined' });
      break;
    case 'complete': {
      Object.assign(patch, { completedAt: now, materials: cmd.materials ?? o.materials, labourMinutes: cmd.labourMinutes ?? o.labourMinutes });
      if (o.completeDueAt && now > o.completeDueAt) patch.overdue = true;
      if (o.quoteStatus === 'accepted' && !o.chargeBillId) patch.chargeBillId = await chargeRepair(tx, actor, o);
      if (patch.chargeBillId) data.chargeBillId = patch.chargeBillId;
      break;
    }
    case 'confirm':
      Object.assign(patch, { rating: cmd.rating, ratingComment: cmd.comment ?? null, confirmedAt: now });
      data.rating = cmd.rating;
      Object.assign(patch, await revisitAfterRating(tx, ctx, o, cmd.rating));
      break;
    case 'reopen': {
      const s = await getWoSettings(tx, o.companyId, o.projectId);
      if (!o.completedAt || dayjs(now).diff(o.completedAt, 'day', true) > s.reopenDays) {
        throw conflict(`完成超过 ${s.reopenDays} 天的工单不能重新打开，请重新报事`, { currentStatus: o.status, reopenDays: s.reopenDays });
      }
      Object.assign(patch, await deadlinesFor(tx, o, now), {
        completedAt: null, confirmedAt: null, rating: null, ratingComment: null, reopenCount: o.reopenCount + 1,
        responseWarnedAt: null, responseEscalatedAt: null, completeWarnedAt: null, completeEscalatedAt: null, hqEscalatedAt: null,
        acceptedAt: null, startedAt: null,
      });
      break;
    }
    case 'close':
      patch.closedAt = now;
      if (o.rating == null) Object.assign(patch, await sampledRevisit(tx, o));
      break;
    case 'cancel':
      patch.cancelledAt = now;
      break;
    case 'revisit':
      Object.assign(patch, { revisitStatus: 'done', revisitResult: cmd.result, revisitNote: cmd.note ?? null, revisitedAt: now });
      data.result = cmd.result;
      break;
  }

  const [next] = await tx.update(workOrders).set({ ...patch, status: to, version: sql`${workOrders.version} + 1` })
    .where(and(eq(workOrders.companyId, o.companyId), eq(workOrders.id, o.id))).returning();
  const photos = await claimPhotos(tx, actor, o, cmd.fileIds);
  await tx.insert(woEvents).values({
    companyId: o.companyId, workOrderId: o.id, event: cmd.event, fromStatus: o.status, toStatus: to, actorUserId: actor.userId,
    actorName: actor.name, note: cmd.note ?? null, data, fileIds: photos, lat: cmd.geo ? String(cmd.geo.lat) : null, lng: cmd.geo ? String(cmd.geo.lng) : null,
  });
  await record(tx, actor, 'workorder.transitioned', { type: 'work_order', id: o.id, projectId: o.projectId },
    { status: o.status, assigneeId: o.assigneeUserId, version: o.version }, { event: cmd.event, status: to, assigneeId: next!.assigneeUserId, version: next!.version });

  if (next!.assigneeUserId && next!.assigneeUserId !== previousAssignee) {
    await notifyUsers(tx, ctx, next!, 'workorder.assigned', [next!.assigneeUserId], {
      category: (await categoryOf(tx, next!))?.name ?? '', location: next!.locationText ?? '', due: next!.responseDueAt ? dayjs(next!.responseDueAt).tz(BUSINESS_TZ).format('MM-DD HH:mm') : '',
    });
  }
  if (['accept', 'complete', 'cancel', 'reopen', 'close'].includes(cmd.event) && next!.requesterUserId && next!.requesterUserId !== actor.userId) {
    await notifyUsers(tx, ctx, next!, 'workorder.status_changed', [next!.requesterUserId], { status: statusLabel[to], note: cmd.note ?? '' });
  }
  await scheduleSla(tx, ctx, next!, o);
  await publishChange(tx, ctx, next!, cmd.event, [previousAssignee]);
  if (cmd.event === 'reject') return redispatchAfterReject(tx, ctx, next!, actor.userId);
  return next!;
}

async function resumed(tx: Tx, o: WorkOrder, now: Date): Promise<Patch> {
  const moved = clockStops(o.pauseReason) ? await shiftedByPause(tx, o, now) : {};
  const { pausedMinutes: _m, ...deadlines } = moved as { pausedMinutes?: number };
  return { ...deadlines, pausedAt: null, pauseReason: null };
}

/** 有偿维修: the accepted quote becomes one one-off bill on the room, through billing's own function. */
async function chargeRepair(tx: Tx, actor: Actor, o: WorkOrder): Promise<string> {
  const [cat] = await tx.select().from(woCategories).where(and(eq(woCategories.companyId, o.companyId), eq(woCategories.id, o.categoryId!)));
  if (!cat?.feeItemId) throw conflict('该类别未设置收费项目，无法生成维修费账单', { categoryId: o.categoryId });
  const billing = await getProjectBillingSettings(tx, o.companyId, o.projectId);
  const bill = await createOneOffCharge(tx, actor, {
    roomId: o.roomId!, feeItemId: cat.feeItemId, amountFen: o.quoteFen!,
    dueDate: businessNow().add(billing.dueOffsetDays, 'day').format('YYYY-MM-DD'), description: `维修费 ${o.no}${o.quoteNote ? ` ${o.quoteNote}` : ''}`.slice(0, 200),
  });
  return bill.id;
}

/** Low ratings are always revisited; the rest by the project's sample (decided by the order id, so the same order always decides alike). */
async function revisitAfterRating(tx: Tx, ctx: AppContext, o: WorkOrder, rating: number): Promise<Patch> {
  if (o.revisitStatus === 'done') return {};
  if (rating <= 3) {
    await notifyUsers(tx, ctx, o, 'workorder.revisit_due', await watchersOf(tx, o.companyId, o.projectId, { deskOnly: true }), { rating });
    return { revisitStatus: 'pending' };
  }
  return sampledRevisit(tx, o);
}

async function sampledRevisit(tx: Tx, o: WorkOrder): Promise<Patch> {
  if (o.revisitStatus !== 'none') return {};
  const s = await getWoSettings(tx, o.companyId, o.projectId);
  const bucket = parseInt(o.id.replace(/-/g, '').slice(-4), 16) % 100;
  return bucket < s.revisitSamplePercent ? { revisitStatus: 'pending' } : {};
}

/** The route's entry, in the request's transaction: lock the order in scope, apply the event. */
export async function applyEvent(tx: Tx, ctx: AppContext, actor: Actor, id: string, cmd: WorkOrderEventBody): Promise<WorkOrder> {
  return applyInTx(tx, ctx, actor, await loadOrder(tx, actor, id, { lock: true }), cmd);
}
