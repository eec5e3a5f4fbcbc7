import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZOwnershipTransfer, ZRoomResidentAdd } from '@wuye/shared';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { badRequest, conflict } from '../../lib/errors.ts';
import { dayjs } from '../../lib/time.ts';
import { record } from '../audit/audit.service.ts';
import { persons, roomResidents } from './residents.table.ts';
import { getRoom, lockRoom } from './rooms.service.ts';
import { loadVisible } from './persons.service.ts';
import { requireRoomFiles } from './room-files.ts';

const isOwner = (r: string) => r === 'owner' || r === 'co_owner';

export async function listForRoom(db: Executor, actor: Actor, roomId: string) {
  const room = await getRoom(db, actor, roomId);
  const rows = await db.select({ rr: roomResidents, name: persons.name, phone: persons.phoneMasked }).from(roomResidents)
    .innerJoin(persons, eq(persons.id, roomResidents.personId))
    .where(and(eq(roomResidents.companyId, room.companyId), eq(roomResidents.roomId, roomId)))
    .orderBy(asc(roomResidents.validFrom), asc(roomResidents.relation));
  return rows.map(({ rr, name, phone }) => ({
    id: rr.id, personId: rr.personId, name, phone, relation: rr.relation, shareBp: rr.shareBp, validFrom: rr.validFrom, validTo: rr.validTo,
  }));
}

/** Adds a tenant, family member or (co-)owner. A person holds one open relation per room. */
export async function add(db: Executor, actor: Actor, roomId: string, input: z.output<typeof ZRoomResidentAdd>) {
  if (isOwner(input.relation) !== (input.shareBp !== undefined)) {
    throw badRequest('业主 / 共有人须填写产权份额，其他关系不填', [{ path: 'body.shareBp', message: 'share_only_for_owners' }]);
  }
  return db.transaction(async (tx) => {
    const room = await lockRoom(tx, actor, roomId);
    await loadVisible(tx, actor, input.personId);
    const open = await tx.select().from(roomResidents)
      .where(and(eq(roomResidents.companyId, room.companyId), eq(roomResidents.roomId, roomId), sql`${roomResidents.validTo} is null`));
    if (open.some((r) => r.personId === input.personId)) throw conflict('该人员已与此房间关联');
    if (isOwner(input.relation)) {
      const held = open.filter((r) => isOwner(r.relation)).reduce((s, r) => s + (r.shareBp ?? 0), 0);
      if (held + input.shareBp! > 10000) throw conflict(`产权份额合计将超过 100%（已有 ${held / 100}%）；变更业主请使用过户`);
    }
    const [row] = await tx.insert(roomResidents).values({
      companyId: room.companyId, projectId: room.projectId, roomId, personId: input.personId, relation: input.relation,
      shareBp: input.shareBp ?? null, validFrom: input.validFrom,
    }).returning();
    await record(tx, actor, 'resident.added', { type: 'room', id: roomId, projectId: room.projectId }, null, { personId: input.personId, relation: input.relation, validFrom: input.validFrom });
    return row!;
  });
}

/**
 * 过户: the current owners' relations end the day before `date`, the new owners' begin on it, in
 * one transaction. Tenants and family members stay; billing reads who owned the room on each day.
 * The documents are the room's files named in `fileIds`; the audit entry is what ties them to this transfer.
 */
export async function transfer(db: Executor, actor: Actor, roomId: string, input: z.output<typeof ZOwnershipTransfer>) {
  return db.transaction(async (tx) => {
    const room = await lockRoom(tx, actor, roomId);
    const ids = input.owners.map((o) => o.personId);
    if (new Set(ids).size !== ids.length) throw badRequest('新业主重复', [{ path: 'body.owners', message: 'duplicate_person' }]);
    for (const id of ids) await loadVisible(tx, actor, id);
    const fileIds = input.fileIds ?? [];
    await requireRoomFiles(tx, room.companyId, roomId, fileIds);
    const current = await tx.select().from(roomResidents).where(and(
      eq(roomResidents.companyId, room.companyId), eq(roomResidents.roomId, roomId), sql`${roomResidents.validTo} is null`,
      inArray(roomResidents.relation, ['owner', 'co_owner']),
    ));
    const lastDay = dayjs(input.date).subtract(1, 'day').format('YYYY-MM-DD');
    if (current.some((r) => r.validFrom > lastDay)) throw conflict('过户日期早于现业主的起始日期', [{ path: 'body.date', message: 'before_current_owner' }]);
    if (current.length) {
      await tx.update(roomResidents).set({ validTo: lastDay, version: sql`${roomResidents.version} + 1` })
        .where(inArray(roomResidents.id, current.map((r) => r.id)));
    }
    await tx.insert(roomResidents).values(input.owners.map((o, i) => ({
      companyId: room.companyId, projectId: room.projectId, roomId, personId: o.personId,
      relation: i === 0 ? ('owner' as const) : ('co_owner' as const), shareBp: o.shareBp, validFrom: input.date,
    })));
    await record(tx, actor, 'resident.ownership_transferred', { type: 'room', id: roomId, projectId: room.projectId },
      { owners: current.map((r) => ({ personId: r.personId, shareBp: r.shareBp })) }, { owners: input.owners, date: input.date, note: input.note ?? null, fileIds });
    return listForRoom(tx, actor, roomId);
  });
}
