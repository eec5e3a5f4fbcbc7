import { eq, sql } from 'drizzle-orm';
import { lockInScope } from '../../lib/lock-scoped.ts';
import type { Executor } from '../../db/client.ts';
import { requireCompany, type Actor } from '../../lib/actor.ts';
import { conflict } from '../../lib/errors.ts';
import { record } from '../audit/audit.service.ts';
import { buildings, rooms } from './estate.table.ts';

/**
 * What still points at rooms and blocks their removal. Later modules (bills, work orders) add
 * their tables here, so a room with history is archived instead of deleted.
 */
export const roomDependents: { table: string; label: string }[] = [
  { table: 'resident_rooms', label: '住户账号' },
  { table: 'room_residents', label: '住户' },
  { table: 'parking_spaces', label: '车位' },
  { table: 'room_moves', label: '入住记录' },
  { table: 'room_payers', label: '付费人设置' },
  { table: 'charge_assignments', label: '收费标准' },
];

async function blockers(tx: Executor, companyId: string, roomIds: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const d of roomDependents) {
    const res: any = await tx.execute(sql`select 1 from ${sql.identifier(d.table)} where company_id = ${companyId} and room_id = any(${sql.param(roomIds)}::uuid[]) limit 1`);
    if (res.rows.length) found.push(d.label);
  }
  return found;
}

export async function deleteRoom(db: Executor, actor: Actor, id: string) {
  const companyId = requireCompany(actor);
  await db.transaction(async (tx) => {
    const room = await lockInScope(tx, rooms, actor, id, '房间');
    const found = await blockers(tx, companyId, [id]);
    if (found.length) throw conflict(`房间 ${room.code} 已关联${found.join('、')}，不能删除；请改为归档`, { code: room.code, dependents: found });
    await tx.execute(sql`delete from room_status_history where company_id = ${companyId} and room_id = ${id}`);
    await tx.delete(rooms).where(eq(rooms.id, id));
    await record(tx, actor, 'estate.room_deleted', { type: 'room', id, projectId: room.projectId }, { code: room.code }, null);
  });
}

export async function deleteBuilding(db: Executor, actor: Actor, id: string) {
  const companyId = requireCompany(actor);
  await db.transaction(async (tx) => {
    const b = await lockInScope(tx, buildings, actor, id, '楼栋');
    const ids: any = await tx.execute(sql`select id from rooms where company_id = ${companyId} and building_id = ${id}`);
    const roomIds: string[] = ids.rows.map((r: any) => r.id);
    const found = roomIds.length ? await blockers(tx, companyId, roomIds) : [];
    const facilities: any = await tx.execute(sql`select 1 from facilities where company_id = ${companyId} and building_id = ${id} limit 1`);
    if (facilities.rows.length) found.push('公共设施');
    if (found.length) throw conflict(`楼栋 ${b.name} 已关联${found.join('、')}，不能删除；请改为归档`, { code: b.code, dependents: found });
    await tx.execute(sql`delete from room_status_history where company_id = ${companyId} and room_id = any(${sql.param(roomIds)}::uuid[])`);
    await tx.execute(sql`delete from rooms where company_id = ${companyId} and building_id = ${id}`);
    await tx.execute(sql`delete from units where company_id = ${companyId} and building_id = ${id}`);
    await tx.delete(buildings).where(eq(buildings.id, id));
    await record(tx, actor, 'estate.building_deleted', { type: 'building', id, projectId: b.projectId }, { code: b.code, name: b.name, rooms: roomIds.length }, null);
  });
}
