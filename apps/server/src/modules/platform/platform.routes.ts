import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { ZCompany, ZCompanyCreate } from '@wuye/shared';
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
}
