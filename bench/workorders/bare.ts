import Fastify from 'fastify';
import pg from 'pg';

/** The baseline's query: the newest 20 open orders of one project — the same rows and columns the app's page holds — through the same index. */
export const BARE_SQL = `select id, no, project_id, type, source, status, priority, category_id, description, area, room_id, building_id, facility_id,
       location_text, assignee_user_id, assignee_name, requester_name, response_due_at, complete_due_at, overdue, paused_at, in_pool,
       rating, created_at, completed_at, version
  from work_orders where company_id = $1 and project_id = $2 and status = any($3::text[])
  order by created_at desc, id desc limit 20`;
export const OPEN = ['submitted', 'assigned', 'accepted', 'in_progress', 'paused'];

/** Bare Fastify 5 and a `pg` Pool of the app's size: no auth, no validation, one indexed SELECT per request. */
export async function startBare(o: { databaseUrl: string; poolSize: number; companyId: string; projectId: string }) {
  const pool = new pg.Pool({ connectionString: o.databaseUrl, max: o.poolSize, application_name: 'wuye-bench-bare' });
  const app = Fastify({ logger: false });
  app.get('/api/work-orders', async () => ({ items: (await pool.query(BARE_SQL, [o.companyId, o.projectId, OPEN])).rows }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { port: (app.server.address() as { port: number }).port, async close() { await app.close(); await pool.end(); } };
}

/**
 * Decomposition: bare Fastify running the app's own list code (`listPage`: the page statement, the
 * cached total and names, through drizzle on `pg`) with the same filters — no session, no
 * validation, no serialisation schema.
 * app → bareRepos is the framework's cost; bareRepos → bare is the cost of the app's SQL.
 */
export async function startBareRepos(o: { databaseUrl: string; poolSize: number; companyId: string; projectId: string }) {
  const { openPg } = await import('../../apps/server/src/db/client.ts');
  const { listPage } = await import('../../apps/server/src/modules/workorders/list-page.ts');
  const { workOrders } = await import('../../apps/server/src/modules/workorders/workorders.table.ts');
  const { and, eq, sql } = await import('drizzle-orm');
  const database = openPg(o.databaseUrl, o.poolSize);
  const app = Fastify({ logger: false });
  app.get('/api/work-orders', async () => listPage(database.db, o.companyId, and(eq(workOrders.companyId, o.companyId), sql`${workOrders.projectId} = ${o.projectId}`,
    sql`${workOrders.status} = any(${sql.param(OPEN)}::text[])`)!, 'created', 20, 0));
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { port: (app.server.address() as { port: number }).port, async close() { await app.close(); await database.close(); } };
}
