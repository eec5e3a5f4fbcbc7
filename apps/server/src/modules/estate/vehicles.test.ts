import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { createTenant, login, type Tenant } from '../../../test/factories.ts';

let t: TestApp;
let ours: Tenant;
let pm: string;
beforeAll(async () => { t = await startTestApp(); ours = await createTenant(t); pm = await login(t, ours.users.project_manager!.phone); });
afterAll(async () => t?.close());

const post = (payload: object) => t.app.inject({ method: 'POST', url: '/api/vehicles', headers: { cookie: pm }, payload });

describe('vehicles', () => {
  it('registers ordinary and new-energy plates, normalised to upper case, unique per project', async () => {
    expect((await post({ projectId: ours.projectA, plate: '粤bd12345', brand: '比亚迪' })).json()).toMatchObject({ plate: '粤BD12345', brand: '比亚迪' });
    expect((await post({ projectId: ours.projectA, plate: '京A12345' })).statusCode).toBe(200);
    expect((await post({ projectId: ours.projectA, plate: '京A12345' })).statusCode).toBe(409);
    const bad = await post({ projectId: ours.projectA, plate: '京I1234' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('body.plate');
    const list = (await t.app.inject({ method: 'GET', url: '/api/vehicles?plate=bd1', headers: { cookie: pm } })).json();
    expect(list.items.map((v: any) => v.plate)).toEqual(['粤BD12345']);
  });
});
