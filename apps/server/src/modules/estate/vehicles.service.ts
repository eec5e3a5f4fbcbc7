import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { likeEscape } from '../../lib/like.ts';
import type { z } from 'zod';
import type { ZVehicleCreate, ZVehicleUpdate } from '@wuye/shared';
import type { Executor } from '../../db/client.ts';
import { canSeeProject, requireCompany, type Actor } from '../../lib/actor.ts';
import { badRequest, notFound, staleVersion } from '../../lib/errors.ts';
import { projectScope } from '../../lib/scope-sql.ts';
import { record } from '../audit/audit.service.ts';
import { checkProject } from '../org/projects.service.ts';
import { parkingSpaces, rooms } from './estate.table.ts';
import { persons, vehicles } from './residents.table.ts';

const view = (v: typeof vehicles.$inferSelect, personName: string | null) => ({
  id: v.id, projectId: v.projectId, plate: v.plate, personId: v.personId, personName, roomId: v.roomId, parkingSpaceId: v.parkingSpaceId,
  brand: v.brand, color: v.color, status: v.status, version: v.version,
});

/** Room and parking space must be the project's; the owner must be a person of the company. */
async function checkRefs(db: Executor, companyId: string, projectId: string, r: { personId?: string | null; roomId?: string | null; parkingSpaceId?: string | null }) {
  if (r.personId) {
    const [p] = await db.select({ id: persons.id }).from(persons).where(and(eq(persons.companyId, companyId), eq(persons.id, r.personId)));
    if (!p) throw badRequest('车主不存在', [{ path: 'body.personId', message: 'unknown_person' }]);
  }
  if (r.roomId) {
    const [x] = await db.select({ p: rooms.projectId }).from(rooms).where(and(eq(rooms.companyId, companyId), eq(rooms.id, r.roomId)));
    if (!x || x.p !== projectId) throw badRequest('房间不属于该项目', [{ path: 'body.roomId', message: 'not_in_project' }]);
  }
  if (r.parkingSpaceId) {
    const [x] = await db.select({ p: parkingSpaces.projectId }).from(parkingSpaces).where(and(eq(parkingSpaces.companyId, companyId), eq(parkingSpaces.id, r.parkingSpaceId)));
    if (!x || x.p !== projectId) throw badRequest('车位不属于该项目', [{ path: 'body.parkingSpaceId', message: 'not_in_project' }]);
  }
}

export async function list(db: Executor, actor: Actor, q: { projectId?: string; plate?: string; page: number; pageSize: number }) {
  const conds: SQL[] = [eq(vehicles.companyId, requireCompany(actor)), projectScope(actor, vehicles.projectId, q.projectId)];
  if (q.plate) conds.push(sql`${vehicles.plate} like ${`%${likeEscape(q.plate.toUpperCase())}%`}`);
  const where = and(...conds);
  const [rows, [n]] = await Promise.all([
    db.select({ v: vehicles, name: persons.name }).from(vehicles).leftJoin(persons, eq(persons.id, vehicles.personId))
      .where(where).orderBy(asc(vehicles.plate)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(vehicles).where(where),
  ]);
  return { items: rows.map((r) => view(r.v, r.name)), total: Number(n!.n), page: q.page, pageSize: q.pageSize };
}

export async function create(db: Executor, actor: Actor, input: z.output<typeof ZVehicleCreate>) {
  const companyId = requireCompany(actor);
  await checkProject(db, actor, input.projectId);
  await checkRefs(db, companyId, input.projectId, input);
  return db.transaction(async (tx) => {
    const [v] = await tx.insert(vehicles).values({ companyId, ...input }).returning();
    await record(tx, actor, 'vehicle.created', { type: 'vehicle', id: v!.id, projectId: v!.projectId }, null, view(v!, null));
    return view(v!, null);
  });
}

export async function update(db: Executor, actor: Actor, id: string, input: z.output<typeof ZVehicleUpdate>) {
  const companyId = requireCompany(actor);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(vehicles).where(and(eq(vehicles.companyId, companyId), eq(vehicles.id, id))).for('update');
    if (!before || !canSeeProject(actor, before.projectId)) throw notFound('车辆');
    if (before.version !== input.version) throw staleVersion();
    await checkRefs(tx, companyId, before.projectId, input);
    const { version: _v, ...changes } = input;
    const [after] = await tx.update(vehicles).set({ ...changes, version: sql`${vehicles.version} + 1` }).where(eq(vehicles.id, id)).returning();
    await record(tx, actor, 'vehicle.updated', { type: 'vehicle', id, projectId: before.projectId }, view(before, null), view(after!, null));
    return view(after!, null);
  });
}
