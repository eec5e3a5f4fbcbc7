import { and, eq, sql } from 'drizzle-orm';
import { lockInScope } from '../../lib/lock-scoped.ts';
import type { z } from 'zod';
import { formatArea, type ZRoomStatusChange, type ZRoomUpdate } from '@wuye/shared';
import type { Executor } from '../../db/client.ts';
import { canSeeProject, requireCompany, type Actor } from '../../lib/actor.ts';
import { badRequest, conflict, notFound, staleVersion } from '../../lib/errors.ts';
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

/**
 * Changes a room's status from a date (today or earlier, never before the period in force began):
 * the open period ends the day before and a new one starts, so any past day has exactly one status.
 */
export async function changeStatus(db: Executor, actor: Actor, id: string, input: z.output<typeof ZRoomStatusChange>) {
  const today = businessNow().format('YYYY-MM-DD');
  const from = input.from ?? today;
  if (from > today) throw badRequest('生效日期不能晚于今天', [{ path: 'body.from', message: 'future_date' }]);
  return db.transaction(async (tx) => {
    const room = await lockRoom(tx, actor, id, input.version);
    const [open] = await tx.select().from(roomStatusHistory)
      .where(and(eq(roomStatusHistory.companyId, room.companyId), eq(roomStatusHistory.roomId, id), sql`${roomStatusHistory.validTo} is null`));
    if (open && from < open.validFrom) throw conflict(`生效日期早于当前状态的开始日期（${open.validFrom}）`, [{ path: 'body.from', message: 'before_current_period' }]);
    if (open && open.status === input.status) throw conflict(`房间已是该状态（自 ${open.validFrom} 起）`);
    if (open && from === open.validFrom) {
      await tx.update(roomStatusHistory).set({ status: input.status, changedBy: actor.userId }).where(eq(roomStatusHistory.id, open.id));
    } else {
      if (open) {
        await tx.update(roomStatusHistory).set({ validTo: dayjs(from).subtract(1, 'day').format('YYYY-MM-DD') }).where(eq(roomStatusHistory.id, open.id));
      }
      await tx.insert(roomStatusHistory).values({ companyId: room.companyId, roomId: id, status: input.status, validFrom: from, changedBy: actor.userId });
    }
    const [after] = await tx.update(rooms).set({ status: input.status, version: sql`${rooms.version} + 1` }).where(eq(rooms.id, id)).returning();
    await record(tx, actor, 'estate.room_status_changed', { type: 'room', id, projectId: room.projectId }, { status: room.status }, { status: input.status, from });
    return roomView(after!);
  });
}

export async function statusHistory(db: Executor, actor: Actor, id: string) {
  const room = await getRoom(db, actor, id);
  const rows = await db.select().from(roomStatusHistory)
    .where(and(eq(roomStatusHistory.companyId, room.companyId), eq(roomStatusHistory.roomId, id))).orderBy(roomStatusHistory.validFrom);
  return rows.map((h) => ({ status: h.status, validFrom: h.validFrom, validTo: h.validTo }));
}
