import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { createTenant, loginAs, type Tenant } from '../../../test/factories.ts';
import { ago, remindKit, today } from './reminders-test-kit.ts';

let t: TestApp;
let ours: Tenant;
let theirs: Tenant;
let hq: string;
let pm: string;
let cashier: string;
let viewer: string;
let fee: string;
let a: { buildingId: string; rooms: { id: string; code: string }[] };
let a2: { buildingId: string; rooms: { id: string; code: string }[] };
let b: { buildingId: string; rooms: { id: string; code: string }[] };
const k = remindKit(() => t);

beforeAll(async () => {
  t = await startTestApp();
  ours = await createTenant(t);
  theirs = await createTenant(t);
  [hq, pm, cashier, viewer] = await loginAs(t, ours, 'hq_admin', 'project_manager', 'cashier', 'hq_viewer');
  fee = await k.feeItem(hq, 'WYF');
  a = await k.building(hq, ours.projectA, '1', 4);
  a2 = await k.building(hq, ours.projectA, '2', 2);
  b = await k.building(hq, ours.projectB, '9', 1);
  const bill = (projectId: string, roomId: string, due: string, fen: number) => k.bill({ tenant: ours, projectId, roomId, feeItemId: fee, due, principalFen: fen });
  await bill(ours.projectA, a.rooms[0]!.id, ago(40), 10_000);
  await bill(ours.projectA, a.rooms[0]!.id, ago(10), 2_000);
  await bill(ours.projectA, a.rooms[1]!.id, ago(5), 500);
  await bill(ours.projectA, a.rooms[2]!.id, '2099-01-01', 9_000); // not due yet
  await bill(ours.projectA, a2.rooms[0]!.id, ago(100), 30_000);
  await bill(ours.projectB, b.rooms[0]!.id, ago(40), 10_000);
  await k.resident(ours, ours.projectA, a.rooms[0]!.id);
  await k.owner(ours, ours.projectA, a.rooms[0]!.id, '张三丰');
});
afterAll(async () => t?.close());

const post = (cookie: string, url: string, payload: object, key?: string) =>
  t.app.inject({ method: 'POST', url, headers: { cookie, ...(key ? { 'idempotency-key': key } : {}) }, payload });
const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

describe('rules', () => {
  it('creates, lists, updates with its version, deletes; other projects are not found; bad fields are 400', async () => {
    const made = await post(cashier, '/api/payments/reminder-rules', { projectId: ours.projectA, name: '逾期30天', daysOverdue: 30, minAmountFen: 100, repeatDays: 7, channels: ['inapp', 'sms'] });
    expect(made.statusCode).toBe(200);
    const r = made.json();
    expect(r).toMatchObject({ projectId: ours.projectA, name: '逾期30天', enabled: true, version: 1, sentCount: 0, lastSentAt: null });
    const other = (await post(hq, '/api/payments/reminder-rules', { projectId: ours.projectB, name: 'B', daysOverdue: 1, repeatDays: 1, channels: ['inapp'] })).json();
    expect((await get(cashier, '/api/payments/reminder-rules')).json().items.map((x: any) => x.id)).toEqual([r.id]);
    expect((await get(hq, '/api/payments/reminder-rules')).json().items.map((x: any) => x.id).sort()).toEqual([r.id, other.id].sort());
    const body = { name: '逾期60天', daysOverdue: 60, minAmountFen: 0, repeatDays: 14, channels: ['sms'], enabled: true };
    const put = await t.app.inject({ method: 'PUT', url: `/api/payments/reminder-rules/${r.id}`, headers: { cookie: cashier }, payload: { ...body, version: 1 } });
    expect(put.json()).toMatchObject({ daysOverdue: 60, channels: ['sms'], version: 2 });
    const stale = await t.app.inject({ method: 'PUT', url: `/api/payments/reminder-rules/${r.id}`, headers: { cookie: cashier }, payload: { ...body, version: 1 } });
    expect(stale.statusCode).toBe(409);
    // another project's rule: 404 to a project cashier, on PUT and DELETE
    expect((await t.app.inject({ method: 'PUT', url: `/api/payments/reminder-rules/${other.id}`, headers: { cookie: cashier }, payload: { ...body, version: 1 } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/payments/reminder-rules/${other.id}`, headers: { cookie: cashier } })).statusCode).toBe(404);
    expect((await post(cashier, '/api/payments/reminder-rules', { projectId: ours.projectB, name: 'x', daysOverdue: 1, repeatDays: 1, channels: ['inapp'] })).statusCode).toBe(404);
    expect((await post(hq, '/api/payments/reminder-rules', { projectId: theirs.projectA, name: 'x', daysOverdue: 1, repeatDays: 1, channels: ['inapp'] })).statusCode).toBe(404);
    // field errors
    const bad = await post(cashier, '/api/payments/reminder-rules', { projectId: ours.projectA, name: '', daysOverdue: -1, minAmountFen: 1.5, repeatDays: 0, channels: ['wechat'] });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.details.map((d: any) => d.path);
    for (const p of ['body.name', 'body.daysOverdue', 'body.minAmountFen', 'body.repeatDays', 'body.channels.0']) expect(paths).toContain(p);
    const dup = await post(cashier, '/api/payments/reminder-rules', { projectId: ours.projectA, name: 'x', daysOverdue: 1, repeatDays: 1, channels: ['sms', 'sms'] });
    expect(dup.json().error.details.map((d: any) => d.path)).toContain('body.channels');
    // the viewer reads history but does not manage rules
    expect((await get(viewer, '/api/payments/reminder-rules')).statusCode).toBe(403);
    const del = await t.app.inject({ method: 'DELETE', url: `/api/payments/reminder-rules/${r.id}`, headers: { cookie: cashier } });
    expect(del.statusCode).toBe(200);
    expect((await get(cashier, '/api/payments/reminder-rules')).json().items).toEqual([]);
    const audits = await k.rows(sql`select action from audit_log where entity_id = ${r.id} order by created_at`);
    expect(audits.map((x) => x.action)).toEqual(['payment.reminder_rule_saved', 'payment.reminder_rule_saved', 'payment.reminder_rule_deleted']);
    await k.exec(sql`delete from reminder_rules where id = ${other.id}`);
  });
});

describe('manual batch', () => {
  it('the batch sends to exactly the rooms its preview lists, once per Idempotency-Key', async () => {
    const body = { projectId: ours.projectA, minAmountFen: 1_000, channels: ['inapp', 'sms'] };
    const pre = await post(cashier, '/api/payments/reminders/preview', body);
    expect(pre.statusCode).toBe(200);
    const p = pre.json();
    // room 1-…01 owes 100 + 20 元 (overdue), 2-…01 300 元; 1-…02 owes 5 元 (under the minimum), 1-…03 is not due
    expect(p.rooms.map((r: any) => [r.roomId, r.totalFen, r.billCount, r.residents])).toEqual([
      [a.rooms[0]!.id, 12_000, 2, 1], [a2.rooms[0]!.id, 30_000, 1, 0],
    ]);
    expect(p).toMatchObject({ asOf: today(), roomCount: 2, totalFen: 42_000, unreachable: 1 });
    expect(await k.rows(sql`select id from reminders where company_id = ${ours.companyId}`)).toEqual([]);

    const sent = await post(cashier, '/api/payments/reminders/batch', body, 'batch-key-0001');
    expect(sent.statusCode).toBe(200);
    const s = sent.json();
    expect(s).toMatchObject({ count: p.roomCount, totalFen: p.totalFen, recipients: 1, unreachedRoomIds: [a2.rooms[0]!.id] });
    const again = await post(cashier, '/api/payments/reminders/batch', body, 'batch-key-0001');
    expect(again.json()).toEqual(s);
    expect((await post(cashier, '/api/payments/reminders/batch', { ...body, minAmountFen: 1 }, 'batch-key-0001')).statusCode).toBe(422);
    const hist = (await get(cashier, `/api/payments/reminders?batchId=${s.batchId}`)).json();
    expect(hist.total).toBe(2);
    expect(hist.items.map((x: any) => x.roomId).sort()).toEqual(p.rooms.map((r: any) => r.roomId).sort());
    expect(hist.items.find((x: any) => x.roomId === a.rooms[0]!.id)).toMatchObject({ totalFen: 12_000, billCount: 2, recipients: 1, channels: ['inapp', 'sms'], ruleId: null, batchId: s.batchId });
    expect(hist.items[0].bills).toEqual(p.rooms.find((r: any) => r.roomId === hist.items[0].roomId).bills);
    // unreached rooms are listed for printing; a building's batch reaches only its rooms
    expect((await get(cashier, `/api/payments/reminders?reached=no&from=${today()}&to=${today()}`)).json().items.map((x: any) => x.roomId)).toEqual([a2.rooms[0]!.id]);
    const one = (await post(cashier, '/api/payments/reminders/preview', { projectId: ours.projectA, buildingId: a.buildingId, channels: ['inapp'] })).json();
    expect(one.rooms.map((r: any) => r.roomId)).toEqual([a.rooms[0]!.id, a.rooms[1]!.id]);
    // per room history; the viewer may read it
    const room = (await get(viewer, `/api/rooms/${a.rooms[0]!.id}/reminders`)).json();
    expect(room.items).toHaveLength(1);
    expect(room.items[0]).toMatchObject({ roomCode: a.rooms[0]!.code, sentByName: expect.any(String) });
    expect((await get(viewer, '/api/payments/reminders')).json().total).toBe(2);
  });

  it('refuses rooms or buildings of other projects and bad bodies; out-of-scope reads are 404', async () => {
    const ch = { channels: ['inapp'] };
    for (const url of ['/api/payments/reminders/preview', '/api/payments/reminders/batch']) {
      expect((await post(cashier, url, { projectId: ours.projectB, ...ch })).statusCode).toBe(404);
      expect((await post(hq, url, { projectId: theirs.projectA, ...ch })).statusCode).toBe(404);
      const room = await post(cashier, url, { projectId: ours.projectA, roomIds: [a.rooms[0]!.id, b.rooms[0]!.id], ...ch });
      expect([room.statusCode, room.json().error.details]).toEqual([400, [{ path: 'body.roomIds.1', message: 'not_in_project' }]]);
      const bld = await post(hq, url, { projectId: ours.projectA, buildingId: b.buildingId, ...ch });
      expect([bld.statusCode, bld.json().error.details]).toEqual([400, [{ path: 'body.buildingId', message: 'not_in_project' }]]);
      const both = await post(cashier, url, { projectId: ours.projectA, roomIds: [a.rooms[0]!.id], buildingId: a.buildingId, ...ch });
      expect(both.statusCode).toBe(400);
      expect(both.json().error.details.map((d: any) => d.path)).toContain('body.buildingId');
      const noCh = await post(cashier, url, { projectId: ours.projectA, channels: [] });
      expect(noCh.json().error.details.map((d: any) => d.path)).toContain('body.channels');
    }
    expect((await get(cashier, `/api/rooms/${b.rooms[0]!.id}/reminders`)).statusCode).toBe(404);
    expect((await get(cashier, `/api/payments/reminders/notice.pdf?roomIds=${b.rooms[0]!.id}`)).statusCode).toBe(404);
    expect((await get(cashier, `/api/payments/reminders/notice.pdf?projectId=${ours.projectB}`)).statusCode).toBe(404);
    expect((await get(cashier, `/api/payments/reminders/notice.pdf?buildingId=${b.buildingId}`)).statusCode).toBe(404);
    expect((await get(cashier, `/api/payments/reminders?projectId=${ours.projectB}`)).json()).toMatchObject({ items: [], total: 0 });
    const badQ = await get(cashier, '/api/payments/reminders?from=2026-13-01');
    expect(badQ.json().error.details.map((d: any) => d.path)).toContain('querystring.from');
  });
});

describe('催缴通知单', () => {
  it('prints one page per owing room with its code, bills and total; the owner is masked without pii.view', async () => {
    const res = await get(cashier, `/api/payments/reminders/notice.pdf?roomIds=${a.rooms[0]!.id},${a2.rooms[0]!.id}&deadline=2099-01-31`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // printed letters are audited: who printed which rooms, for which deadline
    const audit = await k.rows(sql`select actor_id, after from audit_log where action = 'payment.reminder_notice_printed' order by created_at`);
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({ deadline: '2099-01-31', rooms: expect.arrayContaining([a.rooms[0]!.code, a2.rooms[0]!.code]) });
    // the text itself is not asserted: extraction interleaves the two-column header differently per font build
    expect((res.rawPayload.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length).toBe(2);
    const pages = (r: { rawPayload: Buffer }) => (r.rawPayload.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
    expect((await get(pm, `/api/payments/reminders/notice.pdf?roomIds=${a.rooms[0]!.id}`)).statusCode).toBe(200);
    expect(pages(await get(cashier, `/api/payments/reminders/notice.pdf?buildingId=${a2.buildingId}`))).toBe(1);
    const all = await get(cashier, '/api/payments/reminders/notice.pdf');
    expect(all.statusCode).toBe(200);
    // nothing owed: one page that says so
    expect(pages(await get(cashier, `/api/payments/reminders/notice.pdf?roomIds=${a.rooms[2]!.id}`))).toBe(1);
    expect((await get(cashier, `/api/payments/reminders/notice.pdf?deadline=2020-01-01`)).statusCode).toBe(400);
  });
});
