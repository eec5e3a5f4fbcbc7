import { z } from 'zod';
import { authChanged } from '../../lib/auth-changed.ts';
import { ZResetByCode, ZSmsCodeRequest, ZSmsCodeSent, ZSmsLogin, ZCaptcha, ZChangePassword, ZIdParam, ZLogin, ZMe, ZOk, ZPrivacyPolicy, ZRegister, ZSessionInfo, ZSwitchCompany } from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import { actorOf, requestMeta, type App, type FastifyReply, type FastifyRequest } from '../../lib/http.ts';
import { notFound } from '../../lib/errors.ts';
import { SESSION_COOKIE, sessionActor } from '../../plugins/auth.ts';
import { createCaptcha } from './captcha.ts';
import { privacyPolicy } from './privacy.ts';
import * as repo from './auth.repo.ts';
import * as auth from './auth.service.ts';
import * as smsCode from './sms-code.service.ts';
import { record } from '../audit/audit.service.ts';

const tags = ['auth'];
const self = { access: { permission: 'authenticated', scope: 'self' } } as const;

export function authRoutes(app: App, ctx: AppContext) {
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/', httpOnly: true, sameSite: 'lax',
      secure: ctx.config.COOKIE_SECURE ?? ctx.config.NODE_ENV === 'production',
      maxAge: ctx.config.SESSION_MAX_HOURS * 3600,
    });
  const oldToken = (req: FastifyRequest) => req.cookies?.[SESSION_COOKIE];
  /** What /me will say for the new session, answered by the call that created it. */
  const reloadActor = async (req: FastifyRequest, token: string) => auth.me(ctx, (await sessionActor(ctx, req, token))!);

  app.get('/api/auth/captcha', {
    schema: { tags, summary: '获取图形验证码', response: { 200: ZCaptcha } },
    config: { access: { public: 'shown on the login page before anyone is signed in' } },
  }, async () => createCaptcha(ctx.database.db));

  app.post('/api/auth/login', {
    schema: { tags, summary: '登录（手机号或用户名 + 密码）', body: ZLogin, response: { 200: ZMe } },
    config: { access: { public: 'signs a person in' } },
  }, async (req, reply) => {
    const token = await auth.login(ctx, req.body, requestMeta(req, oldToken(req)));
    setCookie(reply, token);
    return reloadActor(req, token);
  });

  app.post('/api/auth/sms-code', {
    schema: { tags, summary: '发送短信验证码（登录 / 重置密码；限频）', body: ZSmsCodeRequest, response: { 200: ZSmsCodeSent } },
    config: { access: { public: 'people who cannot sign in yet request a code' } },
  }, async (req) => smsCode.sendCode(ctx, req.body.phone, req.body.purpose, requestMeta(req)));

  app.post('/api/auth/login-sms', {
    schema: { tags, summary: '手机号 + 短信验证码登录', body: ZSmsLogin, response: { 200: ZMe } },
    config: { access: { public: 'signs a person in with a one-time code' } },
  }, async (req, reply) => {
    const token = await smsCode.loginWithCode(ctx, req.body.phone, req.body.code, requestMeta(req, oldToken(req)));
    setCookie(reply, token);
    return reloadActor(req, token);
  });

  app.post('/api/auth/reset-password', {
    schema: { tags, summary: '用短信验证码重置密码（所有会话失效）', body: ZResetByCode, response: { 200: ZOk } },
    config: { access: { public: 'a person who forgot the password' } },
  }, async (req) => {
    await smsCode.resetWithCode(ctx, req.body.phone, req.body.code, req.body.newPassword, requestMeta(req));
    return { ok: true as const };
  });

  app.post('/api/auth/register', {
    schema: { tags, summary: '住户注册（须同意隐私政策）', body: ZRegister, response: { 200: ZMe } },
    config: { access: { public: 'residents create their own account' } },
  }, async (req, reply) => {
    const token = await auth.register(ctx, req.body, requestMeta(req, oldToken(req)));
    setCookie(reply, token);
    return reloadActor(req, token);
  });

  app.get('/api/privacy-policy', {
    schema: { tags, summary: '隐私政策', response: { 200: ZPrivacyPolicy } },
    config: { access: { public: 'read before registering' } },
  }, async () => privacyPolicy);

  app.post('/api/auth/logout', { schema: { tags, summary: '退出登录', response: { 200: ZOk } }, config: self }, async (req, reply) => {
    await auth.logout(ctx, actorOf(req));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/api/auth/me', { schema: { tags, summary: '当前用户、权限与可见项目', response: { 200: ZMe } }, config: self },
    async (req) => auth.me(ctx, actorOf(req)));

  app.post('/api/auth/switch-company', {
    schema: { tags, summary: '切换当前公司', body: ZSwitchCompany, response: { 200: ZMe } }, config: self,
  }, async (req) => {
    await auth.switchCompany(ctx, actorOf(req), req.body.companyId);
    return reloadActor(req, oldToken(req)!);
  });

  app.post('/api/auth/password', {
    schema: { tags, summary: '修改密码（所有会话立即失效）', body: ZChangePassword, response: { 200: ZOk } }, config: self,
  }, async (req, reply) => {
    const token = await auth.changePassword(ctx, actorOf(req), req.body, requestMeta(req));
    setCookie(reply, token);
    return { ok: true as const };
  });

  app.get('/api/auth/sessions', {
    schema: { tags, summary: '我的登录会话', response: { 200: z.array(ZSessionInfo) } }, config: self,
  }, async (req) => {
    const actor = actorOf(req);
    const rows = await repo.listSessions(ctx.database.db, actor.userId!);
    return rows.map((s) => ({
      id: s.id, current: s.id === actor.sessionId, createdAt: s.createdAt.toISOString(), lastSeenAt: s.lastSeenAt.toISOString(),
      ip: s.ip, userAgent: s.userAgent,
    }));
  });

  app.delete('/api/auth/sessions/:id', {
    schema: { tags, summary: '注销某个会话', params: ZIdParam, response: { 200: ZOk } }, config: self,
  }, async (req) => {
    const actor = actorOf(req);
    await ctx.database.db.transaction(async (tx) => {
      await authChanged(ctx, tx);
      if (!(await repo.revokeSession(tx, actor.userId!, req.params.id))) throw notFound('会话');
      await record(tx, actor, 'auth.session_revoked', { type: 'session', id: req.params.id });
    });
    return { ok: true as const };
  });

  app.post('/api/me/deletion', {
    schema: { tags, summary: '注销账号（匿名化个人信息）', response: { 200: ZOk } }, config: self,
  }, async (req, reply) => {
    await auth.requestDeletion(ctx, actorOf(req));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });
}
