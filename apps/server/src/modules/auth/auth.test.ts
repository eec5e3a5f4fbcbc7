import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { onPostgres, startTestApp, type TestApp } from '../../../test/harness.ts';
import { buildApp } from '../../app.ts';
import { closeContext, createContext } from '../../bootstrap.ts';
import { openPg } from '../../db/client.ts';
import { createTenant, createUser, login, PASSWORD, type Tenant } from '../../../test/factories.ts';
import { sha256 } from '../../lib/tokens.ts';
import { users } from './auth.table.ts';
import { privacyPolicy } from './privacy.ts';

let t: TestApp;
let tenant: Tenant;
beforeAll(async () => { t = await startTestApp(); tenant = await createTenant(t); });
afterAll(async () => t?.close());

const post = (url: string, payload: unknown, cookie?: string) =>
  t.app.inject({ method: 'POST', url, payload: payload as any, headers: cookie ? { cookie } : {} });
const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
/** Lets the next attempt through the back-off window without waiting in real time. */
const skipWait = () => t.ctx.database.db.execute(sql`update login_throttle set blocked_until = null`);
async function solvableCaptcha(answer = 'abcd') {
  const c = (await get('/api/auth/captcha')).json();
  await t.ctx.database.db.execute(sql`update captchas set answer_hash = ${sha256(answer)} where id = ${c.id}`);
  return c.id as string;
}

describe('login', () => {
  it('signs in by phone, sets an httpOnly SameSite=Lax cookie and answers /me', async () => {
    const u = tenant.users.project_manager!;
    const res = await post('/api/auth/login', { login: u.phone, password: PASSWORD });
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const me = res.json();
    expect(me.roles).toEqual(['project_manager']);
    expect(me.scope).toBe('project');
    expect(me.projects.map((p: any) => p.id)).toEqual([tenant.projectA]);
  });

  it('gives the same generic message for an unknown account and a wrong password', async () => {
    const a = await post('/api/auth/login', { login: '19999999999', password: 'whatever1' });
    const b = await post('/api/auth/login', { login: tenant.users.cashier!.phone, password: 'wrong-password' });
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().error.message).toBe(b.json().error.message);
    expect(a.json().error.code).toBe('invalid_credentials');
  });

  it('backs off, then asks for a captcha, then locks a staff account for good', async () => {
    const u = await createUser(t);
    const { addMember } = await import('../../../test/factories.ts');
    await addMember(t, tenant.companyId, u.userId, 'cashier', [tenant.projectA]);
    const attempt = (password = 'bad-password', extra = {}) => post('/api/auth/login', { login: u.phone, password, ...extra });
    for (let i = 1; i <= 3; i++) expect((await attempt()).statusCode).toBe(401);
    expect((await attempt()).statusCode).toBe(401); // 4th failure starts the back-off
    const throttled = await attempt();
    expect(throttled.statusCode).toBe(429);
    expect(throttled.headers['retry-after']).toBeDefined();
    await skipWait();
    expect((await attempt()).json().error.details.captchaRequired).toBe(true); // 5th failure
    await skipWait();
    const noCaptcha = await attempt(PASSWORD);
    expect(noCaptcha.statusCode).toBe(401);
    expect(noCaptcha.json().error.code).toBe('captcha_required');
    for (let i = 6; i <= 10; i++) {
      await skipWait();
      const r = await attempt('bad-password', { captchaId: await solvableCaptcha(), captchaText: 'ABCD' });
      expect(r.statusCode).toBe(401);
    }
    await skipWait();
    const locked = await attempt(PASSWORD, { captchaId: await solvableCaptcha(), captchaText: 'abcd' });
    expect(locked.statusCode).toBe(403);
    expect(locked.json().error.code).toBe('account_locked');

    // an HQ admin unlocks, and the right password works again
    const hq = await login(t, tenant.users.hq_admin!.phone);
    const list = (await get(`/api/staff?q=${u.phone}`, hq)).json();
    expect(list.items[0].locked).toBe(true);
    expect((await post(`/api/staff/${list.items[0].id}/unlock`, {}, hq)).statusCode).toBe(200);
    expect((await attempt(PASSWORD)).statusCode).toBe(200);
  });

  it('never hard-locks a resident (a stranger knowing the phone must not lock them out)', async () => {
    const u = await createUser(t);
    const { addMember } = await import('../../../test/factories.ts');
    await addMember(t, tenant.companyId, u.userId, 'resident', []);
    for (let i = 0; i < 12; i++) {
      await skipWait();
      await post('/api/auth/login', { login: u.phone, password: 'bad-password', captchaId: await solvableCaptcha(), captchaText: 'abcd' });
    }
    const [row] = await t.ctx.database.db.select().from(users).where(eq(users.id, u.userId));
    expect(row!.lockedAt).toBeNull();
    await skipWait();
    const ok = await post('/api/auth/login', { login: u.phone, password: PASSWORD, captchaId: await solvableCaptcha(), captchaText: 'abcd' });
    expect(ok.statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('rotates the session at login and revokes on logout at once', async () => {
    const phone = tenant.users.customer_service!.phone;
    const first = await login(t, phone);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: phone, password: PASSWORD }, headers: { cookie: first } });
    const second = `sid=${res.cookies.find((c) => c.name === 'sid')!.value}`;
    expect((await get('/api/auth/me', first)).statusCode).toBe(401);
    expect((await get('/api/auth/me', second)).statusCode).toBe(200);
    expect((await post('/api/auth/logout', {}, second)).statusCode).toBe(200);
    expect((await get('/api/auth/me', second)).statusCode).toBe(401);
  });

  it('lists my sessions and revokes another one; a password change ends them all', async () => {
    const phone = tenant.users.guard!.phone;
    const a = await login(t, phone);
    const b = await login(t, phone);
    const mine = (await get('/api/auth/sessions', a)).json();
    expect(mine.filter((s: any) => s.current)).toHaveLength(1);
    const other = mine.find((s: any) => !s.current);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/auth/sessions/${other.id}`, headers: { cookie: a } })).statusCode).toBe(200);
    expect((await get('/api/auth/me', b)).statusCode).toBe(401);

    const c = await login(t, phone);
    const changed = await post('/api/auth/password', { oldPassword: PASSWORD, newPassword: 'N3w-password!' }, a);
    expect(changed.statusCode).toBe(200);
    expect((await get('/api/auth/me', a)).statusCode).toBe(401);
    expect((await get('/api/auth/me', c)).statusCode).toBe(401);
    const fresh = `sid=${changed.cookies.find((x) => x.name === 'sid')!.value}`;
    expect((await get('/api/auth/me', fresh)).statusCode).toBe(200);
    expect((await post('/api/auth/login', { login: phone, password: PASSWORD })).statusCode).toBe(401);
    await post('/api/auth/password', { oldPassword: 'N3w-password!', newPassword: PASSWORD }, fresh);
  });

  it.skipIf(!onPostgres)('a logout on one instance ends the session on another at once (cache invalidation over NOTIFY)', async () => {
    const second = await createContext(t.ctx.config, { database: openPg(t.ctx.config.DATABASE_URL!, 2), secrets: t.ctx.secrets });
    const app2 = await buildApp(second, { logger: false, web: false });
    try {
      const cookie = await login(t, tenant.users.project_manager!.phone);
      const me2 = () => app2.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
      expect((await me2()).statusCode).toBe(200); // now cached on the second instance
      expect((await post('/api/auth/logout', {}, cookie)).statusCode).toBe(200);
      const end = Date.now() + 2000;
      let status = 200;
      while (status === 200 && Date.now() < end) { status = (await me2()).statusCode; if (status === 200) await new Promise((r) => setTimeout(r, 10)); }
      expect(status).toBe(401);
    } finally {
      await app2.close();
      await closeContext(second);
    }
  });

  it('cannot revoke somebody else\'s session (404)', async () => {
    const mine = await login(t, tenant.users.cleaner!.phone);
    const theirs = await login(t, tenant.users.technician!.phone);
    const [s] = (await get('/api/auth/sessions', theirs)).json();
    const res = await t.app.inject({ method: 'DELETE', url: `/api/auth/sessions/${s.id}`, headers: { cookie: mine } });
    expect(res.statusCode).toBe(404);
    expect((await get('/api/auth/me', theirs)).statusCode).toBe(200);
  });

  it('switches between companies a person belongs to', async () => {
    const { createTenant: mk, addMember } = await import('../../../test/factories.ts');
    const other = await mk(t);
    const u = tenant.users.cashier!;
    await addMember(t, other.companyId, u.userId, 'resident', []);
    const cookie = await login(t, u.phone);
    const me = (await get('/api/auth/me', cookie)).json();
    expect(me.memberships).toHaveLength(2);
    expect(me.kind).toBe('staff'); // staff membership is the default
    const switched = await post('/api/auth/switch-company', { companyId: other.companyId }, cookie);
    expect(switched.statusCode).toBe(200);
    expect(switched.json().kind).toBe('resident');
    expect((await post('/api/auth/switch-company', { companyId: '01234567-89ab-7def-8123-456789abcdef' }, cookie)).statusCode).toBe(404);
  });
});

describe('resident registration and deletion (PIPL)', () => {
  it('requires the current privacy policy, records consent, rejects a duplicate phone', async () => {
    const phone = '16612345678';
    const bad = await post('/api/auth/register', { phone, name: '新住户', password: 'Passw0rd!', privacyVersion: 'old' });
    expect(bad.statusCode).toBe(400);
    const ok = await post('/api/auth/register', { phone, name: '新住户', password: 'Passw0rd!', privacyVersion: privacyPolicy.version });
    expect(ok.statusCode).toBe(200);
    const consents: any = await t.ctx.database.db.execute(sql`select policy_version from privacy_consents pc join users u on u.id = pc.user_id where u.phone = ${phone}`);
    expect(consents.rows[0].policy_version).toBe(privacyPolicy.version);
    const dup = await post('/api/auth/register', { phone, name: '又一个', password: 'Passw0rd!', privacyVersion: privacyPolicy.version });
    expect(dup.statusCode).toBe(409);
  });

  it('anonymises the account on a deletion request and ends its sessions', async () => {
    const phone = '16612345679';
    const reg = await post('/api/auth/register', { phone, name: '要注销', password: 'Passw0rd!', privacyVersion: privacyPolicy.version });
    const cookie = `sid=${reg.cookies.find((c) => c.name === 'sid')!.value}`;
    const userId = reg.json().user.id;
    expect((await post('/api/me/deletion', {}, cookie)).statusCode).toBe(200);
    expect((await get('/api/auth/me', cookie)).statusCode).toBe(401);
    const [u] = await t.ctx.database.db.select().from(users).where(eq(users.id, userId));
    expect(u).toMatchObject({ phone: null, username: null, name: '已注销用户', status: 'deleted' });
    expect((await post('/api/auth/login', { login: phone, password: 'Passw0rd!' })).statusCode).toBe(401);
  });
});

describe('bad input', () => {
  it('answers malformed JSON, unknown fields, wrong types and oversize bodies with 4xx', async () => {
    const broken = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: '{"login":', headers: { 'content-type': 'application/json' } });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('bad_request');
    const extra = await post('/api/auth/login', { login: 'x', password: 'y', admin: true });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.code).toBe('validation_failed');
    const wrong = await post('/api/auth/login', { login: 12, password: null });
    expect(wrong.json().error.details.map((d: any) => d.path)).toEqual(expect.arrayContaining(['body.login', 'body.password']));
    const big = await post('/api/auth/login', { login: 'x'.repeat(2 * 1024 * 1024), password: 'y' });
    expect(big.statusCode).toBe(413);
    const text = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: 'login=x', headers: { 'content-type': 'text/plain' } });
    expect(text.statusCode).toBe(415);
  });

  it('answers 401 to an expired or made-up session', async () => {
    expect((await get('/api/auth/me', 'sid=made-up')).statusCode).toBe(401);
    const cookie = await login(t, tenant.users.hq_viewer!.phone);
    await t.ctx.database.db.execute(sql`update sessions set expires_at = now() - interval '1 second' where token_hash = ${sha256(cookie.slice(4))}`);
    t.ctx.authCache.clear(); // a direct database edit bypasses the services that invalidate the cache
    const res = await get('/api/auth/me', cookie);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });
});
