import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { addMember, createTenant, createUser, login, type Tenant } from '../../../test/factories.ts';
import { residentRooms } from '../org/org.table.ts';
import { formatRoomCode } from './room-code.ts';

let t: TestApp;
let ours: Tenant;
let theirs: Tenant;
const c: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestApp();
  ours = await createTenant(t);
  theirs = await createTenant(t);
  for (const r of ['hq_admin', 'project_manager', 'technician', 'customer_service']) c[r] = await login(t, ours.users[r]!.phone);
  c.theirs = await login(t, theirs.users.hq_admin!.phone);
});
afterAll(async () => t?.close());

const gen = (cookie: string, projectId: string, body: object) =>
  t.app.inject({ method: 'POST', url: `/api/projects/${projectId}/buildings/generate`, headers: { cookie }, payload: body });
const tower = { code: '1', name: '1号楼', units: 2, floors: 3, roomsPerFloor: 2, areas: [{ buildingArea: '89.5', insideArea: 72.3 }, { buildingArea: '120.05' }] };

describe('room codes', () => {
  it('follow the project pattern, basements included', () => {
    expect(formatRoomCode('{building}-{unit}-{floor:02}{room:02}', { building: '3', unit: '2', floor: 8, room: 3 })).toBe('3-2-0803');
    expect(formatRoomCode('{building}#{floor}{room:02}', { building: 'A', unit: '1', floor: -1, room: 5 })).toBe('A#B105');
  });
});

describe('generate a building', () => {
  it('previews without writing, then creates units and rooms with exact areas', async () => {
    const preview = await gen(c.project_manager!, ours.projectA, { ...tower, preview: true });
    expect(preview.json()).toMatchObject({ rooms: 12, totalBuildingArea: '1257.30', created: false });
    expect(preview.json().sampleCodes.slice(0, 3)).toEqual(['1-1-0101', '1-1-0102', '1-1-0201']);
    const count: any = await t.ctx.database.db.execute(sql`select count(*)::int as n from rooms where project_id = ${ours.projectA}`);
    expect(Number(count.rows[0].n)).toBe(0);
    const created = await gen(c.project_manager!, ours.projectA, tower);
    expect(created.json()).toMatchObject({ rooms: 12, created: true });
    const list = (await t.app.inject({ method: 'GET', url: `/api/projects/${ours.projectA}/buildings`, headers: { cookie: c.technician! } })).json();
    expect(list[0]).toMatchObject({ code: '1', rooms: 12, units: [{ code: '1', name: '1单元' }, { code: '2', name: '2单元' }] });
    const rooms = (await t.app.inject({ method: 'GET', url: `/api/rooms?projectId=${ours.projectA}&q=2-03&pageSize=50`, headers: { cookie: c.customer_service! } })).json();
    expect(rooms.items.map((r: any) => [r.code, r.buildingArea, r.insideArea])).toEqual([['1-2-0301', '89.50', '72.30'], ['1-2-0302', '120.05', null]]);
  });

  it('refuses a duplicate building, bad areas and a template that does not match the floor', async () => {
    expect((await gen(c.project_manager!, ours.projectA, tower)).statusCode).toBe(409);
    const bad = await gen(c.project_manager!, ours.projectA, { ...tower, code: '2', areas: [{ buildingArea: '89.555' }, { buildingArea: '-1' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: any) => d.path)).toEqual(expect.arrayContaining(['body.areas.0.buildingArea', 'body.areas.1.buildingArea']));
    const mismatch = await gen(c.project_manager!, ours.projectA, { ...tower, code: '2', roomsPerFloor: 3 });
    expect(mismatch.statusCode).toBe(400);
  });

  it('keeps projects and companies apart', async () => {
    expect((await gen(c.project_manager!, ours.projectB, { ...tower, preview: true })).statusCode).toBe(404);
    expect((await gen(c.theirs!, ours.projectA, { ...tower, preview: true })).statusCode).toBe(404);
    expect((await gen(c.technician!, ours.projectA, { ...tower, preview: true })).statusCode).toBe(403);
    const theirRooms = (await t.app.inject({ method: 'GET', url: `/api/rooms?projectId=${ours.projectA}`, headers: { cookie: c.theirs! } })).json();
    expect(theirRooms.total).toBe(0);
  });
});

describe('notifying the residents of a building', () => {
  it('reaches only residents bound to rooms of that building', async () => {
    await gen(c.hq_admin!, ours.projectA, { code: '9', name: '9号楼', units: 1, floors: 1, roomsPerFloor: 2, areas: [{ buildingArea: 60 }, { buildingArea: 60 }] });
    const buildings = (await t.app.inject({ method: 'GET', url: `/api/projects/${ours.projectA}/buildings`, headers: { cookie: c.hq_admin! } })).json();
    const b1 = buildings.find((b: any) => b.code === '1');
    const b9 = buildings.find((b: any) => b.code === '9');
    const roomOf = async (buildingId: string) => ((await t.ctx.database.db.execute(sql`select id from rooms where building_id = ${buildingId} limit 1`)) as any).rows[0].id;
    const bind = async (roomId: string) => {
      const u = await createUser(t);
      const m = await addMember(t, ours.companyId, u.userId, 'resident', []);
      await t.ctx.database.db.insert(residentRooms).values({ companyId: ours.companyId, projectId: ours.projectA, membershipId: m, roomId, relation: 'owner', status: 'active' });
      return u;
    };
    const in1 = await bind(await roomOf(b1.id));
    const in9 = await bind(await roomOf(b9.id));
    const res = await t.app.inject({ method: 'POST', url: '/api/notifications/broadcast', headers: { cookie: c.hq_admin! },
      payload: { title: '9号楼停水', content: '明天停水', projectId: ours.projectA, buildingId: b9.id } });
    expect(res.json().recipients).toBe(1);
    const unread = async (phone: string) => (await t.app.inject({ method: 'GET', url: '/api/notifications/unread-count', headers: { cookie: await login(t, phone) } })).json().count;
    expect(await unread(in9.phone)).toBe(1);
    expect(await unread(in1.phone)).toBe(0);
    const foreign = await t.app.inject({ method: 'POST', url: '/api/notifications/broadcast', headers: { cookie: c.hq_admin! },
      payload: { title: 'x', content: 'y', projectId: ours.projectB, buildingId: b9.id } });
    expect(foreign.statusCode).toBe(404);
  });
});
