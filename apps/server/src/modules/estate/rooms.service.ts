import { and, eq, sql } from 'drizzle-orm';
import { lockInScope } from '../../lib/lock-scoped.ts';
import type { z } from 'zod';
import { formatArea, type ZRoomStatusChange, type ZRoomUpdate } from '@wuye/shared';
import type { Executor } from '../../db/client.ts';
import { canSeeProject, requireCompany, type Actor } from '../../lib/actor.ts';
import { badRequest, conflict, notFound } from '../../lib/errors.ts';
import { businessNow, dayjs } from '../../lib/time.ts';
import { record } from '../audit/audit.service.ts';
import { rooms, roomStatusHistory } from './estate.table.ts';

export const roomView = (r: typeof rooms.$inferSelect) => ({
  id: r.id, projectId: r.projectId, buildingId: r.buildingId, unitId: r.unitId, floor: r.floor, number: r.number, code: r.code,
  type: r.type, buildingArea: formatArea(r.buildingArea), insideArea: r.insideArea == null ? null : formatArea(r.insideArea),
  status: r.status, deliveryDate: r.deliveryDate, version: r.version,
});

/** The room, locked for the rest of the transaction, if it is the actor's company's and in scope. */
export const lockRoom = (tx: Executor, actor: Actor, id: string, version?: number) => lockInScope(tx, rooms, actor, id, '房间', version);

export async function getRoom(db: Executor, actor: Actor, id: string) {
  const [r] = await db.select().from(rooms).where(and(eq(rooms.companyId, requireCompany(actor)), eq(rooms.id, id)));
  if (!r || !canSeeProject(actor, r.projectId)) throw notFound('房间');
  return r;
}

export async function updateRoom(db: Executor, actor: Actor, id: string, input: z.output<typeof ZRoomUpdate>) {
  return db.transaction(async (tx) => {
    const before = await lockRoom(tx, actor, id, input.version);
    const inside = input.insideArea === undefined ? before.insideArea : input.insideArea;
    const building = input.buildingArea ?? before.buildingArea;
    if (inside != null && inside > building) throw badRequest('套内面积不能大于建筑面积', [{ path: 'body.insideArea', message: 'exceeds_building_area' }]);
    const [after] = await tx.update(rooms).set({
      ...(input.type ? { type: input.type } : {}), buildingArea: building, insideArea: inside,
      ...(input.deliveryDate !== undefined ? { deliveryDate: input.deliveryDate } : {}),
      version: sql`${rooms.version} + 1`,
    }).where(eq(rooms.id, id)).returning();
    await record(tx, actor, 'estate.room_updated', { type: 'room', id, projectId: before.projectId }, roomView(before), roomView(after!));
    return roomView(after!);
  });
}

type Room = typeof rooms.$inferSelect;
type RoomStatus = Room['status'];

/** Business dates in these records are today or earlier (Asia/Shanghai). */
export function notAfterToday(date: string, path: string) {
  if (date > businessNow().format('YYYY-MM-DD')) throw badRequest('日期不能晚于今天', [{ path, message: 'future_date' }]);
}

/**
 * Puts a room the caller has locked into `status` from `from` (never before the period in force
 * began): the open period ends the day before and a new one starts, so any past day has exactly
 * one status; a change on the open period's first day replaces it. The caller audits.
 */
export async function applyStatus(tx: Executor, actor: Actor, room: Room, status: RoomStatus, from: string, path = 'body.from') {
  const [open] = await tx.select().from(roomStatusHistory)
    .where(and(eq(roomStatusHistory.companyId, room.companyId), eq(roomStatusHistory.roomId, room.id), sql`${roomStatusHistory.validTo} is null`));
  if (open && from < open.validFrom) throw conflict(`生效日期早于当前状态的开始日期（${open.validFrom}）`, [{ path, message: 'before_current_period' }]);
  if (open && open.status === status) throw conflict(`房间已是该状态（自 ${open.validFrom} 起）`);
  if (open && from === open.validFrom) {
    await tx.update(roomStatusHistory).set({ status, changedBy: actor.userId }).where(eq(roomStatusHistory.id, open.id));
  } else {
    if (open) {
      await tx.update(roomStatusHistory).set({ validTo: dayjs(from).subtract(1, 'day').format('YYYY-MM-DD') }).where(eq(roomStatusHistory.id, open.id));
    }
    await tx.insert(roomStatusHistory).values({ companyId: room.companyId, roomId: room.id, status, validFrom: from, changedBy: actor.userId });
  }
  const [after] = await tx.update(rooms).set({ status, version: sql`${rooms.version} + 1` }).where(eq(rooms.id, room.id)).returning();
  return after!;
}

/** Changes a room's status from a date (today or earlier; default today). */
export async function changeStatus(db: Executor, actor: Actor, id: string, input: z.output<typeof ZRoomStatusChange>) {
  const from = input.from ?? businessNow().format('YYYY-MM-DD');
  notAfterToday(from, 'body.from');
  return db.transaction(async (tx) => {
    const room = await lockRoom(tx, actor, id, input.version);
    const after = await applyStatus(tx, actor, room, input.status, from);
    await record(tx, actor, 'estate.room_status_changed', { type: 'room', id, projectId: room.projectId }, { status: room.status }, { status: input.status, from });
    return roomView(after);
  });
}

export async function statusHistory(db: Executor, actor: Actor, id: string) {
  const room = await getRoom(db, actor, id);
  const rows = await db.select().from(roomStatusHistory)
    .where(and(eq(roomStatusHistory.companyId, room.companyId), eq(roomStatusHistory.roomId, id))).orderBy(roomStatusHistory.validFrom);
  return rows.map((h) => ({ status: h.status, validFrom: h.validFrom, validTo: h.validTo }));
}
