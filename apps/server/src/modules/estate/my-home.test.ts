import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { createTenant, login, type Tenant } from '../../../test/factories.ts';
import { privacyPolicy } from '../auth/privacy.ts';

let t: TestApp;
let ours: Tenant;
let pm: string;
const room: Record<string, string> = {};

async function register(phone: string, name: string) {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: { phone, name, password: 'Resident#1', privacyVersion: privacyPolicy.version } });
  return `sid=${res.cookies.find((x) => x.name === 'sid')!.value}`;
}
async function person(name: string, phone: string) {
  return (await t.as(pm)('POST', '/api/persons', { name, phone })).json().id as string;
}
async function relate(roomCode: string, personId: string, relation: string, shareBp?: number) {
  const res = await t.as(pm)('POST', `/api/rooms/${room[roomCode]}/residents`, { personId, relation, ...(shareBp ? { shareBp } : {}), validFrom: '2026-01-01' });
  expect(res.statusCode).toBe(200);
}

let owner: string;
let neighbour: string;
beforeAll(async () => {
  t = await startTestApp();
  ours = await createTenant(t);
  pm = await login(t, ours.users.project_manager!.phone);
  await t.as(pm)('POST', `/api/projects/${ours.projectA}/buildings/generate`,
    { code: '7', name: '7号楼', units: 1, floors: 1, roomsPerFloor: 2, areas: [{ buildingArea: 88.5 }, { buildingArea: 90 }] });
  const list = (await t.as(pm)('GET', `/api/rooms?projectId=${ours.projectA}&q=7-1`)).json();
  for (const r of list.items) room[r.code] = r.id;

  const ownerId = await person('林业主', '13711110001');
  await relate('7-1-0101', ownerId, 'owner', 10000);
  await relate('7-1-0101', await person('林家人', '13711110002'), 'family');
  await relate('7-1-0102', await person('邻居', '13711110003'), 'owner', 10000);
  const car = await t.as(pm)('POST', '/api/vehicles', { projectId: ours.projectA, plate: '沪A12345', roomId: room['7-1-0101'], personId: ownerId, brand: '比亚迪', color: '白' });
  expect(car.statusCode).toBe(200);

  owner = await register('13711110001', '林业主');
  neighbour = await register('13711110003', '邻居');
  for (const [who, code, name] of [[owner, '7-1-0101', '林业主'], [neighbour, '7-1-0102', '邻居']] as const) {
    expect((await t.as(who)('POST', '/api/me/room-bindings', { roomId: room[code], name, relation: 'owner' })).json().status).toBe('approved');
  }
});
afterAll(async () => t?.close());

describe('my home', () => {
  it('shows my room with the people related to it (phones masked) and its vehicles', async () => {
    const res = await t.as(owner)('GET', `/api/me/rooms/${room['7-1-0101']}`);
    expect(res.statusCode).toBe(200);
    const home = res.json();
    expect(home).toMatchObject({ roomId: room['7-1-0101'], roomCode: '7-1-0101', projectId: ours.projectA, relation: 'owner', buildingArea: '88.50', status: 'vacant' });
    expect(home.people).toEqual([
      expect.objectContaining({ name: '林业主', relation: 'owner', phone: '137****0001', me: true }),
      expect.objectContaining({ name: '林家人', relation: 'family', phone: '137****0002', me: false }),
    ]);
    expect(res.body).not.toContain('13711110002');
    expect(home.vehicles).toEqual([expect.objectContaining({ plate: '沪A12345', brand: '比亚迪', color: '白' })]);
  });

  it("answers 404 for another resident's room in the same project, and for a room id that does not exist", async () => {
    expect((await t.as(owner)('GET', `/api/me/rooms/${room['7-1-0102']}`)).statusCode).toBe(404);
    expect((await t.as(neighbour)('GET', `/api/me/rooms/${room['7-1-0101']}`)).statusCode).toBe(404);
    expect((await t.as(owner)('GET', '/api/me/rooms/00000000-0000-0000-0000-000000000000')).statusCode).toBe(404);
    const unbound = await login(t, ours.users.resident!.phone);
    expect((await t.as(unbound)('GET', `/api/me/rooms/${room['7-1-0101']}`)).statusCode).toBe(404);
  });

  it('refuses staff, who do not hold resident.self, even with pii.view', async () => {
    const res = await t.as(pm)('GET', `/api/me/rooms/${room['7-1-0101']}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
  });

  it('lists my binding requests with their status, a pending one and a decided one', async () => {
    const asked = await t.as(owner)('POST', '/api/me/room-bindings', { roomId: room['7-1-0102'], name: '林业主', relation: 'tenant' });
    expect(asked.json().status).toBe('pending');
    const mine = (await t.as(owner)('GET', '/api/me/room-bindings')).json();
    expect(mine).toEqual([
      expect.objectContaining({ roomCode: '7-1-0102', relation: 'tenant', status: 'pending', note: null, decidedAt: null }),
      expect.objectContaining({ roomCode: '7-1-0101', relation: 'owner', status: 'approved', projectName: '项目A' }),
    ]);
    const pending = (await t.as(pm)('GET', '/api/binding-requests?status=pending')).json().items.find((b: any) => b.id === mine[0].id);
    await t.as(pm)('POST', `/api/binding-requests/${pending.id}/reject`, { version: pending.version, note: '非本房住户' });
    const after = (await t.as(owner)('GET', '/api/me/room-bindings')).json();
    expect(after[0]).toMatchObject({ status: 'rejected', note: '非本房住户' });
    expect(after[0].decidedAt).toEqual(expect.any(String));
    // the neighbour sees only their own requests
    expect((await t.as(neighbour)('GET', '/api/me/room-bindings')).json().map((b: any) => b.roomCode)).toEqual(['7-1-0102']);
  });

  it('lets a person who belongs to no company yet see their pending request', async () => {
    const newcomer = await register('13711110009', '新住户');
    expect((await t.as(newcomer)('POST', '/api/me/room-bindings', { roomId: room['7-1-0101'], name: '新住户', relation: 'tenant' })).json().status).toBe('pending');
    expect((await t.as(newcomer)('GET', '/api/me/room-bindings')).json()).toEqual([expect.objectContaining({ roomCode: '7-1-0101', status: 'pending' })]);
    expect((await t.as(newcomer)('GET', `/api/me/rooms/${room['7-1-0101']}`)).statusCode).toBe(403);
  });
});
