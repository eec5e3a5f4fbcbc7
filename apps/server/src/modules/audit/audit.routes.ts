import { and, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { ZAuditEntry, ZAuditQuery, ZPage } from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import { requireCompany } from '../../lib/actor.ts';
import { actorOf, type App } from '../../lib/http.ts';
import { users } from '../auth/auth.table.ts';
import { auditLog } from './audit.table.ts';

export function auditRoutes(app: App, ctx: AppContext) {
  app.get('/api/audit-logs', {
    schema: { tags: ['audit'], summary: '审计日志', querystring: ZAuditQuery, response: { 200: ZPage(ZAuditEntry) } },
    config: { access: { permission: 'audit.read', scope: 'project' } },
  }, async (req) => {
    const actor = actorOf(req);
    const q = req.query;
    const conds: SQL[] = [eq(auditLog.companyId, requireCompany(actor))];
    const pick = q.projectId ?? actor.selectedProjectId;
    if (pick) conds.push(eq(auditLog.projectId, pick));
    // Project roles read their projects' entries and what they did themselves.
    if (actor.projectIds !== 'all') {
      conds.push(sql`(${auditLog.projectId} = any(${sql.param(actor.projectIds)}::uuid[]) or ${auditLog.actorId} = ${actor.userId})`);
    }
    if (q.action) conds.push(eq(auditLog.action, q.action));
    if (q.entityType) conds.push(eq(auditLog.entityType, q.entityType));
    if (q.entityId) conds.push(eq(auditLog.entityId, q.entityId));
    if (q.actorId) conds.push(eq(auditLog.actorId, q.actorId));
    if (q.from) conds.push(gte(auditLog.createdAt, new Date(q.from)));
    if (q.to) conds.push(lte(auditLog.createdAt, new Date(q.to)));
    const where = and(...conds);
    const db = ctx.database.db;
    const [rows, [count]] = await Promise.all([
      db.select({ a: auditLog, actorName: users.name }).from(auditLog).leftJoin(users, eq(users.id, auditLog.actorId))
        .where(where).orderBy(desc(auditLog.createdAt), desc(auditLog.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
      db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where),
    ]);
    return {
      items: rows.map(({ a, actorName }) => ({ ...a, actorName, createdAt: a.createdAt.toISOString() })),
      total: Number(count!.n), page: q.page, pageSize: q.pageSize,
    };
  });
}
