import Fastify from 'fastify';
import pg from 'pg';
import { openPg } from '../../apps/server/src/db/client.ts';
import { sha256 } from '../../apps/server/src/lib/tokens.ts';
import { loadSession } from '../../apps/server/src/modules/auth/actor.repo.ts';
import { countStaff, findStaff } from '../../apps/server/src/modules/org/staff.repo.ts';

/** The baseline's query: the newest 20 staff of one project, through the project index. */
export const BARE_SQL = `select m.id, m.display_name from memberships m
  join membership_projects mp on mp.membership_id = m.id
  where mp.project_id = $1 order by m.created_at desc limit 20`;

/**
 * Baseline: bare Fastify 5 (no auth, no zod, no hooks) and a `pg` Pool of the app's size running
 * one equivalent indexed SELECT per request. `GET /api/staff?page=1&pageSize=20` (the query
 * string is parsed but not used).
 */
export async function startBare(o: { databaseUrl: string; poolSize: number; projectId: string }) {
  const pool = new pg.Pool({ connectionString: o.databaseUrl, max: o.poolSize, application_name: 'wuye-bench-bare' });
  const app = Fastify({ logger: false });
  app.get('/api/staff', async () => {
    const r = await pool.query(BARE_SQL, [o.projectId]);
    return { items: r.rows };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    port: (app.server.address() as { port: number }).port,
    async close() { await app.close(); await pool.end(); },
  };
}

/**
 * Decomposition: bare Fastify again, but each request runs the app's own SQL through the app's
 * repos and driver set-up (drizzle on `pg`): session lookup by cookie, then the staff page and the
 * count in parallel — what the app's handler does, without its plugins, hooks, zod validation and
 * zod response serialisation. app → bareRepos is framework cost; bareRepos → bare is SQL cost.
 */
export async function startBareRepos(o: { databaseUrl: string; poolSize: number; idleMinutes: number }) {
  const database = openPg(o.databaseUrl, o.poolSize);
  const db = database.db;
  const app = Fastify({ logger: false });
  app.get('/api/staff', async (req, reply) => {
    const token = /(?:^|;\s*)sid=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    const s = token ? await loadSession(db, sha256(decodeURIComponent(token)), o.idleMinutes) : null;
    if (!s || !s.companyId) return reply.code(401).send({ error: 'unauthenticated' });
    const f = { companyId: s.companyId, visible: s.allProjects ? ('all' as const) : s.projectIds };
    const [items, total] = await Promise.all([findStaff(db, f, { limit: 20, offset: 0 }), countStaff(db, f)]);
    return { items, total, page: 1, pageSize: 20 };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    port: (app.server.address() as { port: number }).port,
    async close() { await app.close(); await database.close(); },
  };
}
