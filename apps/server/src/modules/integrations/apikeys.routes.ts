import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { ZApiKey, ZApiKeyCreate, ZApiKeyCreated, ZIdParam, ZOk } from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import { requireCompany, type Actor } from '../../lib/actor.ts';
import { badRequest, notFound } from '../../lib/errors.ts';
import { actorOf, type App } from '../../lib/http.ts';
import { hmac, randomToken } from '../../lib/tokens.ts';
import { record } from '../audit/audit.service.ts';
import { checkGrantable } from '../org/roles.service.ts';
import { projectsByIds } from '../org/staff.repo.ts';
import { apiKeys } from './apikeys.table.ts';

const view = (k: typeof apiKeys.$inferSelect) => ({
  id: k.id, name: k.name, prefix: k.prefix, permissions: k.permissions, projectIds: k.projectIds,
  createdAt: k.createdAt.toISOString(), lastUsedAt: k.lastUsedAt?.toISOString() ?? null, revokedAt: k.revokedAt?.toISOString() ?? null,
});

async function create(ctx: AppContext, actor: Actor, input: z.infer<typeof ZApiKeyCreate>) {
  const companyId = requireCompany(actor);
  checkGrantable(actor, input.permissions);
  if (input.projectIds) {
    const found = await projectsByIds(ctx.database.db, companyId, input.projectIds);
    if (found.length !== new Set(input.projectIds).size) throw badRequest('项目不存在', [{ path: 'body.projectIds', message: 'unknown_project' }]);
  }
  const prefix = randomToken(9).replace(/[^A-Za-z0-9]/g, '').slice(0, 10).padEnd(10, 'x');
  const secret = randomToken(24);
  return ctx.database.db.transaction(async (tx) => {
    const [k] = await tx.insert(apiKeys).values({
      companyId, name: input.name, prefix, secretHash: hmac(ctx.secrets.derive('api-key'), secret),
      permissions: [...new Set(input.permissions)], projectIds: input.projectIds, createdBy: actor.userId,
    }).returning();
    await record(tx, actor, 'apikey.created', { type: 'api_key', id: k!.id }, null, view(k!));
    return { ...view(k!), secret: `wy_${prefix}_${secret}` };
  });
}

export function apiKeyRoutes(app: App, ctx: AppContext) {
  const access = { access: { permission: 'org.apikey.manage', scope: 'company' } } as const;
  app.get('/api/api-keys', { schema: { tags: ['integrations'], summary: 'API 密钥列表', response: { 200: z.array(ZApiKey) } }, config: access },
    async (req) => {
      const rows = await ctx.database.db.select().from(apiKeys).where(eq(apiKeys.companyId, requireCompany(actorOf(req)))).orderBy(desc(apiKeys.createdAt));
      return rows.map(view);
    });
  app.post('/api/api-keys', {
    schema: { tags: ['integrations'], summary: '新建 API 密钥（密钥只显示一次）', body: ZApiKeyCreate, response: { 200: ZApiKeyCreated } }, config: access,
  }, (req) => create(ctx, actorOf(req), req.body));
  app.delete('/api/api-keys/:id', {
    schema: { tags: ['integrations'], summary: '吊销 API 密钥', params: ZIdParam, response: { 200: ZOk } }, config: access,
  }, async (req) => {
    const actor = actorOf(req);
    await ctx.database.db.transaction(async (tx) => {
      const rows = await tx.update(apiKeys).set({ revokedAt: new Date() })
        .where(and(eq(apiKeys.companyId, requireCompany(actor)), eq(apiKeys.id, req.params.id), isNull(apiKeys.revokedAt))).returning();
      if (!rows[0]) throw notFound('API 密钥');
      await record(tx, actor, 'apikey.revoked', { type: 'api_key', id: req.params.id });
    });
    return { ok: true as const };
  });
}
