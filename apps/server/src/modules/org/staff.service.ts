import { and, eq, sql } from 'drizzle-orm';
import { authChanged } from '../../lib/auth-changed.ts';
import type { z } from 'zod';
import type { Staff, ZStaffCreate, ZStaffQuery, ZStaffUpdate, ZResetPassword } from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import type { Executor } from '../../db/client.ts';
import { requireCompany, type Actor } from '../../lib/actor.ts';
import { AppError, badRequest, duplicate, notFound } from '../../lib/errors.ts';
import { hashPassword } from '../../lib/passwords.ts';
import { phoneFor } from '../../lib/pii.ts';
import { checkVersioned } from '../../lib/versioned.ts';
import { record } from '../audit/audit.service.ts';
import { users } from '../auth/auth.table.ts';
import { findUserByLogin, replacePassword, revokeAllSessions } from '../auth/auth.repo.ts';
import { clearThrottle } from '../auth/throttle.ts';
import { memberships } from './org.table.ts';
import { checkGrantable } from './roles.service.ts';
import * as repo from './staff.repo.ts';

const present = (actor: Actor, s: repo.StaffRow): Staff => ({ ...s, phone: phoneFor(actor, s.phone) });
const filterOf = (actor: Actor) => ({ companyId: requireCompany(actor), visible: actor.projectIds });

export async function list(ctx: AppContext, actor: Actor, q: z.infer<typeof ZStaffQuery>) {
  const f = { ...filterOf(actor), q: q.q, projectId: q.projectId ?? actor.selectedProjectId ?? undefined, roleId: q.roleId, status: q.status };
  const db = ctx.database.db;
  // a window count would stop the page query from ending at LIMIT; a separate count is cheaper
  const [items, total] = await Promise.all([
    repo.findStaff(db, f, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
    repo.countStaff(db, f),
  ]);
  return { items: items.map((s) => present(actor, s)), total, page: q.page, pageSize: q.pageSize };
}

async function load(db: Executor, actor: Actor, id: string) {
  const [s] = await repo.findStaff(db, { ...filterOf(actor), id });
  if (!s) throw notFound('员工');
  return s;
}

export async function get(ctx: AppContext, actor: Actor, id: string) {
  return present(actor, await load(ctx.database.db, actor, id));
}

/** Checks the roles and projects an actor hands out: own company, own scope, no escalation. */
async function checkAssignments(db: Executor, actor: Actor, v: { roleIds?: string[]; projectIds?: string[]; allProjects?: boolean }) {
  const companyId = requireCompany(actor);
  if (v.roleIds) {
    const found = await repo.rolesByIds(db, companyId, v.roleIds);
    if (found.length !== new Set(v.roleIds).size) throw badRequest('角色不存在', [{ path: 'body.roleIds', message: 'unknown_role' }]);
    if (found.some((r) => r.scope === 'own')) throw badRequest('住户角色不能分配给员工', [{ path: 'body.roleIds', message: 'resident_role' }]);
    checkGrantable(actor, found.flatMap((r) => r.permissions), 'body.roleIds');
    if (actor.projectIds !== 'all' && found.some((r) => r.scope === 'company')) throw new AppError('forbidden', 403, '只有总部可以分配总部角色');
  }
  if (v.allProjects && actor.projectIds !== 'all') throw new AppError('forbidden', 403, '只有总部可以授予全部项目');
  if (v.projectIds?.length) {
    const found = await repo.projectsByIds(db, companyId, v.projectIds);
    const visible = actor.projectIds;
    if (found.length !== new Set(v.projectIds).size || (visible !== 'all' && v.projectIds.some((p) => !visible.includes(p)))) {
      throw badRequest('项目不存在或不在您的管理范围', [{ path: 'body.projectIds', message: 'unknown_project' }]);
    }
  }
}

export async function create(ctx: AppContext, actor: Actor, input: z.infer<typeof ZStaffCreate>) {
  const companyId = requireCompany(actor);
  const db = ctx.database.db;
  await checkAssignments(db, actor, input);
  if (!input.allProjects && input.projectIds.length === 0 && actor.projectIds !== 'all') {
    throw badRequest('请至少分配一个项目', [{ path: 'body.projectIds', message: 'required' }]);
  }
  const passwordHash = await hashPassword(input.password);
  const id = await db.transaction(async (tx) => {
    await authChanged(ctx, tx);
    // One identity per person: a phone already known (say, a resident elsewhere) is linked, not duplicated.
    let user = await findUserByLogin(tx, input.phone);
    if (!user) {
      [user] = await tx.insert(users).values({ phone: input.phone, username: input.username ?? null, name: input.name, passwordHash }).returning();
    }
    const [exists] = await tx.select({ id: memberships.id }).from(memberships)
      .where(and(eq(memberships.companyId, companyId), eq(memberships.userId, user!.id)));
    if (exists) throw duplicate('该手机号已是本公司成员', [{ path: 'body.phone', message: 'already_member' }]);
    const [m] = await tx.insert(memberships).values({
      companyId, userId: user!.id, kind: 'staff', displayName: input.name, allProjects: input.allProjects,
    }).returning();
    await repo.setRoles(tx, companyId, m!.id, [...new Set(input.roleIds)]);
    await repo.setProjects(tx, companyId, m!.id, [...new Set(input.projectIds)]);
    const after = await load(tx, actor, m!.id).catch(() => null);
    await record(tx, actor, 'staff.created', { type: 'staff', id: m!.id }, null, after ? { ...after, phone: '***' } : { id: m!.id });
    return m!.id;
  });
  return get(ctx, { ...actor, projectIds: 'all' }, id).then((s) => ({ ...s, phone: phoneFor(actor, s.phone) }));
}

export async function update(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof ZStaffUpdate>) {
  const companyId = requireCompany(actor);
  const db = ctx.database.db;
  const before = await load(db, actor, id);
  await checkAssignments(db, actor, input);
  await db.transaction(async (tx) => {
    await authChanged(ctx, tx);
    const rows = await tx.update(memberships).set({
      ...(input.name ? { displayName: input.name } : {}),
      ...(input.status ? { status: input.status } : {}),
      ...(input.allProjects !== undefined ? { allProjects: input.allProjects } : {}),
      version: sql`${memberships.version} + 1`,
    }).where(and(eq(memberships.companyId, companyId), eq(memberships.id, id), eq(memberships.version, input.version))).returning();
    await checkVersioned(rows, async () => true, '员工');
    if (input.roleIds) await repo.setRoles(tx, companyId, id, [...new Set(input.roleIds)]);
    if (input.projectIds) {
      // A project manager edits only their own projects; assignments elsewhere stay as they were.
      const keep = actor.projectIds === 'all' ? [] : (await repo.projectIdsOf(tx, id)).filter((p) => !actor.projectIds.includes(p));
      await repo.setProjects(tx, companyId, id, [...new Set([...keep, ...input.projectIds])]);
    }
    if (input.status === 'disabled') await revokeAllSessions(tx, before.userId);
    const after = (await repo.findStaff(tx, { companyId, visible: 'all', id }))[0];
    await record(tx, actor, 'staff.updated', { type: 'staff', id }, { ...before, phone: '***' }, { ...after, phone: '***' });
  });
  return get(ctx, actor, id).catch(() => get(ctx, { ...actor, projectIds: 'all' }, id));
}

export async function unlock(ctx: AppContext, actor: Actor, id: string) {
  const s = await load(ctx.database.db, actor, id);
  await ctx.database.db.transaction(async (tx) => {
    await tx.update(users).set({ lockedAt: null }).where(eq(users.id, s.userId));
    for (const login of [s.phone, s.username]) if (login) await clearThrottle(tx, `acct:${login.toLowerCase()}`);
    await record(tx, actor, 'staff.unlocked', { type: 'staff', id }, { locked: s.locked }, { locked: false });
  });
  return get(ctx, actor, id);
}

export async function resetPassword(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof ZResetPassword>) {
  const s = await load(ctx.database.db, actor, id);
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.database.db.transaction(async (tx) => {
    await authChanged(ctx, tx);
    await replacePassword(tx, s.userId, passwordHash);
    await record(tx, actor, 'staff.password_reset', { type: 'staff', id });
  });
}
