import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { onPostgres, startTestApp, type TestApp } from '../../../test/harness.ts';
import { multipart } from '../../../test/xlsx.ts';
import { residentRepair, woWorld, type Call, type WoWorld } from './test-kit.ts';

let t: TestApp;
let w: WoWorld;
let jpeg: Buffer;
beforeAll(async () => {
  t = await startTestApp();
  w = await woWorld(t);
  jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#39c' } }).jpeg().toBuffer();
});
afterAll(async () => t?.close());

const rows = async (q: ReturnType<typeof sql>) => ((await t.ctx.database.db.execute(q)) as any).rows as any[];
const photo = (who: Call, userId: string, content = jpeg, name = 'leak.jpg') => {
  const m = multipart(name, content);
  return who('POST', `/api/files?ownerType=work_order_draft&ownerId=${userId}`, m.payload as any, m.headers);
};
const step = async (who: Call, base: string, id: string, body: Record<string, unknown>) => {
  const cur = (await who('GET', `${base}/${id}`)).json();
  const res = await who('POST', `${base}/${id}/events`, { version: cur.version, ...body });
  expect(res.statusCode, `${String(body.event)}: ${res.body}`).toBe(200);
  return res.json();
};
const staff = '/api/work-orders';
const mine = '/api/me/work-orders';

/** A resident's order taken to in_progress by the technician. */
async function started(extra: object = {}) {
  const o = (await w.as.resident('POST', mine, residentRepair(w, extra))).json();
  await step(w.as.desk, staff, o.id, { event: 'assign', assigneeId: w.tenant.users.technician!.userId });
  await step(w.as.tech, staff, o.id, { event: 'accept' });
  return step(w.as.tech, staff, o.id, { event: 'start' });
}

describe('photos', () => {
  it('go to the uploader\'s draft area first and are claimed by the request, once', async () => {
    const me = w.tenant.users.resident!.userId;
    const up = await photo(w.as.resident, me);
    expect(up.statusCode, up.body).toBe(200);
    const o = await w.as.resident('POST', mine, residentRepair(w, { fileIds: [up.json().id] }));
    expect(o.statusCode, o.body).toBe(200);
    expect(o.json().files.map((f: any) => f.id)).toEqual([up.json().id]);
    expect(o.json().timeline[0].files).toHaveLength(1);
    // the desk sees the photo through the order
    expect((await w.as.desk('GET', `/api/files/${up.json().id}`)).statusCode).toBe(200);
    const again = await w.as.resident('POST', mine, residentRepair(w, { fileIds: [up.json().id] }));
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details[0]).toMatchObject({ path: 'body.fileIds', message: 'not_an_uploaded_photo' });
  });

  it('refuses what is not an image (415) and another user\'s draft area (404)', async () => {
    const me = w.tenant.users.resident!.userId;
    const pdf = await photo(w.as.resident, me, Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF'), 'a.pdf');
    expect(pdf.statusCode).toBe(415);
    expect((await photo(w.as.resident, w.tenant.users.technician!.userId)).statusCode).toBe(404);
  });

  it('a technician\'s completion photos land on the completion step', async () => {
    const o = await started();
    const up = (await photo(w.as.tech, w.tenant.users.technician!.userId)).json();
    const done = await step(w.as.tech, staff, o.id, { event: 'complete', fileIds: [up.id], materials: '阀门 1 个', labourMinutes: 40, geo: { lat: 31.23, lng: 121.47 } });
    const last = done.timeline.at(-1);
    expect(last).toMatchObject({ event: 'complete', geo: { lat: 31.23, lng: 121.47 } });
    expect(last.files.map((f: any) => f.id)).toEqual([up.id]);
    expect(done).toMatchObject({ materials: '阀门 1 个', labourMinutes: 40 });
  });
});

describe('paid repairs', () => {
  it('an accepted quote becomes exactly one one-off bill on the room, even after a reopen', async () => {
    const o = await started({ categoryId: w.paidCategoryId });
    const quoted = await step(w.as.tech, staff, o.id, { event: 'quote', amountFen: 12_800, note: '更换水龙头' });
    expect(quoted).toMatchObject({ status: 'paused', quote: { amountFen: 12_800, status: 'proposed' } });
    expect((await w.as.tech('POST', `${staff}/${o.id}/events`, { event: 'resume', version: quoted.version })).statusCode).toBe(409);
    await step(w.as.resident, mine, o.id, { event: 'accept_quote' });
    const done = await step(w.as.tech, staff, o.id, { event: 'complete' });
    expect(done.chargeBillId).toBeTruthy();
    const bills = await rows(sql`select kind, principal_fen, room_id, fee_item_id from bills where id = ${done.chargeBillId}`);
    expect(bills).toEqual([{ kind: 'one_off', principal_fen: 12_800, room_id: w.roomIds[0], fee_item_id: w.repairFeeItemId }]);
    await step(w.as.resident, mine, o.id, { event: 'reopen', note: '还是漏' });
    await step(w.as.tech, staff, o.id, { event: 'accept' });
    await step(w.as.tech, staff, o.id, { event: 'start' });
    const again = await step(w.as.tech, staff, o.id, { event: 'complete' });
    expect(again.chargeBillId).toBe(done.chargeBillId);
    const count = await rows(sql`select count(*)::int as n from bills b join bill_lines l on l.bill_id = b.id where b.company_id = ${w.tenant.companyId} and l.description like ${`维修费 ${o.no}%`}`);
    expect(count[0].n).toBe(1);
  });

  it('a declined quote bills nothing; a category that is not chargeable cannot be quoted', async () => {
    const o = await started({ categoryId: w.paidCategoryId });
    await step(w.as.tech, staff, o.id, { event: 'quote', amountFen: 5_000 });
    await step(w.as.resident, mine, o.id, { event: 'decline_quote' });
    expect((await step(w.as.tech, staff, o.id, { event: 'complete' })).chargeBillId).toBeNull();
    const free = await started();
    const res = await w.as.tech('POST', `${staff}/${free.id}/events`, { event: 'quote', version: free.version, amountFen: 100 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ path: 'body.amountFen', message: 'not_chargeable' });
  });
});

describe('bad input', () => {
  it('rating outside 1–5, zero or negative quotes, missing notes are 400 on the field', async () => {
    const o = await started();
    const bad = await w.as.tech('POST', `${staff}/${o.id}/events`, { event: 'quote', version: o.version, amountFen: -5 });
    expect(bad.statusCode).toBe(400);
    const done = await step(w.as.tech, staff, o.id, { event: 'complete' });
    for (const rating of [0, 6, 3.5]) {
      const r = await w.as.resident('POST', `${mine}/${o.id}/events`, { event: 'confirm', version: done.version, rating });
      expect(r.statusCode).toBe(400);
      expect(JSON.stringify(r.json().error.details)).toContain('rating');
    }
    const noNote = await w.as.resident('POST', `${mine}/${o.id}/events`, { event: 'reopen', version: done.version });
    expect(noNote.statusCode).toBe(400);
  });

  it('assigning to staff outside the project or without the skill is a 400 naming why', async () => {
    const o = (await w.as.resident('POST', mine, residentRepair(w))).json();
    const other = await w.as.desk('POST', `${staff}/${o.id}/events`, { event: 'assign', version: o.version, assigneeId: w.tenant.staffB.userId });
    expect(other.json().error.details[0]).toMatchObject({ path: 'body.assigneeId', message: 'not_in_project' });
    const lift = (await w.as.resident('POST', mine, residentRepair(w, { categoryId: w.cat.elevator }))).json();
    const unskilled = await w.as.desk('POST', `${staff}/${lift.id}/events`, { event: 'assign', version: lift.version, assigneeId: w.tenant.users.technician!.userId });
    expect(unskilled.json().error.details[0]).toMatchObject({ path: 'body.assigneeId', message: 'lacks_skill' });
    const cashier = await w.as.desk('POST', `${staff}/${o.id}/events`, { event: 'assign', version: o.version, assigneeId: w.tenant.users.cashier!.userId });
    expect(cashier.json().error.details[0]).toMatchObject({ path: 'body.assigneeId', message: 'cannot_work' });
  });

  it('a resident reporting for a room that is not theirs, or acting on someone else\'s order, gets 404', async () => {
    const neighbour = await w.as.resident('POST', mine, residentRepair(w, { roomId: w.roomIds[1] }));
    expect(neighbour.statusCode).toBe(404);
    const desk = (await w.as.desk('POST', staff, { projectId: w.tenant.projectA, source: 'desk', type: 'complaint', description: '楼道噪音', area: 'public', locationText: '1号楼' })).json();
    expect((await w.as.resident('GET', `${mine}/${desk.id}`)).statusCode).toBe(404);
    expect((await w.as.resident('POST', `${mine}/${desk.id}/events`, { event: 'cancel', version: 1, note: 'x' })).statusCode).toBe(404);
  });

  it('a private request needs a room, a repair a category, a stale version is 409, nothing is half-written', async () => {
    const before = (await rows(sql`select count(*)::int as n from work_orders where company_id = ${w.tenant.companyId}`))[0].n;
    const noRoom = await w.as.resident('POST', mine, { ...residentRepair(w), roomId: undefined });
    expect(noRoom.json().error.details.map((d: any) => d.path)).toContain('body.roomId');
    const noCat = await w.as.resident('POST', mine, { ...residentRepair(w), categoryId: undefined });
    expect(noCat.json().error.details[0]).toMatchObject({ path: 'body.categoryId', message: 'required_for_repair' });
    const ghost = await w.as.resident('POST', mine, residentRepair(w, { fileIds: ['01900000-0000-7000-8000-000000000000'] }));
    expect(ghost.statusCode).toBe(400);
    expect((await rows(sql`select count(*)::int as n from work_orders where company_id = ${w.tenant.companyId}`))[0].n).toBe(before);
    const o = (await w.as.resident('POST', mine, residentRepair(w))).json();
    await step(w.as.desk, staff, o.id, { event: 'assign', assigneeId: w.tenant.users.technician!.userId });
    const stale = await w.as.desk('POST', `${staff}/${o.id}/events`, { event: 'transfer', version: o.version, assigneeId: w.tech2.userId });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale_version');
  });
});

describe('revisits', () => {
  it('a low rating puts the order on the desk\'s revisit list until someone calls back', async () => {
    const o = await started();
    const done = await step(w.as.tech, staff, o.id, { event: 'complete' });
    await step(w.as.resident, mine, o.id, { event: 'confirm', rating: 2, comment: '修了两次' });
    const pending = (await w.as.desk('GET', `${staff}?revisit=pending&pageSize=200`)).json();
    expect(pending.items.map((i: any) => i.id)).toContain(o.id);
    const after = await step(w.as.desk, staff, o.id, { event: 'revisit', result: 'neutral', note: '已致电，住户表示理解' });
    expect(after.revisit).toMatchObject({ status: 'done', result: 'neutral', note: '已致电，住户表示理解' });
    expect((await w.as.desk('GET', `${staff}?revisit=pending&pageSize=200`)).json().items.map((i: any) => i.id)).not.toContain(o.id);
    expect(done.status).toBe('completed');
  });
});

describe('device alarms', () => {
  it('an integration with an API key opens an order for its project (and only its project)', async () => {
    const key = (await w.as.hq('POST', '/api/api-keys', { name: '水泵房监控', permissions: ['workorder.create'], projectIds: [w.tenant.projectA] })).json();
    const alarm = { projectId: w.tenant.projectA, source: 'device', type: 'repair', categoryId: w.cat.plumbing, priority: 'urgent', description: '2号水泵压力过低告警', area: 'public', facilityId: w.facilityId, equipmentCode: 'PUMP-02' };
    const res = await t.app.inject({ method: 'POST', url: '/api/work-orders', headers: { 'x-api-key': key.secret, 'idempotency-key': 'alarm-2026-12-02-0001' }, payload: alarm });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ source: 'device', priority: 'urgent', equipmentCode: 'PUMP-02', requesterName: 'API:水泵房监控', buildingId: w.buildingId });
    // the device retries its alarm: the same order
    const again = await t.app.inject({ method: 'POST', url: '/api/work-orders', headers: { 'x-api-key': key.secret, 'idempotency-key': 'alarm-2026-12-02-0001' }, payload: alarm });
    expect(again.json().id).toBe(res.json().id);
    const elsewhere = await t.app.inject({ method: 'POST', url: '/api/work-orders', headers: { 'x-api-key': key.secret }, payload: { ...alarm, projectId: w.tenant.projectB, facilityId: undefined, locationText: '泵房' } });
    expect(elsewhere.statusCode).toBe(404);
  });
});

describe('Idempotency-Key', () => {
  it('the same key and body answer the first response; another body is a 422', async () => {
    const key = { 'idempotency-key': `wo-${Math.random().toString(36).slice(2)}` };
    const a = await w.as.resident('POST', mine, residentRepair(w), key);
    const b = await w.as.resident('POST', mine, residentRepair(w), key);
    expect(b.statusCode).toBe(200);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(b.json().id).toBe(a.json().id);
    expect((await rows(sql`select count(*)::int as n from work_orders where id = ${a.json().id}`))[0].n).toBe(1);
    const c = await w.as.resident('POST', mine, residentRepair(w, { description: '另一件事' }), key);
    expect(c.statusCode).toBe(422);
    expect((await w.as.resident('POST', mine, residentRepair(w), { 'idempotency-key': 'short' })).statusCode).toBe(400);
  });

  it.skipIf(!onPostgres)('20 concurrent submissions with one key create one order, and every answer is it', async () => {
    const key = { 'idempotency-key': `wo-par-${Math.random().toString(36).slice(2)}` };
    const res = await Promise.all(Array.from({ length: 20 }, () => w.as.resident('POST', mine, residentRepair(w, { description: '并发报修' }), key)));
    const ids = new Set(res.filter((r) => r.statusCode === 200).map((r) => r.json().id));
    expect(res.every((r) => r.statusCode === 200 || r.statusCode === 409)).toBe(true);
    expect(ids.size).toBe(1);
    const n = await rows(sql`select count(*)::int as n from work_orders where company_id = ${w.tenant.companyId} and description = '并发报修'`);
    expect(n[0].n).toBe(1);
  });
});
