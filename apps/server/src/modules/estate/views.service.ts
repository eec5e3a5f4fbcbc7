import { and, asc, eq, sql } from 'drizzle-orm';
import { formatArea } from '@wuye/shared';
import type { Executor } from '../../db/client.ts';
import { canSeeProject, listProjects, requireCompany, type Actor } from '../../lib/actor.ts';
import { notFound } from '../../lib/errors.ts';
import { businessNow } from '../../lib/time.ts';
import { buildings, rooms, units } from './estate.table.ts';

/** Percent with two decimals from integers, rounded half-up once: 1/8 → "12.50". */
export function percent(part: number, whole: number): string {
  if (whole === 0) return '0.00';
  const basisPoints = Math.floor((part * 10000 * 2 + whole) / (2 * whole)); // round half up
  return `${Math.floor(basisPoints / 100)}.${String(basisPoints % 100).padStart(2, '0')}`;
}

/** Rooms by status on a day (from the effective-dated history), for a project, a building, or all visible. */
export async function occupancy(db: Executor, actor: Actor, q: { projectId?: string; buildingId?: string; date?: string }) {
  const companyId = requireCompany(actor);
  const date = q.date ?? businessNow().format('YYYY-MM-DD');
  const projects = listProjects(actor, q.projectId);
  const scope = projects === 'all' ? sql`true` : projects.length ? sql`r.project_id = any(${sql.param(projects)}::uuid[])` : sql`false`;
  const building = q.buildingId ? sql`and r.building_id = ${q.buildingId}` : sql``;
  const res: any = await db.execute(sql`
    select h.status, count(*)::int as n
      from rooms r join room_status_history h on h.company_id = r.company_id and h.room_id = r.id
     where r.company_id = ${companyId} and ${scope} ${building}
       and h.valid_from <= ${date}::date and (h.valid_to is null or h.valid_to >= ${date}::date)
     group by h.status`);
  const byStatus: Record<string, number> = { vacant: 0, occupied: 0, decorating: 0, rented: 0 };
  for (const r of res.rows) byStatus[r.status] = Number(r.n);
  const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
  return { date, total, byStatus, vacancyRate: percent(byStatus.vacant!, total), occupancyRate: percent(total - byStatus.vacant!, total) };
}

/** The console's room grid: units × floors (top floor first) × rooms, coloured by status. */
export async function grid(db: Executor, actor: Actor, buildingId: string) {
  const companyId = requireCompany(actor);
  const [b] = await db.select().from(buildings).where(and(eq(buildings.companyId, companyId), eq(buildings.id, buildingId)));
  if (!b || !canSeeProject(actor, b.projectId)) throw notFound('楼栋');
  const unitRows = await db.select().from(units).where(and(eq(units.companyId, companyId), eq(units.buildingId, buildingId))).orderBy(asc(units.code));
  const roomRows = await db.select().from(rooms).where(and(eq(rooms.companyId, companyId), eq(rooms.buildingId, buildingId)))
    .orderBy(sql`${rooms.floor} desc`, asc(rooms.number));
  return {
    id: b.id, code: b.code, name: b.name,
    units: unitRows.map((u) => {
      const mine = roomRows.filter((r) => r.unitId === u.id);
      const floors = [...new Set(mine.map((r) => r.floor))];
      return {
        id: u.id, code: u.code, name: u.name,
        floors: floors.map((floor) => ({
          floor,
          rooms: mine.filter((r) => r.floor === floor).map((r) => ({ id: r.id, code: r.code, number: r.number, status: r.status, type: r.type, buildingArea: formatArea(r.buildingArea) })),
        })),
      };
    }),
  };
}
