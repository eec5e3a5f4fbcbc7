import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { createTenant, login, type Tenant } from '../../../test/factories.ts';

let t: TestApp;
let ours: Tenant;
const c: Record<string, string> = {};
let roomId: string;
beforeAll(async () => {
  t = await startTestApp();
  ours = await createTenant(t);
  for (const r of ['project_manager', 'customer_service', 'hq_admin']) c[r] = await login(t, ours.users[r]!.phone);
  const g = await t.app.inject({ method: 'POST', url: `/api/projects/${ours.projectA}/buildings/generate`, headers: { cookie: c.project_manager! },
    payload: { code: '3', name: '3号楼', units: 1, floors: 1, roomsPerFloor: 1, areas: [{ buildingArea: 100 }] } });
  roomId = (await t.app.inject({ method: 'GET', url: `/api/rooms?buildingId=${g.json().buildingId}`, headers: { cookie: c.project_manager! } })).json().items[0].id;
});
afterAll(async () => t?.close());

const post = (url: string, payload: object, who = 'project_manager') => t.app.inject({ method: 'POST', url, headers: { cookie: c[who]! }, payload });
const get = (url: string, who = 'project_manager') => t.app.inject({ method: 'GET', url, headers: { cookie: c[who]! } });
const person = async (name: string, phone: string, idNo?: string) => (await post('/api/persons', { name, phone, ...(idNo ? { idType: 'id_card', idNo } : {}) })).json();

describe('persons (PIPL)', () => {
  it('stores phone and ID number encrypted, shows them masked, finds them exactly by blind index', async () => {
    const p = await person('张三', '13812345678', '11010519491231002X');
    expect(p).toMatchObject({ phone: '138****5678', idNo: '1101**********002X', masked: true });
    const raw: any = await t.ctx.database.db.execute(sql`select phone_enc, id_no_enc from persons where id = ${p.id}`);
    expect(JSON.stringify(raw.rows)).not.toContain('13812345678');
    expect(JSON.stringify(raw.rows)).not.toContain('11010519491231002X');
    expect(raw.rows[0].id_no_enc).toMatch(/^v1\.k1\./);
    expect((await get('/api/persons?phone=13812345678')).json().items.map((x: any) => x.id)).toEqual([p.id]);
    expect((await get('/api/persons?idNo=11010519491231002x')).json().items.map((x: any) => x.id)).toEqual([p.id]);
    expect((await get('/api/persons?phone=13812345679')).json().total).toBe(0);
  });

  it('reveals to pii.view holders only, and audits every reveal', async () => {
    const p = await person('李四', '13900001111');
    expect((await get(`/api/persons/${p.id}?reveal=1`, 'customer_service')).statusCode).toBe(403);
    const full = (await get(`/api/persons/${p.id}?reveal=1`)).json();
    expect(full).toMatchObject({ phone: '13900001111', masked: false });
    const audit = (await get(`/api/audit-logs?action=person.revealed&entityId=${p.id}`, 'hq_admin')).json();
    expect(audit.total).toBe(1);
  });

  it('refuses a wrong check digit, a duplicate ID and a malformed phone with field errors', async () => {
    const bad = await post('/api/persons', { name: '王五', idType: 'id_card', idNo: '110105194912310021' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: any) => d.path)).toContain('body.idNo');
    expect((await post('/api/persons', { name: '重复', idType: 'id_card', idNo: '11010519491231002X' })).statusCode).toBe(409);
    expect((await post('/api/persons', { name: '电话', phone: '12345' })).json().error.details[0].path).toBe('body.phone');
  });
});

describe('room residents and ownership transfer', () => {
  it('adds an owner and a tenant, then transfers ownership on a date', async () => {
    const a = await person('原业主', '13700000001');
    const b = await person('新业主甲', '13700000002');
    const d = await person('新业主乙', '13700000003');
    const tenant = await person('租户', '13700000004');
    expect((await post(`/api/rooms/${roomId}/residents`, { personId: a.id, relation: 'owner', shareBp: 10000, validFrom: '2025-05-01' })).statusCode).toBe(200);
    expect((await post(`/api/rooms/${roomId}/residents`, { personId: tenant.id, relation: 'tenant', validFrom: '2026-01-01' })).statusCode).toBe(200);
    expect((await post(`/api/rooms/${roomId}/residents`, { personId: b.id, relation: 'co_owner', shareBp: 5000, validFrom: '2026-01-01' })).statusCode).toBe(409); // > 100 %
    expect((await post(`/api/rooms/${roomId}/residents`, { personId: b.id, relation: 'tenant', shareBp: 10, validFrom: '2026-01-01' })).statusCode).toBe(400);

    const bad = await post(`/api/rooms/${roomId}/transfer`, { date: '2026-09-01', owners: [{ personId: b.id, shareBp: 6000 }, { personId: d.id, shareBp: 3000 }] });
    expect(bad.statusCode).toBe(400);
    const res = await post(`/api/rooms/${roomId}/transfer`, { date: '2026-09-01', owners: [{ personId: b.id, shareBp: 6000 }, { personId: d.id, shareBp: 4000 }], note: '二手房买卖' });
    expect(res.statusCode).toBe(200);
    const rows = res.json().map((r: any) => [r.name, r.relation, r.shareBp, r.validFrom, r.validTo]);
    expect(rows).toEqual(expect.arrayContaining([
      ['原业主', 'owner', 10000, '2025-05-01', '2026-08-31'],
      ['租户', 'tenant', null, '2026-01-01', null],
      ['新业主甲', 'owner', 6000, '2026-09-01', null],
      ['新业主乙', 'co_owner', 4000, '2026-09-01', null],
    ]));
    expect((await post(`/api/rooms/${roomId}/transfer`, { date: '2026-08-01', owners: [{ personId: a.id, shareBp: 10000 }] })).statusCode).toBe(409);
    // a room with residents cannot be deleted
    expect((await t.app.inject({ method: 'DELETE', url: `/api/rooms/${roomId}`, headers: { cookie: c.project_manager! } })).statusCode).toBe(409);
  });
});

describe('finding rooms by owner', () => {
  it('searches rooms by the current owner\'s name or exact phone', async () => {
    const p = (await post('/api/persons', { name: '搜索业主', phone: '13755556666' })).json();
    await post(`/api/rooms/${roomId}/residents`, { personId: p.id, relation: 'family', validFrom: '2026-10-01' });
    const byPhone = (await get(`/api/rooms?phone=13755556666`)).json();
    expect(byPhone.items.map((r: any) => r.id)).toEqual([roomId]);
    const byName = (await get(`/api/rooms?owner=${encodeURIComponent('搜索')}`)).json();
    expect(byName.items.map((r: any) => r.id)).toEqual([roomId]);
    expect((await get(`/api/rooms?phone=13755556667`)).json().total).toBe(0);
  });
});
