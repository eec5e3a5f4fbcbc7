import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { formatArea, type ZBuildingGenerate } from '@wuye/shared';
import type { Executor } from '../../db/client.ts';
import { requireCompany, type Actor } from '../../lib/actor.ts';
import { duplicate } from '../../lib/errors.ts';
import { record } from '../audit/audit.service.ts';
import { projects } from '../org/org.table.ts';
import { checkProject } from '../org/projects.service.ts';
import { buildings, units } from './estate.table.ts';
import { formatRoomCode } from './room-code.ts';

type GenerateInput = z.output<typeof ZBuildingGenerate>;

interface PlannedRoom { unit: string; floor: number; number: number; code: string; buildingArea: number; insideArea: number | null }

function plan(pattern: string, b: GenerateInput): PlannedRoom[] {
  const out: PlannedRoom[] = [];
  for (let u = 1; u <= b.units; u++) {
    for (let f = 0; f < b.floors; f++) {
      const floor = b.startFloor + f + (b.startFloor < 0 && b.startFloor + f >= 0 ? 1 : 0); // no floor 0
      for (let r = 1; r <= b.roomsPerFloor; r++) {
        const area = b.areas[r - 1]!;
        out.push({ unit: String(u), floor, number: r, code: formatRoomCode(pattern, { building: b.code, unit: String(u), floor, room: r }), buildingArea: area.buildingArea, insideArea: area.insideArea ?? null });
      }
    }
  }
  return out;
}

/**
 * "Generate building": N units × M floors × K rooms from an area template. Preview returns the
 * counts and sample codes without writing; create writes building, units and rooms in one
 * transaction (rooms set-based), refusing codes that already exist in the project.
 */
export async function generate(db: Executor, actor: Actor, projectId: string, b: GenerateInput) {
  const companyId = requireCompany(actor);
  await checkProject(db, actor, projectId);
  const [project] = await db.select({ pattern: projects.roomCodePattern }).from(projects).where(eq(projects.id, projectId));
  const rooms = plan(project!.pattern, b);
  const codes = new Set(rooms.map((r) => r.code));
  if (codes.size !== rooms.length) throw duplicate('编码规则生成了重复的房号，请调整编码规则', [{ path: 'body', message: 'pattern_collision' }]);
  const total = rooms.reduce((s, r) => s + r.buildingArea, 0);
  const summary = { rooms: rooms.length, totalBuildingArea: formatArea(total), sampleCodes: rooms.slice(0, 6).map((r) => r.code) };
  if (b.preview) return { ...summary, created: false, buildingId: null };

  return db.transaction(async (tx) => {
    const [exists] = await tx.select({ id: buildings.id }).from(buildings)
      .where(and(eq(buildings.companyId, companyId), eq(buildings.projectId, projectId), eq(buildings.code, b.code)));
    if (exists) throw duplicate(`楼栋编号 ${b.code} 已存在`, [{ path: 'body.code', message: 'duplicate' }]);
    const taken: any = await tx.execute(sql`select code from rooms where company_id = ${companyId} and project_id = ${projectId}
                                            and code = any(${sql.param([...codes])}::text[]) limit 5`);
    if (taken.rows.length) throw duplicate(`房号已存在：${taken.rows.map((r: any) => r.code).join('、')}`, [{ path: 'body', message: 'room_code_taken' }]);
    const [building] = await tx.insert(buildings).values({ companyId, projectId, code: b.code, name: b.name, floorsAbove: b.floors }).returning();
    const unitRows = await tx.insert(units).values(Array.from({ length: b.units }, (_, i) => ({
      companyId, projectId, buildingId: building!.id, code: String(i + 1), name: `${i + 1}单元`,
    }))).returning();
    const unitId = new Map(unitRows.map((u) => [u.code, u.id]));
    await tx.execute(sql`
      insert into rooms (id, company_id, project_id, building_id, unit_id, floor, number, code, type, building_area, inside_area)
      select uuid_v7(), ${companyId}, ${projectId}, ${building!.id}, r.unit_id, r.floor, r.number, r.code, ${b.type}, r.ba, r.ia
        from unnest(${sql.param(rooms.map((r) => unitId.get(r.unit)!))}::uuid[], ${sql.param(rooms.map((r) => r.floor))}::int[],
                    ${sql.param(rooms.map((r) => r.number))}::int[], ${sql.param(rooms.map((r) => r.code))}::text[],
                    ${sql.param(rooms.map((r) => r.buildingArea))}::bigint[], ${sql.param(rooms.map((r) => r.insideArea))}::bigint[])
             as r(unit_id, floor, number, code, ba, ia)`);
    await tx.execute(sql`
      insert into room_status_history (id, company_id, room_id, status, valid_from)
      select uuid_v7(), company_id, id, 'vacant', (now() at time zone 'Asia/Shanghai')::date from rooms
       where company_id = ${companyId} and building_id = ${building!.id}`);
    await record(tx, actor, 'estate.building_generated', { type: 'building', id: building!.id, projectId }, null, { ...summary, code: b.code, name: b.name });
    return { ...summary, created: true, buildingId: building!.id };
  });
}

export async function list(db: Executor, actor: Actor, projectId: string) {
  const companyId = requireCompany(actor);
  await checkProject(db, actor, projectId);
  const rows = await db.select().from(buildings).where(and(eq(buildings.companyId, companyId), eq(buildings.projectId, projectId))).orderBy(asc(buildings.code));
  const unitRows = await db.select().from(units).where(and(eq(units.companyId, companyId), eq(units.projectId, projectId))).orderBy(asc(units.code));
  const counts: any = await db.execute(sql`select building_id as id, count(*)::int as n from rooms where company_id = ${companyId} and project_id = ${projectId} group by building_id`);
  const n = new Map<string, number>(counts.rows.map((r: any) => [r.id, Number(r.n)]));
  return rows.map((b) => ({
    id: b.id, projectId: b.projectId, code: b.code, name: b.name, floorsAbove: b.floorsAbove, version: b.version, rooms: n.get(b.id) ?? 0,
    units: unitRows.filter((u) => u.buildingId === b.id).map((u) => ({ id: u.id, code: u.code, name: u.name })),
  }));
}
