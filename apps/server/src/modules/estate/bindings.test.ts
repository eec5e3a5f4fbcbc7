import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { createTenant, login, type Tenant } from '../../../test/factories.ts';
import { privacyPolicy } from '../auth/privacy.ts';

let t: TestApp;
let ours: Tenant;
const c: Record<string, string> = {};
const room: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestApp();
  ours = await createTenant(t);
  for (const r of ['project_manager', 'customer_service', 'cashier']) c[r] = await login(t, ours.users[r]!.phone);
  c.staffB = await login(t, ours.staffB.phone);
  await t.ctx.database.db.execute(`update projects set name = '绑定测试花园' where id = '${ours.projectA}'` as any);
  await t.app.inject({ method: 'POST', url: `/api/projects/${ours.projectA}/buildings/generate`, headers: { cookie: c.project_manager! },
    payload: { code: '6', name: '6号楼', units: 1, floors: 1, roomsPerFloor: 3, areas: [{ buildingArea: 95 }, { buildingArea: 95 }, { buildingArea: 95 }] } });
  const list = (await t.app.inject({ method: 'GET', url: `/api/rooms?projectId=${ours.projectA}&q=6-1`, headers: { cookie: c.project_manager! } })).json();
  for (const r of list.items) room[r.code] = r.id;
});
afterAll(async () => t?.close());

async function register(phone: string, name: string) {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: { phone, name, password: 'Resident#1', privacyVersion: privacyPolicy.version } });
  return `sid=${res.cookies.find((x) => x.name === 'sid')!.value}`;
}

describe('binding a resident account to a room', () => {
  it('approves at once when name and phone match the archive, and the resident then sees the room', async () => {
    const owner = await t.as(c.project_manager!)('POST', '/api/persons', { name: '陈业主', phone: '13611112222' });
    await t.as(c.project_manager!)('POST', `/api/rooms/${room['6-1-0101']}/residents`, { personId: owner.json().id, relation: 'owner', shareBp: 10000, validFrom: '2026-01-01' });
    const me = await register('13611112222', '陈业主');
    const projects = (await t.as(me)('GET', `/api/binding/projects?q=${encodeURIComponent('绑定测试')}`)).json();
    expect(projects.map((p: any) => p.id)).toContain(ours.projectA);
    const rooms = (await t.as(me)('GET', `/api/binding/projects/${ours.projectA}/rooms?code=6-1-01`)).json();
    expect(rooms.map((r: any) => r.code)).toEqual(['6-1-0101', '6-1-0102', '6-1-0103']);
    const res = await t.as(me)('POST', '/api/me/room-bindings', { roomId: room['6-1-0101'], name: '陈业主', relation: 'owner' });
    expect(res.json().status).toBe('approved');
    const mine = (await t.as(me)('GET', '/api/me/rooms')).json();
    expect(mine).toMatchObject([{ roomCode: '6-1-0101', relation: 'owner', buildingArea: '95.00' }]);
    expect((await t.as(me)('GET', '/api/auth/me')).json()).toMatchObject({ kind: 'resident', companyId: ours.companyId });
  });

  it('asks customer service when nothing matches; the manager approves, another project\'s staff cannot', async () => {
    const me = await register('13622223333', '租客小王');
    const res = await t.as(me)('POST', '/api/me/room-bindings', { roomId: room['6-1-0102'], name: '租客小王', relation: 'tenant' });
    expect(res.json().status).toBe('pending');
    expect((await t.as(me)('POST', '/api/me/room-bindings', { roomId: room['6-1-0102'], name: '租客小王', relation: 'tenant' })).statusCode).toBe(409);
    const csInbox = (await t.as(c.customer_service!)('GET', '/api/notifications')).json();
    expect(csInbox.items[0]).toMatchObject({ event: 'binding.requested' });
    const pending = (await t.as(c.project_manager!)('GET', '/api/binding-requests?status=pending')).json();
    const req = pending.items.find((b: any) => b.roomCode === '6-1-0102');
    expect(req).toMatchObject({ name: '租客小王', relation: 'tenant', phone: '13622223333' });
    expect((await t.as(c.staffB!)('POST', `/api/binding-requests/${req.id}/approve`, { version: 1 })).statusCode).toBe(403);
    expect((await t.as(c.project_manager!)('POST', `/api/binding-requests/${req.id}/approve`, { version: 1 })).json().status).toBe('approved');
    expect((await t.as(c.project_manager!)('POST', `/api/binding-requests/${req.id}/reject`, { version: 2 })).statusCode).toBe(409);
    expect((await t.as(me)('GET', '/api/me/rooms')).json().map((r: any) => r.roomCode)).toEqual(['6-1-0102']);
    const inbox = (await t.as(me)('GET', '/api/notifications')).json();
    expect(inbox.items[0]).toMatchObject({ event: 'binding.decided' });
    expect(inbox.items[0].body).toContain('已通过');
  });

  it('lets customer service, who is notified, review and approve without managing the archive', async () => {
    const me = await register('13633334444', '家属小李');
    expect((await t.as(me)('POST', '/api/me/room-bindings', { roomId: room['6-1-0103'], name: '家属小李', relation: 'family' })).json().status).toBe('pending');
    expect((await t.as(c.cashier!)('GET', '/api/binding-requests?status=pending')).statusCode).toBe(403);
    const pending = (await t.as(c.customer_service!)('GET', '/api/binding-requests?status=pending')).json();
    const req = pending.items.find((b: any) => b.roomCode === '6-1-0103');
    // without pii.view the applicant's phone is masked
    expect(req).toMatchObject({ name: '家属小李', relation: 'family', phone: '136****4444' });
    expect((await t.as(c.cashier!)('POST', `/api/binding-requests/${req.id}/approve`, { version: 1 })).statusCode).toBe(403);
    const ok = await t.as(c.customer_service!)('POST', `/api/binding-requests/${req.id}/approve`, { version: 1, note: '已电话核实' });
    expect(ok.json().status).toBe('approved');
    expect((await t.as(me)('GET', '/api/me/rooms')).json().map((r: any) => r.roomCode)).toEqual(['6-1-0103']);
    // still no estate.manage: customer service cannot edit the room it just bound
    expect((await t.as(c.customer_service!)('PATCH', `/api/rooms/${room['6-1-0103']}`, { version: 1, deliveryDate: null })).statusCode).toBe(403);
    const audit = (await t.as(c.project_manager!)('GET', `/api/audit-logs?entityId=${req.id}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'binding.approved', actorId: ours.users.customer_service!.userId });
  });
});
