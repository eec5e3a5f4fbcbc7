import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { createTenant, login, type Tenant } from '../../../test/factories.ts';
import { businessNow } from '../../lib/time.ts';
import { percent } from './views.service.ts';

let t: TestApp;
let ours: Tenant;
let pm: string;
let cs: string;
let buildingId: string;
const roomIds: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestApp();
  ours = await createTenant(t);
  pm = await login(t, ours.users.project_manager!.phone);
  cs = await login(t, ours.users.customer_service!.phone);
  await t.app.inject({ method: 'POST', url: `/api/projects/${ours.projectA}/buildings/generate`, headers: { cookie: pm },
    payload: { code: '5', name: '5号楼', units: 1, floors: 2, roomsPerFloor: 4, areas: [{ buildingArea: 90 }, { buildingArea: 90 }, { buildingArea: 110 }, { buildingArea: 110 }] } });
  const list = (await t.app.inject({ method: 'GET', url: `/api/rooms?projectId=${ours.projectA}&pageSize=50`, headers: { cookie: pm } })).json();
  for (const r of list.items) roomIds[r.code] = r.id;
  buildingId = list.items[0].buildingId;
  // the building was "delivered" at the start of the year: backdate the first periods for the history tests
  await t.ctx.database.db.execute(sql`update room_status_history set valid_from = '2026-01-01' where room_id = any(${sql.param(Object.values(roomIds))}::uuid[])`);
});
afterAll(async () => t?.close());

const status = (id: string, body: object, cookie = pm) => t.app.inject({ method: 'POST', url: `/api/rooms/${id}/status`, headers: { cookie }, payload: body });
const occupancy = (qs: string) => t.app.inject({ method: 'GET', url: `/api/estate/occupancy?${qs}`, headers: { cookie: cs } }).then((r) => r.json());

describe('room status history', () => {
  it('records effective-dated periods that answer for any past day', async () => {
    const id = roomIds['5-1-0101']!;
    expect((await status(id, { version: 1, status: 'decorating', from: '2026-03-01' })).statusCode).toBe(200);
    expect((await status(id, { version: 2, status: 'occupied', from: '2026-06-15' })).json()).toMatchObject({ status: 'occupied', version: 3 });
    const history = (await t.app.inject({ method: 'GET', url: `/api/rooms/${id}/status-history`, headers: { cookie: cs } })).json();
    expect(history).toEqual([
      { status: 'vacant', validFrom: '2026-01-01', validTo: '2026-02-28' },
      { status: 'decorating', validFrom: '2026-03-01', validTo: '2026-06-14' },
      { status: 'occupied', validFrom: '2026-06-15', validTo: null },
    ]);
    expect((await occupancy(`buildingId=${buildingId}&date=2026-02-28`)).byStatus.vacant).toBe(8);
    expect((await occupancy(`buildingId=${buildingId}&date=2026-03-01`)).byStatus).toMatchObject({ vacant: 7, decorating: 1 });
    expect(await occupancy(`buildingId=${buildingId}&date=2026-07-01`)).toMatchObject({ total: 8, vacancyRate: '87.50', occupancyRate: '12.50' });
  });

  it('refuses a stale version, a future date, a date before the current period and a no-op', async () => {
    const id = roomIds['5-1-0102']!;
    expect((await status(id, { version: 9, status: 'occupied' })).statusCode).toBe(409);
    const tomorrow = businessNow().add(1, 'day').format('YYYY-MM-DD');
    expect((await status(id, { version: 1, status: 'occupied', from: tomorrow })).statusCode).toBe(400);
    expect((await status(id, { version: 1, status: 'vacant' })).statusCode).toBe(409);
    expect((await status(id, { version: 1, status: 'occupied', from: '2025-12-31' })).statusCode).toBe(409);
    expect((await status(id, { version: 1, status: 'occupied', from: '2026-13-01' })).statusCode).toBe(400);
    expect((await status(id, { version: 1, status: 'occupied' }, cs)).statusCode).toBe(403);
  });
});

describe('rooms', () => {
  it('edits areas exactly with optimistic locking and checks inside ≤ building area', async () => {
    const id = roomIds['5-1-0201']!;
    const patch = (body: object) => t.app.inject({ method: 'PATCH', url: `/api/rooms/${id}`, headers: { cookie: pm }, payload: body });
    expect((await patch({ version: 1, buildingArea: '88.88', insideArea: '70.01' })).json()).toMatchObject({ buildingArea: '88.88', insideArea: '70.01', version: 2 });
    expect((await patch({ version: 1, buildingArea: '90' })).statusCode).toBe(409);
    expect((await patch({ version: 2, insideArea: '99.00' })).statusCode).toBe(400);
    const stored: any = await t.ctx.database.db.execute(sql`select building_area, inside_area from rooms where id = ${id}`);
    expect(stored.rows[0]).toMatchObject({ building_area: 8888, inside_area: 7001 });
  });

  it('draws the building grid, top floor first', async () => {
    const g = (await t.app.inject({ method: 'GET', url: `/api/buildings/${buildingId}/grid`, headers: { cookie: cs } })).json();
    expect(g.units).toHaveLength(1);
    expect(g.units[0].floors.map((f: any) => f.floor)).toEqual([2, 1]);
    expect(g.units[0].floors[1].rooms.map((r: any) => r.code)).toEqual(['5-1-0101', '5-1-0102', '5-1-0103', '5-1-0104']);
  });

  it('lists each room with its current owner: largest share named, masked phone, the owner filter unchanged', async () => {
    const as = (method: string, url: string, payload?: object) => t.app.inject({ method: method as any, url, headers: { cookie: pm }, payload: payload as any });
    const person = async (name: string, phone: string) => (await as('POST', '/api/persons', { name, phone })).json().id as string;
    const [zhang, li, wang, zhao, qian] = [await person('张列表', '13711110001'), await person('李列表', '13711110002'),
      await person('王列表', '13711110003'), await person('赵租客', '13711110004'), await person('钱新主', '13711110005')];
    const live = (roomId: string, personId: string, relation: string, shareBp?: number) =>
      as('POST', `/api/rooms/${roomId}/residents`, { personId, relation, shareBp, validFrom: '2026-01-01' });
    // 0201: co-owner with 40 % added first, the 60 % owner second — the larger share is named
    expect((await live(roomIds['5-1-0201']!, li, 'co_owner', 4000)).statusCode).toBe(200);
    await live(roomIds['5-1-0201']!, zhang, 'owner', 6000);
    await live(roomIds['5-1-0201']!, zhao, 'tenant');
    // 0202: one owner and a tenant, the tenant is not an owner
    await live(roomIds['5-1-0202']!, wang, 'owner', 10000);
    await live(roomIds['5-1-0202']!, zhao, 'tenant');
    // 0203: sold — the former owner's relation has ended, the new one shows
    await live(roomIds['5-1-0203']!, wang, 'owner', 10000);
    await as('POST', `/api/rooms/${roomIds['5-1-0203']}/transfer`, { date: '2026-05-01', owners: [{ personId: qian, shareBp: 10000 }] });
    // 0204: only a tenant
    await live(roomIds['5-1-0204']!, zhao, 'tenant');

    const list = (await t.app.inject({ method: 'GET', url: `/api/rooms?buildingId=${buildingId}&q=5-1-02`, headers: { cookie: cs } })).json();
    expect(list.items.map((r: any) => [r.code, r.ownerName, r.ownerPhone])).toEqual([
      ['5-1-0201', '张列表 等2人', '137****0001'],
      ['5-1-0202', '王列表', '137****0003'],
      ['5-1-0203', '钱新主', '137****0005'],
      ['5-1-0204', null, null],
    ]);
    // the owner filter still matches anyone currently related (a tenant too), as the export expects
    const byTenant = (await t.app.inject({ method: 'GET', url: `/api/rooms?buildingId=${buildingId}&owner=${encodeURIComponent('赵租客')}`, headers: { cookie: cs } })).json();
    expect(byTenant.items.map((r: any) => r.code)).toEqual(['5-1-0201', '5-1-0202', '5-1-0204']);
    const page2 = (await t.app.inject({ method: 'GET', url: `/api/rooms?buildingId=${buildingId}&pageSize=3&page=2`, headers: { cookie: cs } })).json();
    expect(page2).toMatchObject({ total: 8, page: 2 });
    expect(page2.items.map((r: any) => [r.code, r.ownerName])).toEqual([['5-1-0104', null], ['5-1-0201', '张列表 等2人'], ['5-1-0202', '王列表']]);
  });

  it('rounds percentages half-up once', () => {
    expect(percent(1, 8)).toBe('12.50');
    expect(percent(1, 3)).toBe('33.33');
    expect(percent(2, 3)).toBe('66.67');
    expect(percent(1, 200000)).toBe('0.00');
    expect(percent(1, 20000)).toBe('0.01');
    expect(percent(0, 0)).toBe('0.00');
  });
});
