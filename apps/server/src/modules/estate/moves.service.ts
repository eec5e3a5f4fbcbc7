import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { livedInStatusValues, type ZMoveIn, type ZMoveOut } from '@wuye/shared';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { badRequest, conflict } from '../../lib/errors.ts';
import { businessNow } from '../../lib/time.ts';
import { record } from '../audit/audit.service.ts';
import { memberships } from '../org/org.table.ts';
import { roomMoves } from './moves.table.ts';
import { persons, roomResidents } from './residents.table.ts';
import { applyStatus, getRoom, lockRoom, notAfterToday, roomView } from './rooms.service.ts';

const livedIn = (status: string) => (livedInStatusValues as readonly string[]).includes(status);
const statusLabel: Record<string, string> = { vacant: '空置', occupied: '入住', decorating: '装修', rented: '出租' };

export async function listMoves(db: Executor, actor: Actor, roomId: string) {
  const room = await getRoom(db, actor, roomId);
  const rows = await db.select({ m: roomMoves, name: persons.name, by: memberships.displayName }).from(roomMoves)
    .leftJoin(persons, eq(persons.id, roomMoves.personId))
    .leftJoin(memberships, and(eq(memberships.companyId, roomMoves.companyId), eq(memberships.userId, roomMoves.createdBy)))
    .where(and(eq(roomMoves.companyId, room.companyId), eq(roomMoves.roomId, roomId)))
    .orderBy(asc(roomMoves.date), asc(roomMoves.createdAt), asc(roomMoves.id));
  return rows.map(({ m, name, by }) => ({
    id: m.id, kind: m.kind, date: m.date, personId: m.personId, personName: name, note: m.note, createdAt: m.createdAt.toISOString(), recordedBy: by,
  }));
}

/**
 * 入住: the people (residents related to the room today) begin living there on `date`, and the
 * room is `occupied` from that day in its status history. A room someone lives in is a 409.
 */
export async function moveIn(db: Executor, actor: Actor, roomId: string, input: z.output<typeof ZMoveIn>) {
  notAfterToday(input.date, 'body.date');
  const ids = input.personIds;
  if (new Set(ids).size !== ids.length) throw badRequest('入住人员重复', [{ path: 'body.personIds', message: 'duplicate_person' }]);
  return db.transaction(async (tx) => {
    const room = await lockRoom(tx, actor, roomId);
    if (livedIn(room.status)) throw conflict(`房间当前为「${statusLabel[room.status]}」，已有人居住；请先办理搬出`);
    const today = businessNow().format('YYYY-MM-DD');
    const related = await tx.select({ personId: roomResidents.personId }).from(roomResidents).where(and(
      eq(roomResidents.companyId, room.companyId), eq(roomResidents.roomId, roomId), inArray(roomResidents.personId, ids),
      sql`${roomResidents.validFrom} <= ${today} and (${roomResidents.validTo} is null or ${roomResidents.validTo} >= ${today})`,
    ));
    const current = new Set(related.map((r) => r.personId));
    const missing = ids.flatMap((id, i) => (current.has(id) ? [] : [{ path: `body.personIds.${i}`, message: 'not_a_current_resident' }]));
    if (missing.length) throw badRequest('入住人员须为该房间当前的业主 / 住户', missing);
    const after = await applyStatus(tx, actor, room, 'occupied', input.date, 'body.date');
    await tx.insert(roomMoves).values(ids.map((personId) => ({
      companyId: room.companyId, projectId: room.projectId, roomId, personId, kind: 'move_in' as const, date: input.date,
      note: input.note ?? null, createdBy: actor.userId,
    })));
    await record(tx, actor, 'estate.moved_in', { type: 'room', id: roomId, projectId: room.projectId },
      { status: room.status }, { status: after.status, date: input.date, personIds: ids, note: input.note ?? null });
    return { room: roomView(after), moves: await listMoves(tx, actor, roomId) };
  });
}

/** Who moved in since the room's last move-out (null: lived in, but nobody recorded moving in). */
async function household(tx: Executor, companyId: string, roomId: string): Promise<(string | null)[]> {
  const res: any = await tx.execute(sql`
    select m.person_id from room_moves m
     where m.company_id = ${companyId} and m.room_id = ${roomId} and m.kind = 'move_in'
       and not exists (select 1 from room_moves o where o.company_id = m.company_id and o.room_id = m.room_id and o.kind = 'move_out'
                          and (o.date, o.created_at) >= (m.date, m.created_at))
     order by m.date, m.created_at`);
  const people = [...new Set((res.rows as { person_id: string | null }[]).map((r) => r.person_id).filter((p) => p !== null))];
  return people.length ? people : [null];
}

/**
 * 搬出: the household leaves on `date` and the room is `vacant` from that same day (occupied days =
 * move-out − move-in, so a new household can move in the day the old one leaves). With
 * `endRelations`, tenants' and family members' relations in force that day end on it; owners stay.
 */
export async function moveOut(db: Executor, actor: Actor, roomId: string, input: z.output<typeof ZMoveOut>) {
  notAfterToday(input.date, 'body.date');
  return db.transaction(async (tx) => {
    const room = await lockRoom(tx, actor, roomId);
    if (!livedIn(room.status)) throw conflict(`房间当前为「${statusLabel[room.status]}」，无人居住，无需搬出`);
    const leaving = await household(tx, room.companyId, roomId);
    const after = await applyStatus(tx, actor, room, 'vacant', input.date, 'body.date');
    const ended = input.endRelations
      ? await tx.update(roomResidents).set({ validTo: input.date, version: sql`${roomResidents.version} + 1` }).where(and(
        eq(roomResidents.companyId, room.companyId), eq(roomResidents.roomId, roomId), inArray(roomResidents.relation, ['tenant', 'family']),
        sql`${roomResidents.validFrom} <= ${input.date} and (${roomResidents.validTo} is null or ${roomResidents.validTo} > ${input.date})`,
      )).returning({ personId: roomResidents.personId, relation: roomResidents.relation })
      : [];
    await tx.insert(roomMoves).values(leaving.map((personId) => ({
      companyId: room.companyId, projectId: room.projectId, roomId, personId, kind: 'move_out' as const, date: input.date,
      note: input.note ?? null, createdBy: actor.userId,
    })));
    await record(tx, actor, 'estate.moved_out', { type: 'room', id: roomId, projectId: room.projectId }, { status: room.status },
      { status: after.status, date: input.date, personIds: leaving.filter(Boolean), endedRelations: ended, note: input.note ?? null });
    return { room: roomView(after), moves: await listMoves(tx, actor, roomId) };
  });
}
