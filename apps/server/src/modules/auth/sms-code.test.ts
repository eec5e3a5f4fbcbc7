import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { createTenant, randomPhone, type Tenant } from '../../../test/factories.ts';

let t: TestApp;
let tenant: Tenant;
beforeAll(async () => { t = await startTestApp({ env: { DEMO: '1' } }); tenant = await createTenant(t); });
afterAll(async () => t?.close());

const post = (url: string, payload: object, ip = '10.0.0.1') => t.app.inject({ method: 'POST', url, payload, remoteAddress: ip });
const q = async (text: ReturnType<typeof sql>) => ((await t.ctx.database.db.execute(text)) as any).rows;
const lastSms = async (phone: string) => (await q(sql`select content from sandbox_messages where channel = 'sms' and "to" = ${phone} order by created_at desc limit 1`))[0];

describe('SMS codes', () => {
  it('logs a resident in with a code that is single-use and stored hashed', async () => {
    const phone = tenant.users.resident!.phone;
    const sent = await post('/api/auth/sms-code', { phone, purpose: 'login' });
    expect(sent.statusCode).toBe(200);
    const code = sent.json().demoCode as string;
    expect(code).toMatch(/^\d{6}$/);
    expect(JSON.stringify(await lastSms(phone))).toContain(code);
    expect(JSON.stringify(await q(sql`select * from sms_codes where phone = ${phone}`))).not.toContain(code);
    const ok = await post('/api/auth/login-sms', { phone, code });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().kind).toBe('resident');
    expect((await post('/api/auth/login-sms', { phone, code })).statusCode).toBe(401);
  });

  it('answers an unknown number exactly like a known one, and sends nothing', async () => {
    const phone = randomPhone();
    const res = await post('/api/auth/sms-code', { phone, purpose: 'login' }, '10.0.0.2');
    expect(res.statusCode).toBe(200);
    expect(res.json().demoCode).toBeUndefined();
    expect(await lastSms(phone)).toBeUndefined();
  });

  it('rate-limits per phone (60 s) and per IP, with Retry-After', async () => {
    const phone = tenant.users.cashier!.phone;
    expect((await post('/api/auth/sms-code', { phone, purpose: 'reset' }, '10.0.0.3')).statusCode).toBe(200);
    const again = await post('/api/auth/sms-code', { phone, purpose: 'reset' }, '10.0.0.4');
    expect(again.statusCode).toBe(429);
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(0);
    for (let i = 0; i < 20; i++) await post('/api/auth/sms-code', { phone: randomPhone(), purpose: 'login' }, '10.0.0.5');
    expect((await post('/api/auth/sms-code', { phone: randomPhone(), purpose: 'login' }, '10.0.0.5')).statusCode).toBe(429);
  });

  it('expires codes after five minutes and gives up after five wrong tries', async () => {
    const phone = tenant.users.guard!.phone;
    const code = (await post('/api/auth/sms-code', { phone, purpose: 'login' }, '10.0.0.6')).json().demoCode;
    await q(sql`update sms_codes set expires_at = now() - interval '1 second' where phone = ${phone}`);
    expect((await post('/api/auth/login-sms', { phone, code }, '10.0.0.6')).statusCode).toBe(401);

    await q(sql`update sms_codes set created_at = now() - interval '2 minutes' where phone = ${phone}`);
    const fresh = (await post('/api/auth/sms-code', { phone, purpose: 'login' }, '10.0.0.6')).json().demoCode;
    for (let i = 0; i < 5; i++) {
      await q(sql`update login_throttle set blocked_until = null`);
      const wrong = String((Number(fresh) + 1) % 1_000_000).padStart(6, '0');
      expect((await post('/api/auth/login-sms', { phone, code: wrong }, '10.0.0.6')).statusCode).toBe(401);
    }
    await q(sql`update login_throttle set blocked_until = null`);
    expect((await post('/api/auth/login-sms', { phone, code: fresh }, '10.0.0.6')).statusCode).toBe(401);
  });

  it('resets a password with a code and ends every session', async () => {
    const phone = tenant.users.cleaner!.phone;
    const code = (await post('/api/auth/sms-code', { phone, purpose: 'reset' }, '10.0.0.7')).json().demoCode;
    const res = await post('/api/auth/reset-password', { phone, code, newPassword: 'Reset#pass-2026' }, '10.0.0.7');
    expect(res.statusCode).toBe(200);
    expect((await post('/api/auth/login', { login: phone, password: 'Reset#pass-2026' }, '10.0.0.7')).statusCode).toBe(200);
    // a login code cannot reset a password
    await q(sql`update sms_codes set created_at = now() - interval '2 minutes' where phone = ${phone}`);
    const loginCode = (await post('/api/auth/sms-code', { phone, purpose: 'login' }, '10.0.0.7')).json().demoCode;
    expect((await post('/api/auth/reset-password', { phone, code: loginCode, newPassword: 'Other#pass-2026' }, '10.0.0.7')).statusCode).toBe(401);
  });
});
