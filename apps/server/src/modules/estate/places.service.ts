import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { lockInScope } from '../../lib/lock-scoped.ts';
import { likeEscape } from '../../lib/like.ts';
import type { z } from 'zod';
import { formatArea, type ZFacilityCreate, type ZFacilityUpdate, type ZParkingCreate, type ZParkingUpdate } from '@wuye/shared';
import type { Executor } from '../../db/client.ts';
import { requireCompany, type Actor } from '../../lib/actor.ts';
import { badRequest } from '../../lib/errors.ts';
import { projectScope } from '../../lib/scope-sql.ts';
import { record } from '../audit/audit.service.ts';
import { checkProject } from '../org/projects.service.ts';
import { buildings, facilities, parkingSpaces, rooms } from './estate.table.ts';

const parkingView = (p: typeof parkingSpaces.$inferSelect, roomCode: string | null) => ({
  id: p.id, projectId: p.projectId, code: p.code, area: p.area == null ? null : formatArea(p.area), type: p.type,
  roomId: p.roomId, roomCode, status: p.status, version: p.version,
});
const facilityView = (f: typeof facilities.$inferSelect) => ({
  id: f.id, projectId: f.projectId, buildingId: f.buildingId, name: f.name, category: f.category, location: f.location, status: f.status, version: f.version,
});

/** A room, building or parking space referenced by a record must sit in that record's project. */
export async function checkInProject(db: Executor, companyId: string, projectId: string,
  ref: { roomId?: string | null; buildingId?: string | null; parkingSpaceId?: string | null }) {
  if (ref.roomId) {
    const [r] = await db.select({ p: rooms.projectId }).from(rooms).where(and(eq(rooms.companyId, companyId), eq(rooms.id, ref.roomId)));
    if (!r || r.p !== projectId) throw badRequest('房间不属于该项目', [{ path: 'body.roomId', message: 'not_in_project' }]);
  }
  if (ref.buildingId) {
    const [b] = await db.select({ p: buildings.projectId }).from(buildings).where(and(eq(buildings.companyId, companyId), eq(buildings.id, ref.buildingId)));
    if (!b || b.p !== projectId) throw badRequest('楼栋不属于该项目', [{ path: 'body.buildingId', message: 'not_in_project' }]);
  }
  if (ref.parkingSpaceId) {
    const [x] = await db.select({ p: parkingSpaces.projectId }).from(parkingSpaces).where(and(eq(parkingSpaces.companyId, companyId), eq(parkingSpaces.id, ref.parkingSpaceId)));
    if (!x || x.p !== projectId) throw badRequest('车位不属于该项目', [{ path: 'body.parkingSpaceId', message: 'not_in_project' }]);
  }
}

export async function listParking(db: Executor, actor: Actor, q: { projectId?: string; q?: string; page: number; pageSize: number }) {
  const conds: SQL[] = [eq(parkingSpaces.companyId, requireCompany(actor)), projectScope(actor, parkingSpaces.projectId, q.projectId)];
  if (q.q) conds.push(sql`${parkingSpaces.code} like ${`%${likeEscape(q.q)}%`}`);
  const where = and(...conds);
  const [rows, [n]] = await Promise.all([
    db.select({ p: parkingSpaces, roomCode: rooms.code }).from(parkingSpaces).leftJoin(rooms, eq(rooms.id, parkingSpaces.roomId))
      .where(where).orderBy(asc(parkingSpaces.code)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(parkingSpaces).where(where),
  ]);
  return { items: rows.map((r) => parkingView(r.p, r.roomCode)), total: Number(n!.n), page: q.page, pageSize: q.pageSize };
}

export async function createParking(db: Executor, actor: Actor, input: z.output<typeof ZParkingCreate>) {
  const companyId = requireCompany(actor);
  await checkProject(db, actor, input.projectId);
  await checkInProject(db, companyId, input.projectId, input);
  return db.transaction(async (tx) => {
    const [p] = await tx.insert(parkingSpaces).values({ companyId, projectId: input.projectId, code: input.code, area: input.area ?? null, type: input.type, roomId: input.roomId ?? null }).returning();
    await record(tx, actor, 'estate.parking_created', { type: 'parking_space', id: p!.id, projectId: p!.projectId }, null, parkingView(p!, null));
    return parkingView(p!, null);
  });
}

export async function updateParking(db: Executor, actor: Actor, id: string, input: z.output<typeof ZParkingUpdate>) {
  const companyId = requireCompany(actor);
  return db.transaction(async (tx) => {
    const before = await lockInScope(tx, parkingSpaces, actor, id, '车位', input.version);
    await checkInProject(tx, companyId, before.projectId, input);
    const { version: _v, ...changes } = input;
    const [after] = await tx.update(parkingSpaces).set({ ...changes, version: sql`${parkingSpaces.version} + 1` }).where(eq(parkingSpaces.id, id)).returning();
    await record(tx, actor, 'estate.parking_updated', { type: 'parking_space', id, projectId: before.projectId }, parkingView(before, null), parkingView(after!, null));
    return parkingView(after!, null);
  });
}

export async function listFacilities(db: Executor, actor: Actor, q: { projectId?: string; q?: string; page: number; pageSize: number }) {
  const conds: SQL[] = [eq(facilities.companyId, requireCompany(actor)), projectScope(actor, facilities.projectId, q.projectId)];
  if (q.q) conds.push(sql`${facilities.name} like ${`%${likeEscape(q.q)}%`}`);
  const where = and(...conds);
  const [rows, [n]] = await Promise.all([
    db.select().from(facilities).where(where).orderBy(asc(facilities.name)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(facilities).where(where),
  ]);
  return { items: rows.map(facilityView), total: Number(n!.n), page: q.page, pageSize: q.pageSize };
}

export async function createFacility(db: Executor, actor: Actor, input: z.output<typeof ZFacilityCreate>) {
  const companyId = requireCompany(actor);
  await checkProject(db, actor, input.projectId);
  await checkInProject(db, companyId, input.projectId, input);
  return db.transaction(async (tx) => {
    const [f] = await tx.insert(facilities).values({ companyId, projectId: input.projectId, buildingId: input.buildingId ?? null, name: input.name, category: input.category, location: input.location ?? null }).returning();
    await record(tx, actor, 'estate.facility_created', { type: 'facility', id: f!.id, projectId: f!.projectId }, null, facilityView(f!));
    return facilityView(f!);
  });
}

export async function updateFacility(db: Executor, actor: Actor, id: string, input: z.output<typeof ZFacilityUpdate>) {
  requireCompany(actor);
  return db.transaction(async (tx) => {
    const before = await lockInScope(tx, facilities, actor, id, '设施', input.version);
    const { version: _v, ...changes } = input;
    const [after] = await tx.update(facilities).set({ ...changes, version: sql`${facilities.version} + 1` }).where(eq(facilities.id, id)).returning();
    await record(tx, actor, 'estate.facility_updated', { type: 'facility', id, projectId: before.projectId }, facilityView(before), facilityView(after!));
    return facilityView(after!);
  });
}
