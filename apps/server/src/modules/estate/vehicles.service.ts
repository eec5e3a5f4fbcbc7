import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { lockInScope } from '../../lib/lock-scoped.ts';
import { likeEscape } from '../../lib/like.ts';
import type { z } from 'zod';
import type { ZVehicleCreate, ZVehicleUpdate } from '@wuye/shared';
import type { Executor } from '../../db/client.ts';
import { requireCompany, type Actor } from '../../lib/actor.ts';
import { badRequest } from '../../lib/errors.ts';
import { projectScope } from '../../lib/scope-sql.ts';
import { record } from '../audit/audit.service.ts';
import { checkProject } from '../org/projects.service.ts';
import { checkInProject } from './places.service.ts';
import { parkingSpaces, rooms } from './estate.table.ts';
import { persons, vehicles } from './residents.table.ts';

type Row = { v: typeof vehicles.$inferSelect; personName: string | null; roomCode: string | null; parkingCode: string | null };
const view = ({ v, personName, roomCode, parkingCode }: Row) => ({
  id: v.id, projectId: v.projectId, plate: v.plate, personId: v.personId, personName, roomId: v.roomId, roomCode,
  parkingSpaceId: v.parkingSpaceId, parkingCode, brand: v.brand, color: v.color, status: v.status, version: v.version,
});

/** Vehicles with their owner's name, room and parking space codes: what a list or a form shows instead of ids. */
const selectViews = (db: Executor) => db.select({ v: vehicles, personName: persons.name, roomCode: rooms.code, parkingCode: parkingSpaces.code })
  .from(vehicles)
  .leftJoin(persons, eq(persons.id, vehicles.personId))
  .leftJoin(rooms, eq(rooms.id, vehicles.roomId))
  .leftJoin(parkingSpaces, eq(parkingSpaces.id, vehicles.parkingSpaceId));

async function loadView(db: Executor, id: string) {
  const [r] = await selectViews(db).where(eq(vehicles.id, id));
  return view(r!);
}

/** The owner must be a person of the company; room and parking space must be the project's. */
async function checkRefs(db: Executor, companyId: string, projectId: string, r: { personId?: string | null; roomId?: string | null; parkingSpaceId?: string | null }) {
  if (r.personId) {
    const [p] = await db.select({ id: persons.id }).from(persons).where(and(eq(persons.companyId, companyId), eq(persons.id, r.personId)));
    if (!p) throw badRequest('车主不存在', [{ path: 'body.personId', message: 'unknown_person' }]);
  }
  await checkInProject(db, companyId, projectId, r);
}

export async function list(db: Executor, actor: Actor, q: { projectId?: string; plate?: string; page: number; pageSize: number }) {
  const conds: SQL[] = [eq(vehicles.companyId, requireCompany(actor)), projectScope(actor, vehicles.projectId, q.projectId)];
  if (q.plate) conds.push(sql`${vehicles.plate} like ${`%${likeEscape(q.plate.toUpperCase())}%`}`);
  const where = and(...conds);
  const [rows, [n]] = await Promise.all([
    selectViews(db).where(where).orderBy(asc(vehicles.plate)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(vehicles).where(where),
  ]);
  return { items: rows.map(view), total: Number(n!.n), page: q.page, pageSize: q.pageSize };
}

export async function create(db: Executor, actor: Actor, input: z.output<typeof ZVehicleCreate>) {
  const companyId = requireCompany(actor);
  await checkProject(db, actor, input.projectId);
  await checkRefs(db, companyId, input.projectId, input);
  return db.transaction(async (tx) => {
    const [v] = await tx.insert(vehicles).values({ companyId, ...input }).returning();
    const after = await loadView(tx, v!.id);
    await record(tx, actor, 'vehicle.created', { type: 'vehicle', id: v!.id, projectId: v!.projectId }, null, after);
    return after;
  });
}

export async function update(db: Executor, actor: Actor, id: string, input: z.output<typeof ZVehicleUpdate>) {
  const companyId = requireCompany(actor);
  return db.transaction(async (tx) => {
    const before = await lockInScope(tx, vehicles, actor, id, '车辆', input.version);
    await checkRefs(tx, companyId, before.projectId, input);
    const { version: _v, ...changes } = input;
    const was = await loadView(tx, id);
    await tx.update(vehicles).set({ ...changes, version: sql`${vehicles.version} + 1` }).where(eq(vehicles.id, id));
    const after = await loadView(tx, id);
    await record(tx, actor, 'vehicle.updated', { type: 'vehicle', id, projectId: before.projectId }, was, after);
    return after;
  });
}
