import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { createTenant, createUser, login, randomPhone } from '../../../test/factories.ts';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => t?.close());

describe('platform operator', () => {
  it('opens a company whose HQ admin can sign in and finds the built-in roles ready', async () => {
    const op = await login(t, (await createUser(t, { platform: true })).phone);
    const phone = randomPhone();
    const res = await t.app.inject({
      method: 'POST', url: '/api/platform/companies', headers: { cookie: op },
      payload: { code: 'ACME', name: '顶峰物业', admin: { name: '总部管理员', phone, password: 'Acme#pass-1' } },
    });
    expect(res.statusCode).toBe(200);
    const dup = await t.app.inject({
      method: 'POST', url: '/api/platform/companies', headers: { cookie: op },
      payload: { code: 'ACME', name: '又一个', admin: { name: 'x', phone: randomPhone(), password: 'Acme#pass-1' } },
    });
    expect(dup.statusCode).toBe(409);
    const hq = await login(t, phone, 'Acme#pass-1');
    const me = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: hq } })).json();
    expect(me).toMatchObject({ companyName: '顶峰物业', roles: ['hq_admin'], scope: 'company' });
    const roles = (await t.app.inject({ method: 'GET', url: '/api/roles', headers: { cookie: hq } })).json();
    expect(roles.map((r: any) => r.code)).toEqual(expect.arrayContaining(['hq_admin', 'project_manager', 'cashier', 'technician', 'resident']));
  });

  it('is the only one who lists tenants', async () => {
    const tenant = await createTenant(t);
    const hq = await login(t, tenant.users.hq_admin!.phone);
    expect((await t.app.inject({ method: 'GET', url: '/api/platform/companies', headers: { cookie: hq } })).statusCode).toBe(403);
  });
});
