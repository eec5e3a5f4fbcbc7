import { desc, eq } from 'drizzle-orm';
import { authChanged } from '../../lib/auth-changed.ts';
import { z } from 'zod';
import { ZCompany, ZCompanyCreate, ZPiiKeyStatus, ZPiiReencryptQueued } from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import { duplicate } from '../../lib/errors.ts';
import { actorOf, type App } from '../../lib/http.ts';
import { hashPassword } from '../../lib/passwords.ts';
import { record } from '../audit/audit.service.ts';
import { findUserByLogin } from '../auth/auth.repo.ts';
import { users } from '../auth/auth.table.ts';
import { createCompanyWithRoles } from '../org/company.service.ts';
import { companies, membershipRoles, memberships, roles } from '../org/org.table.ts';
import { and } from 'drizzle-orm';
import { sandboxMessages } from '../notifications/notifications.table.ts';
import { keyCounts } from '../estate/pii-rotation.service.ts';
import { requestReencrypt } from '../estate/pii-rotation.job.ts';

const view = (c: typeof companies.$inferSelect) => ({ id: c.id, code: c.code, name: c.name, status: c.status, createdAt: c.createdAt.toISOString() });

/** The SaaS operator's screens: the only place that reads across tenants. */
export function platformRoutes(app: App, ctx: AppContext) {
  const access = { access: { permission: 'platform.company.manage', scope: 'platform' } } as const;
  app.get('/api/platform/companies', {
    schema: { tags: ['platform'], summary: '物业公司（租户）列表', response: { 200: z.array(ZCompany) } }, config: access,
  }, async () => (await ctx.database.db.select().from(companies).orderBy(desc(companies.createdAt))).map(view));

  app.post('/api/platform/companies', {
    schema: { tags: ['platform'], summary: '开通物业公司及其总部管理员', body: ZCompanyCreate, response: { 200: ZCompany } }, config: access,
  }, async (req) => {
    const actor = actorOf(req);
    const { admin } = req.body;
    const passwordHash = await hashPassword(admin.password);
    return ctx.database.db.transaction(async (tx) => {
      await authChanged(ctx, tx);
      const [dup] = await tx.select({ id: companies.id }).from(companies).where(eq(companies.code, req.body.code));
      if (dup) throw duplicate('公司编码已存在', [{ path: 'body.code', message: 'duplicate' }]);
      const company = await createCompanyWithRoles(tx, req.body);
      let user = await findUserByLogin(tx, admin.phone);
      if (!user) [user] = await tx.insert(users).values({ phone: admin.phone, username: admin.username ?? null, name: admin.name, passwordHash }).returning();
      const [m] = await tx.insert(memberships).values({ companyId: company.id, userId: user!.id, kind: 'staff', displayName: admin.name, allProjects: true }).returning();
      const [role] = await tx.select().from(roles).where(and(eq(roles.companyId, company.id), eq(roles.code, 'hq_admin')));
      await tx.insert(membershipRoles).values({ companyId: company.id, membershipId: m!.id, roleId: role!.id });
      await record(tx, actor, 'company.created', { type: 'company', id: company.id, companyId: company.id }, null, view(company));
      return view(company);
    });
  });

  // Key rotation: set PII_KEY_ID to a new id and restart; these show and hurry the re-encryption.
  app.get('/api/platform/pii-keys', {
    schema: { tags: ['platform'], summary: '个人信息加密密钥：各密钥下的数据量、当前密钥', response: { 200: ZPiiKeyStatus } }, config: access,
  }, () => keyCounts(ctx));
  app.post('/api/platform/pii-keys/reencrypt', {
    schema: { tags: ['platform'], summary: '立即以当前密钥重新加密旧数据（后台任务）', response: { 200: ZPiiReencryptQueued } }, config: access,
  }, (req) => requestReencrypt(ctx, actorOf(req)));
}

const ZSandboxMessage = z.object({ id: z.string(), channel: z.string(), to: z.string(), content: z.unknown(), createdAt: z.string() });

/**
 * What the sandbox providers "sent" (SMS codes included) — the platform operator's view of the
 * demo's outgoing messages. Cross-tenant by nature, so it is not a company screen.
 */
export function sandboxRoutes(app: App, ctx: AppContext) {
  app.get('/api/platform/sandbox-messages', {
    schema: {
      tags: ['platform'], summary: '沙箱通道已发送的消息（演示用，含短信验证码）',
      querystring: z.object({ channel: z.enum(['sms', 'wechat', 'email']).optional(), to: z.string().max(200).optional() }),
      response: { 200: z.array(ZSandboxMessage) },
    },
    config: { access: { permission: 'platform.company.manage', scope: 'platform' } },
  }, async (req) => {
    const conds = [];
    if (req.query.channel) conds.push(eq(sandboxMessages.channel, req.query.channel));
    if (req.query.to) conds.push(eq(sandboxMessages.to, req.query.to));
    const rows = await ctx.database.db.select().from(sandboxMessages).where(conds.length ? and(...conds) : undefined)
      .orderBy(desc(sandboxMessages.createdAt)).limit(200);
    return rows.map((r) => ({ id: r.id, channel: r.channel, to: r.to, content: r.content, createdAt: r.createdAt.toISOString() }));
  });
}
