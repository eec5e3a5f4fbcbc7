import { randomInt } from 'node:crypto';
import { authChanged } from '../../lib/auth-changed.ts';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../lib/errors.ts';
import { hashPassword } from '../../lib/passwords.ts';
import { hmac, safeEqual } from '../../lib/tokens.ts';
import { businessNow } from '../../lib/time.ts';
import { record } from '../audit/audit.service.ts';
import { smsCodes } from '../notifications/notifications.table.ts';
import { SandboxProvider } from '../notifications/providers.ts';
import * as repo from './auth.repo.ts';
import { recordFailure } from './throttle.ts';
import { startSession, type RequestMeta } from './auth.service.ts';

/** Limits on sending codes: SMS costs money and can be used to harass a number. */
export const smsPolicy = { ttlMinutes: 5, perPhoneEverySeconds: 60, perPhonePerDay: 10, perIpPerHour: 20, maxAttempts: 5 };

type Purpose = 'login' | 'reset';
const codeHash = (ctx: AppContext, phone: string, purpose: Purpose, code: string) => hmac(ctx.secrets.derive('sms-code'), `${phone}|${purpose}|${code}`);

function tooMany(message: string, retryAfter: number) {
  return new AppError('throttled', 429, message, { retryAfter }, { 'retry-after': String(retryAfter) });
}

/**
 * Sends a one-time code. The answer is the same whether or not the number has an account, so
 * it cannot be used to discover who lives where; only known numbers actually get an SMS.
 */
export async function sendCode(ctx: AppContext, phone: string, purpose: Purpose, meta: RequestMeta) {
  const db = ctx.database.db;
  const [stats]: any = (await db.execute(sql`
    select
      coalesce(ceil(extract(epoch from (max(created_at) filter (where phone = ${phone}) + make_interval(secs => ${smsPolicy.perPhoneEverySeconds}) - now())))::int, 0) as wait,
      count(*) filter (where phone = ${phone} and created_at > now() - interval '1 day')::int as day,
      count(*) filter (where ip = ${meta.ip} and created_at > now() - interval '1 hour')::int as ip_hour
    from sms_codes where (phone = ${phone} or ip = ${meta.ip}) and created_at > now() - interval '1 day'`)).rows;
  if (stats.wait > 0) throw tooMany(`发送过于频繁，请 ${stats.wait} 秒后再试`, stats.wait);
  if (stats.day >= smsPolicy.perPhonePerDay) throw tooMany('该手机号今日验证码次数已达上限', 3600);
  if (stats.ip_hour >= smsPolicy.perIpPerHour) throw tooMany('请求过于频繁，请稍后再试', 600);

  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const [row] = await db.insert(smsCodes).values({
    phone, purpose, codeHash: codeHash(ctx, phone, purpose, code), ip: meta.ip,
    expiresAt: new Date(Date.now() + smsPolicy.ttlMinutes * 60_000),
  }).returning();
  const user = await repo.findUserByLogin(db, phone);
  const sms = ctx.providers.sms;
  if (user && sms) {
    await sms.send({
      id: row!.id, event: `auth.sms_code.${purpose}`, to: phone, title: '验证码',
      body: `【物业管理】您的${purpose === 'login' ? '登录' : '重置密码'}验证码是 ${code}，${smsPolicy.ttlMinutes} 分钟内有效。如非本人操作请忽略。`,
      data: { purpose, code },
    }).catch(() => { throw new AppError('internal', 503, '短信发送失败，请稍后再试'); });
  }
  const demo = ctx.config.demo && sms instanceof SandboxProvider && user;
  return { ok: true as const, retryAfter: smsPolicy.perPhoneEverySeconds, ...(demo ? { demoCode: code } : {}) };
}

/** Consumes a valid code; a wrong one counts against the code and towards login back-off. */
async function consume(ctx: AppContext, phone: string, purpose: Purpose, code: string, meta: RequestMeta) {
  const db = ctx.database.db;
  const [latest] = await db.select().from(smsCodes)
    .where(and(eq(smsCodes.phone, phone), eq(smsCodes.purpose, purpose), isNull(smsCodes.usedAt), gt(smsCodes.expiresAt, new Date())))
    .orderBy(desc(smsCodes.createdAt)).limit(1);
  const ok = latest && latest.attempts < smsPolicy.maxAttempts && safeEqual(latest.codeHash, codeHash(ctx, phone, purpose, code));
  if (!ok) {
    if (latest) await db.update(smsCodes).set({ attempts: sql`${smsCodes.attempts} + 1` }).where(eq(smsCodes.id, latest.id));
    await recordFailure(db, `acct:${phone}`, 'account');
    await recordFailure(db, `ip:${meta.ip ?? 'unknown'}`, 'ip');
    throw new AppError('invalid_credentials', 401, '验证码错误或已过期');
  }
  const used = await db.update(smsCodes).set({ usedAt: new Date() }).where(and(eq(smsCodes.id, latest.id), isNull(smsCodes.usedAt))).returning();
  if (!used.length) throw new AppError('invalid_credentials', 401, '验证码错误或已过期');
  const user = await repo.findUserByLogin(db, phone);
  if (!user) throw new AppError('invalid_credentials', 401, '验证码错误或已过期');
  if (user.lockedAt) throw new AppError('account_locked', 403, '账号已锁定，请联系管理员解锁');
  return user;
}

export async function loginWithCode(ctx: AppContext, phone: string, code: string, meta: RequestMeta) {
  const user = await consume(ctx, phone, 'login', code, meta);
  return startSession(ctx, user.id, meta);
}

export async function resetWithCode(ctx: AppContext, phone: string, code: string, newPassword: string, meta: RequestMeta) {
  const user = await consume(ctx, phone, 'reset', code, meta);
  const passwordHash = await hashPassword(newPassword);
  await ctx.database.db.transaction(async (tx) => {
    await authChanged(ctx, tx);
    await repo.replacePassword(tx, user.id, passwordHash);
    const actor = { via: 'session', userId: user.id, ip: meta.ip } as any;
    await record(tx, actor, 'auth.password_reset_by_code', { type: 'user', id: user.id });
    const [first] = await repo.membershipsOf(tx, user.id);
    await ctx.notifier.notify(tx, 'account.password_changed', { companyId: first?.companyId ?? null, userIds: [user.id] },
      { name: user.name, time: businessNow().format('YYYY-MM-DD HH:mm') });
  });
}
