import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { addMember, createTenant, createUser, login, type Tenant } from '../../../test/factories.ts';
import { residentRooms } from '../org/org.table.ts';

let t: TestApp;
let ours: Tenant;
let pm: string;
let buildingId: string;
const room: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestApp();
  ours = await createTenant(t);
  pm = await login(t, ours.users.project_manager!.phone);
  const g = await t.app.inject({ method: 'POST', url: `/api/projects/${ours.projectA}/buildings/generate`, headers: { cookie: pm },
    payload: { code: '7', name: '7号楼', units: 1, floors: 1, roomsPerFloor: 3, areas: [{ buildingArea: 90 }, { buildingArea: 90 }, { buildingArea: 90 }] } });
  buildingId = g.json().buildingId;
  const list = (await t.app.inject({ method: 'GET', url: `/api/rooms?buildingId=${buildingId}`, headers: { cookie: pm } })).json();
  for (const r of list.items) room[r.code] = r.id;
});
afterAll(async () => t?.close());

const req = (method: string, url: string, payload?: object) => t.app.inject({ method: method as any, url, headers: { cookie: pm }, payload: payload as any });

describe('parking spaces and facilities', () => {
  it('creates a space bound to a room of the same project, refuses another project\'s room and a duplicate code', async () => {
    const ok = await req('POST', '/api/parking-spaces', { projectId: ours.projectA, code: 'B1-001', area: '12.5', type: 'owned', roomId: room['7-1-0101'] });
    expect(ok.json()).toMatchObject({ code: 'B1-001', area: '12.50', roomId: room['7-1-0101'] });
    expect((await req('POST', '/api/parking-spaces', { projectId: ours.projectA, code: 'B1-001', type: 'owned' })).statusCode).toBe(409);
    expect((await req('POST', '/api/parking-spaces', { projectId: ours.projectB, code: 'X', type: 'owned' })).statusCode).toBe(404);
    const hq = await login(t, ours.users.hq_admin!.phone);
    const cross = await t.app.inject({ method: 'POST', url: '/api/parking-spaces', headers: { cookie: hq }, payload: { projectId: ours.projectB, code: 'B-9', type: 'owned', roomId: room['7-1-0102'] } });
    expect(cross.statusCode).toBe(400);
    const list = (await req('GET', `/api/parking-spaces?projectId=${ours.projectA}`)).json();
    expect(list.items[0]).toMatchObject({ code: 'B1-001', roomCode: '7-1-0101' });
    const stale = await req('PATCH', `/api/parking-spaces/${ok.json().id}`, { version: 2, type: 'rented' });
    expect(stale.statusCode).toBe(409);
  });

  it('records facilities that work orders and equipment can point at', async () => {
    const f = await req('POST', '/api/facilities', { projectId: ours.projectA, buildingId, name: '7号楼电梯机房', category: 'machine_room', location: '顶层' });
    expect(f.json()).toMatchObject({ name: '7号楼电梯机房', category: 'machine_room', buildingId });
    expect((await req('PATCH', `/api/facilities/${f.json().id}`, { version: 1, status: 'archived' })).json().status).toBe('archived');
  });
});

describe('removal', () => {
  it('deletes a room with nothing attached, refuses one with residents or parking (409, archive instead)', async () => {
    expect((await req('DELETE', `/api/rooms/${room['7-1-0103']}`)).statusCode).toBe(200);
    const u = await createUser(t);
    const m = await addMember(t, ours.companyId, u.userId, 'resident', []);
    await t.ctx.database.db.insert(residentRooms).values({ companyId: ours.companyId, projectId: ours.projectA, membershipId: m, roomId: room['7-1-0102']!, relation: 'owner', status: 'active' });
    const blocked = await req('DELETE', `/api/rooms/${room['7-1-0102']}`);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.message).toContain('7-1-0102');
    expect((await req('DELETE', `/api/rooms/${room['7-1-0101']}`)).statusCode).toBe(409); // bound parking space
    expect((await req('DELETE', `/api/buildings/${buildingId}`)).statusCode).toBe(409);
    const left: any = await t.ctx.database.db.execute(sql`select count(*)::int as n from rooms where building_id = ${buildingId}`);
    expect(Number(left.rows[0].n)).toBe(2);
  });

  it('deletes an empty building with its units, rooms and history', async () => {
    const g = await req('POST', `/api/projects/${ours.projectA}/buildings/generate`, { code: '8', name: '8号楼', units: 2, floors: 2, roomsPerFloor: 1, areas: [{ buildingArea: 50 }] });
    expect((await req('DELETE', `/api/buildings/${g.json().buildingId}`)).statusCode).toBe(200);
    const left: any = await t.ctx.database.db.execute(sql`select (select count(*) from rooms where building_id = ${g.json().buildingId})::int as r, (select count(*) from units where building_id = ${g.json().buildingId})::int as u`);
    expect(left.rows[0]).toEqual({ r: 0, u: 0 });
  });
});
