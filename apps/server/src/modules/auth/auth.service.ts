import { eq, sql } from 'drizzle-orm';
import { authChanged } from '../../lib/auth-changed.ts';
import type { z } from 'zod';
import type { ZChangePassword, ZLogin, ZRegister, Me } from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import type { Actor } from '../../lib/actor.ts';
import { AppError, badRequest, duplicate } from '../../lib/errors.ts';
import { dummyHash, hashPassword, verifyPassword } from '../../lib/passwords.ts';
import { randomToken, sha256 } from '../../lib/tokens.ts';
import { record } from '../audit/audit.service.ts';
import { privacyConsents, users } from './auth.table.ts';
import * as repo from './auth.repo.ts';
import { checkCaptcha } from './captcha.ts';
import { privacyPolicy } from './privacy.ts';
import { clearThrottle, readThrottle, recordFailure, throttlePolicy } from './throttle.ts';
import { memberships } from '../org/org.table.ts';
import { businessNow } from '../../lib/time.ts';

export interface RequestMeta { ip: string | null; userAgent: string | null; oldToken?: string }

const invalid = (captchaRequired: boolean) =>
  new AppError('invalid_credentials', 401, '账号或密码错误', { captchaRequired });

export async function login(ctx: AppContext, input: z.infer<typeof ZLogin>, meta: RequestMeta) {
  const db = ctx.database.db;
  const acctKey = `acct:${input.login.toLowerCase()}`;
  const ipKey = `ip:${meta.ip ?? 'unknown'}`;
  const [acct, ip] = await Promise.all([readThrottle(db, acctKey, 'account'), readThrottle(db, ipKey, 'ip')]);
  const wait = Math.max(acct.retryAfter, ip.retryAfter);
  if (wait > 0) {
    throw new AppError('throttled', 429, `尝试过于频繁，请 ${wait} 秒后再试`, { retryAfter: wait, captchaRequired: acct.failures >= throttlePolicy.captchaAfter }, { 'retry-after': String(wait) });
  }
  if (acct.failures >= throttlePolicy.captchaAfter && !(await checkCaptcha(db, input.captchaId, input.captchaText))) {
    throw new AppError('captcha_required', 401, input.captchaText ? '验证码错误' : '请输入验证码', { captchaRequired: true });
  }
  const user = await repo.findUserByLogin(db, input.login);
  if (user?.lockedAt) throw new AppError('account_locked', 403, '账号已锁定，请联系管理员解锁');
  const ok = user ? await verifyPassword(user.passwordHash, input.password) : (await verifyPassword(await dummyHash(), input.password), false);
  if (!ok) {
    const failures = await recordFailure(db, acctKey, 'account');
    await recordFailure(db, ipKey, 'ip');
    const actor = anonymous(meta.ip);
    await db.transaction(async (tx) => {
      await record(tx, actor, 'auth.login_failed', { type: 'user', id: user?.id ?? null }, null, { login: input.login, failures });
      if (user && failures >= throttlePolicy.staffLockAfter && (user.isPlatformAdmin || (await repo.isStaffAnywhere(tx, user.id)))) {
        await tx.update(users).set({ lockedAt: new Date() }).where(eq(users.id, user.id));
        await record(tx, actor, 'auth.locked', { type: 'user', id: user.id }, null, { failures });
        for (const m of await repo.membershipsOf(tx, user.id)) {
          if (m.kind !== 'staff') continue;
          await ctx.notifier.notify(tx, 'account.locked', { companyId: m.companyId, role: { code: 'hq_admin' } },
            { name: user.name, login: input.login, time: businessNow().format('YYYY-MM-DD HH:mm') });
        }
      }
    });
    throw invalid(failures >= throttlePolicy.captchaAfter);
  }
  await clearThrottle(db, acctKey);
  return startSession(ctx, user!.id, meta);
}

/** A new session on every sign-in (rotation); the token the browser came with is revoked. */
export async function startSession(ctx: AppContext, userId: string, meta: RequestMeta) {
  const token = randomToken();
  await ctx.database.db.transaction(async (tx) => {
    await authChanged(ctx, tx);
    if (meta.oldToken) await repo.revokeSessionByToken(tx, sha256(meta.oldToken));
    const [first] = await repo.membershipsOf(tx, userId);
    const s = await repo.createSession(tx, {
      tokenHash: sha256(token), userId, companyId: first?.companyId ?? null, ip: meta.ip, userAgent: meta.userAgent,
      maxHours: ctx.config.SESSION_MAX_HOURS,
    });
    await record(tx, { ...anonymous(meta.ip), userId, via: 'session' }, 'auth.login', { type: 'session', id: s.id, companyId: s.companyId });
  });
  return token;
}

export async function logout(ctx: AppContext, actor: Actor) {
  await ctx.database.db.transaction(async (tx) => {
    await authChanged(ctx, tx);
    await repo.revokeSession(tx, actor.userId!, actor.sessionId!);
    await record(tx, actor, 'auth.logout', { type: 'session', id: actor.sessionId });
  });
}

export async function me(ctx: AppContext, actor: Actor): Promise<Me> {
  const db = ctx.database.db;
  const user = (await repo.findUserById(db, actor.userId!))!;
  const mships = await repo.membershipsOf(db, actor.userId!);
  const current = mships.find((m) => m.companyId === actor.companyId);
  return {
    user: { id: user.id, name: user.name, username: user.username, phone: user.phone, isPlatformAdmin: user.isPlatformAdmin },
    companyId: actor.companyId,
    companyName: current?.companyName ?? null,
    kind: actor.memberKind,
    roles: actor.roles,
    permissions: [...actor.permissions].sort(),
    scope: actor.scope,
    projects: actor.companyId ? await repo.visibleProjects(db, actor.companyId, actor.projectIds) : [],
    memberships: mships,
  };
}

export async function switchCompany(ctx: AppContext, actor: Actor, companyId: string) {
  const mships = await repo.membershipsOf(ctx.database.db, actor.userId!);
  if (!mships.some((m) => m.companyId === companyId)) throw new AppError('not_found', 404, '公司不存在或您不是其成员');
  await ctx.database.db.transaction(async (tx) => {
    await authChanged(ctx, tx);
    await repo.setSessionCompany(tx, actor.sessionId!, companyId);
  });
}

export async function changePassword(ctx: AppContext, actor: Actor, input: z.infer<typeof ZChangePassword>, meta: RequestMeta) {
  const user = (await repo.findUserById(ctx.database.db, actor.userId!))!;
  if (!(await verifyPassword(user.passwordHash, input.oldPassword))) throw new AppError('invalid_credentials', 401, '原密码错误');
  if (input.oldPassword === input.newPassword) throw badRequest('新密码不能与原密码相同', [{ path: 'body.newPassword', message: 'same_as_old' }]);
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.database.db.transaction(async (tx) => {
    await authChanged(ctx, tx);
    await repo.replacePassword(tx, user.id, passwordHash);
    await record(tx, actor, 'auth.password_changed', { type: 'user', id: user.id });
    await ctx.notifier.notify(tx, 'account.password_changed', { companyId: actor.companyId, userIds: [user.id] },
      { name: user.name, time: businessNow().format('YYYY-MM-DD HH:mm') });
  });
  return startSession(ctx, user.id, meta);
}

export async function register(ctx: AppContext, input: z.infer<typeof ZRegister>, meta: RequestMeta) {
  if (input.privacyVersion !== privacyPolicy.version) {
    throw badRequest('请阅读并同意最新版本的隐私政策', [{ path: 'body.privacyVersion', message: `current is ${privacyPolicy.version}` }]);
  }
  const passwordHash = await hashPassword(input.password);
  const userId = await ctx.database.db.transaction(async (tx) => {
    const existing = await repo.findUserByLogin(tx, input.phone);
    if (existing) throw duplicate('该手机号已注册，请直接登录', [{ path: 'body.phone', message: 'already_registered' }]);
    const [u] = await tx.insert(users).values({ phone: input.phone, name: input.name, passwordHash }).returning({ id: users.id });
    await tx.insert(privacyConsents).values({ userId: u!.id, policyVersion: input.privacyVersion, ip: meta.ip });
    const actor = { ...anonymous(meta.ip), userId: u!.id, via: 'session' as const };
    await record(tx, actor, 'auth.registered', { type: 'user', id: u!.id }, null, { name: input.name });
    await record(tx, actor, 'auth.privacy_accepted', { type: 'user', id: u!.id }, null, { version: input.privacyVersion });
    return u!.id;
  });
  return startSession(ctx, userId, meta);
}

/**
 * PIPL deletion: the person's identifying fields are anonymised at once and every session ends;
 * ids stay, so bills and payments that reference the account remain intact.
 */
export async function requestDeletion(ctx: AppContext, actor: Actor) {
  const passwordHash = await hashPassword(randomToken());
  await ctx.database.db.transaction(async (tx) => {
    await authChanged(ctx, tx);
    const before = await repo.findUserById(tx, actor.userId!);
    await tx.update(users).set({
      name: '已注销用户', phone: null, username: null, passwordHash, status: 'deleted', deletedAt: new Date(),
      version: sql`${users.version} + 1`,
    }).where(eq(users.id, actor.userId!));
    await tx.update(memberships).set({ displayName: '已注销用户', status: 'disabled' }).where(eq(memberships.userId, actor.userId!));
    await repo.revokeAllSessions(tx, actor.userId!);
    await record(tx, actor, 'auth.deletion_requested', { type: 'user', id: actor.userId }, { name: before?.name ? '***' : null }, { status: 'deleted' });
  });
}

function anonymous(ip: string | null): Actor {
  return {
    via: 'system', userId: null, sessionId: null, apiKeyId: null, name: 'anonymous', isPlatformAdmin: false, companyId: null,
    membershipId: null, memberKind: 'platform', roles: [], permissions: new Set(), scope: 'own', projectIds: [],
    selectedProjectId: null, ip,
  };
}
