import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import { cachedTotal, namesOf } from './list-caches.ts';
import { rowView } from './views.ts';

/** Totals stop counting here: past it the console shows "10000+" and pages on (a count over a million rows is not worth its time). */
export const COUNT_CAP = 10_000;

const dialect = new PgDialect();
const order = {
  created: sql.raw('created_at desc, id desc'),
  deadline: sql.raw('complete_due_at asc nulls last, id asc'),
};

/**
 * One page of the work-order list: the page's rows (the list's columns only) in one statement,
 * the capped total and the names it shows from short-lived caches (list-caches.ts). Measured on a
 * million orders: page, count and name lookups in one statement ran at a quarter of the bare
 * page query; the count alone costs as much as the page. `where` speaks of the unaliased
 * `work_orders` table (drizzle's columns).
 */
export async function listPage(db: Executor, companyId: string, where: SQL, sort: keyof typeof order, limit: number, offset: number) {
  const filter = dialect.sqlToQuery(where);
  const [res, total]: [any, number] = await Promise.all([
    db.execute(sql`
      select id, no, project_id, type, source, status, priority, category_id, description, area, room_id, building_id, facility_id,
             location_text, assignee_user_id, assignee_name, requester_name, response_due_at, complete_due_at, overdue, paused_at, in_pool,
             rating, created_at, completed_at, version
        from work_orders where ${where} order by ${order[sort]} limit ${limit} offset ${offset}`),
    cachedTotal(companyId, `${filter.sql}|${JSON.stringify(filter.params)}`, async () => {
      const c: any = await db.execute(sql`select count(*)::int as n from (select 1 from work_orders where ${where} limit ${COUNT_CAP + 1}) x`);
      return c.rows[0].n as number;
    }),
  ]);
  const rows = res.rows as any[];
  const name = await namesOf(db, companyId, rows.flatMap((r) => [
    { kind: 'p' as const, id: r.project_id }, { kind: 'c' as const, id: r.category_id }, { kind: 'b' as const, id: r.building_id }, { kind: 'r' as const, id: r.room_id },
  ]));
  const at = (v: Date | string | null) => (v == null ? null : v instanceof Date ? v : new Date(v));
  const items = rows.map((r) => rowView({
    o: {
      id: r.id, no: r.no, projectId: r.project_id, type: r.type, source: r.source, status: r.status, priority: r.priority, categoryId: r.category_id,
      description: r.description, area: r.area, roomId: r.room_id, buildingId: r.building_id, facilityId: r.facility_id, locationText: r.location_text,
      assigneeUserId: r.assignee_user_id, assigneeName: r.assignee_name, requesterName: r.requester_name, responseDueAt: at(r.response_due_at),
      completeDueAt: at(r.complete_due_at), overdue: r.overdue, pausedAt: at(r.paused_at), inPool: r.in_pool, rating: r.rating,
      createdAt: at(r.created_at)!, completedAt: at(r.completed_at), version: r.version,
    },
    projectName: name.get(`p${r.project_id}`) ?? '', categoryName: name.get(`c${r.category_id}`) ?? null,
    roomCode: name.get(`r${r.room_id}`) ?? null, buildingName: name.get(`b${r.building_id}`) ?? null,
  }));
  return { items, total, totalCapped: total > COUNT_CAP };
}
