import { and, asc, eq, sql } from 'drizzle-orm';
import { authChanged } from '../../lib/auth-changed.ts';
import type { z } from 'zod';
import { companyPermissions, type Role, type ZRoleCreate, type ZRoleUpdate } from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import { requireCompany, type Actor } from '../../lib/actor.ts';
import { AppError, badRequest, conflict, notFound } from '../../lib/errors.ts';
import { checkVersioned } from '../../lib/versioned.ts';
import { record } from '../audit/audit.service.ts';
import { membershipRoles, roles } from './org.table.ts';

const view = (r: typeof roles.$inferSelect): Role => ({
  id: r.id, code: r.code, name: r.name, builtin: r.builtin, scope: r.scope, permissions: r.permissions, version: r.version,
});

/** A role may hold only company permissions, and nobody grants what they do not hold themselves. */
export function checkGrantable(actor: Actor, permissions: string[], field = 'body.permissions') {
  const unknown = permissions.filter((p) => !companyPermissions.includes(p as never));
  if (unknown.length) throw badRequest(`未知的权限代码：${unknown.join(', ')}`, [{ path: field, message: `unknown: ${unknown.join(',')}` }]);
  const beyond = permissions.filter((p) => !actor.permissions.has(p));
  if (beyond.length) throw new AppError('forbidden', 403, `不能授予自己没有的权限：${beyond.join(', ')}`);
}

export async function list(ctx: AppContext, actor: Actor) {
  const companyId = requireCompany(actor);
  const rows = await ctx.database.db.select().from(roles).where(eq(roles.companyId, companyId)).orderBy(asc(roles.builtin), asc(roles.code));
  return rows.map(view);
}

async function load(ctx: AppContext, companyId: string, id: string) {
  const [r] = await ctx.database.db.select().from(roles).where(and(eq(roles.companyId, companyId), eq(roles.id, id)));
  if (!r) throw notFound('角色');
  return r;
}

export async function get(ctx: AppContext, actor: Actor, id: string) {
  return view(await load(ctx, requireCompany(actor), id));
}

export async function create(ctx: AppContext, actor: Actor, input: z.infer<typeof ZRoleCreate>) {
  const companyId = requireCompany(actor);
  checkGrantable(actor, input.permissions);
  return ctx.database.db.transaction(async (tx) => {
    const [r] = await tx.insert(roles).values({ companyId, ...input, permissions: [...new Set(input.permissions)] }).returning();
    await record(tx, actor, 'role.created', { type: 'role', id: r!.id }, null, view(r!));
    return view(r!);
  });
}

export async function update(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof ZRoleUpdate>) {
  const companyId = requireCompany(actor);
  const before = await load(ctx, companyId, id);
  if (input.permissions) {
    if (before.builtin) throw conflict('内置角色的权限不可修改，请复制为自定义角色后调整');
    checkGrantable(actor, input.permissions);
  }
  return ctx.database.db.transaction(async (tx) => {
    await authChanged(ctx, tx);
    const rows = await tx.update(roles).set({
      ...(input.name ? { name: input.name } : {}),
      ...(input.permissions ? { permissions: [...new Set(input.permissions)] } : {}),
      version: sql`${roles.version} + 1`,
    }).where(and(eq(roles.companyId, companyId), eq(roles.id, id), eq(roles.version, input.version))).returning();
    const r = await checkVersioned(rows, async () => true, '角色');
    await record(tx, actor, 'role.updated', { type: 'role', id }, view(before), view(r));
    return view(r);
  });
}

export async function remove(ctx: AppContext, actor: Actor, id: string) {
  const companyId = requireCompany(actor);
  const before = await load(ctx, companyId, id);
  if (before.builtin) throw conflict('内置角色不可删除');
  await ctx.database.db.transaction(async (tx) => {
    await authChanged(ctx, tx);
    const [used] = await tx.select({ n: sql<number>`count(*)::int` }).from(membershipRoles).where(and(eq(membershipRoles.companyId, companyId), eq(membershipRoles.roleId, id)));
    if (Number(used!.n) > 0) throw conflict(`角色仍被 ${used!.n} 名员工使用，不能删除`);
    await tx.delete(roles).where(and(eq(roles.companyId, companyId), eq(roles.id, id)));
    await record(tx, actor, 'role.deleted', { type: 'role', id }, view(before), null);
  });
}
