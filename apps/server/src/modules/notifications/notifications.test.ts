import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, onPostgres, type TestApp } from '../../../test/harness.ts';
import { addMember, createTenant, createUser, login, type Tenant } from '../../../test/factories.ts';
import { residentRooms } from '../org/org.table.ts';
import { MAX_ATTEMPTS } from './deliver.job.ts';
import { makeDeliverHandler } from './deliver.job.ts';

let t: TestApp;
let tenant: Tenant;
let hq: string;
const residents: { userId: string; phone: string; cookie?: string }[] = [];
beforeAll(async () => {
  t = await startTestApp();
  tenant = await createTenant(t);
  hq = await login(t, tenant.users.hq_admin!.phone);
  for (let i = 0; i < 3; i++) {
    const u = await createUser(t);
    const m = await addMember(t, tenant.companyId, u.userId, 'resident', []);
    await t.ctx.database.db.insert(residentRooms).values({
      companyId: tenant.companyId, projectId: tenant.projectA, membershipId: m, roomId: crypto.randomUUID(), relation: 'owner', status: 'active',
    });
    residents.push({ ...u, cookie: await login(t, u.phone) });
  }
});
afterAll(async () => t?.close());
beforeEach(() => { for (const p of Object.values(t.ctx.providers.sandbox)) p!.setMode('ok'); });

const q = async (text: ReturnType<typeof sql>) => ((await t.ctx.database.db.execute(text)) as any).rows;
const broadcast = (payload: object, cookie = hq) => t.app.inject({ method: 'POST', url: '/api/notifications/broadcast', headers: { cookie }, payload });
const inbox = (cookie: string, qs = '') => t.app.inject({ method: 'GET', url: `/api/notifications${qs}`, headers: { cookie } }).then((r) => r.json());
const unread = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/notifications/unread-count', headers: { cookie } }).then((r) => r.json().count);

describe('notify → inbox and outbox', () => {
  it('fans a broadcast out to the project\'s staff and residents, once each, with SMS in the outbox', async () => {
    const res = await broadcast({ title: '停水通知', content: '明日 9:00-12:00 停水', projectId: tenant.projectA });
    expect(res.statusCode).toBe(200);
    // project A: HQ admin + HQ viewer (all projects) + PM, CS, cashier, technician, guard, cleaner + 3 residents
    expect(res.json().recipients).toBe(11);
    const r0 = residents[0]!;
    expect(await unread(r0.cookie!)).toBe(1);
    const [msg] = (await inbox(r0.cookie!)).items;
    expect(msg).toMatchObject({ event: 'system.broadcast', title: '停水通知' });
    expect(msg.body).toContain('明日 9:00-12:00 停水');
    // staff of project B only does not get it
    expect(await unread(await login(t, tenant.staffB.phone))).toBe(0);
    const rows = await q(sql`select d.status, d.channel from deliveries d join notifications n on n.id = d.notification_id where n.user_id = ${r0.userId}`);
    expect(rows).toEqual([]); // system.broadcast goes in-app and to installed PWAs only: no push subscription here

    expect((await t.app.inject({ method: 'POST', url: `/api/notifications/${msg.id}/read`, headers: { cookie: r0.cookie! } })).statusCode).toBe(200);
    expect(await unread(r0.cookie!)).toBe(0);
    // another person's message id is not found
    const other = (await inbox(residents[1]!.cookie!)).items[0];
    expect((await t.app.inject({ method: 'POST', url: `/api/notifications/${other.id}/read`, headers: { cookie: r0.cookie! } })).statusCode).toBe(404);
    const all = await t.app.inject({ method: 'POST', url: '/api/notifications/read-all', headers: { cookie: residents[1]!.cookie! } });
    expect(all.json().count).toBe(1);
  });

  it('delivers SMS through the outbox exactly once, retries failures and dead-letters after the limit', async () => {
    const sms = t.ctx.providers.sandbox.sms!;
    const u = residents[2]!;
    // a password change notifies in-app and by SMS
    sms.setMode('error', 2);
    const changed = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie: u.cookie! }, payload: { oldPassword: 'Test#pass-2026', newPassword: 'Another#pass-1' } });
    expect(changed.statusCode).toBe(200);
    u.cookie = `sid=${changed.cookies.find((c) => c.name === 'sid')!.value}`;
    const [d] = await q(sql`select d.id from deliveries d join notifications n on n.id = d.notification_id where n.user_id = ${u.userId} and d.channel = 'sms'`);
    const status = async () => (await q(sql`select status, attempts from deliveries where id = ${d.id}`))[0];
    await t.ctx.outbox.deliverAll();
    expect(await status()).toMatchObject({ status: 'failed', attempts: 1 });
    await q(sql`update deliveries set next_attempt_at = now() where id = ${d.id}`);
    await t.ctx.outbox.deliverAll();
    expect(await status()).toMatchObject({ status: 'failed', attempts: 2 });
    await q(sql`update deliveries set next_attempt_at = now() where id = ${d.id}`);
    await t.ctx.outbox.deliverAll();
    expect(await status()).toMatchObject({ status: 'sent', attempts: 3 });
    const sent = await q(sql`select "to", content from sandbox_messages where dedupe_key = ${d.id}`);
    expect(sent).toHaveLength(1);
    expect(sent[0].to).toBe(u.phone);
    expect(JSON.stringify(sent[0].content)).toContain('密码');

    // permanent failure: dead letter after MAX_ATTEMPTS, visible in the log, resend works
    sms.setMode('error');
    await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie: u.cookie! }, payload: { oldPassword: 'Another#pass-1', newPassword: 'Test#pass-2026' } });
    const [d2] = await q(sql`select d.id from deliveries d join notifications n on n.id = d.notification_id
                              where n.user_id = ${u.userId} and d.channel = 'sms' and d.id <> ${d.id}`);
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await q(sql`update deliveries set next_attempt_at = now() where id = ${d2.id}`);
      await t.ctx.outbox.deliverAll();
    }
    expect((await q(sql`select status from deliveries where id = ${d2.id}`))[0].status).toBe('dead');
    const log = (await t.app.inject({ method: 'GET', url: '/api/deliveries?status=dead', headers: { cookie: hq } })).json();
    expect(log.items.map((x: any) => x.id)).toContain(d2.id);
    sms.setMode('ok');
    expect((await t.app.inject({ method: 'POST', url: `/api/deliveries/${d2.id}/resend`, headers: { cookie: hq } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: `/api/deliveries/${d2.id}/resend`, headers: { cookie: hq } })).statusCode).toBe(409);
    await t.ctx.outbox.deliverAll();
    expect((await q(sql`select status from deliveries where id = ${d2.id}`))[0].status).toBe('sent');
  });

  it('a worker that dies after sending does not make the person read the SMS twice', async () => {
    const u = residents[0]!;
    await t.ctx.database.db.transaction((tx) => t.ctx.notifier.notify(tx, 'account.password_changed', { companyId: tenant.companyId, userIds: [u.userId] }, { name: 'x', time: 'now' }));
    const [d] = await q(sql`select d.id from deliveries d join notifications n on n.id = d.notification_id
                             where n.user_id = ${u.userId} and d.channel = 'sms' and d.status = 'pending'`);
    // first worker sends, then "crashes" before recording: simulate by sending through the provider and leaving the row in `sending`
    await t.ctx.providers.sms!.send({ id: d.id, event: 'account.password_changed', to: u.phone, title: 't', body: 'b', data: {} });
    await q(sql`update deliveries set status = 'sending', attempts = 1, updated_at = now() - interval '5 minutes' where id = ${d.id}`);
    await t.ctx.outbox.deliverAll();
    expect((await q(sql`select status from deliveries where id = ${d.id}`))[0].status).toBe('sent');
    expect(await q(sql`select id from sandbox_messages where dedupe_key = ${d.id}`)).toHaveLength(1);
  });

  it.skipIf(!onPostgres)('two workers on PostgreSQL share the outbox without sending anything twice', async () => {
    const many = await Promise.all(Array.from({ length: 40 }, async () => (await createUser(t)).userId));
    for (const id of many) await addMember(t, tenant.companyId, id, 'cleaner', [tenant.projectA]);
    await t.ctx.database.db.transaction((tx) => t.ctx.notifier.notify(tx, 'account.password_changed', { companyId: tenant.companyId, userIds: many }, { name: 'x', time: 'y' }));
    const second = makeDeliverHandler(t.ctx.database, t.ctx.providers);
    await Promise.all([t.ctx.outbox.deliverAll(), second()]);
    const rows = await q(sql`select d.id, d.status, d.attempts, (select count(*)::int from sandbox_messages s where s.dedupe_key = d.id::text) as sent
                              from deliveries d join notifications n on n.id = d.notification_id where n.user_id = any(${sql.param(many)}::uuid[])`);
    expect(rows).toHaveLength(40);
    // claimed once each (attempts = 1): the sandbox's dedupe never had to hide a double send
    expect(rows.every((r: any) => r.status === 'sent' && Number(r.sent) === 1 && r.attempts === 1)).toBe(true);
  });
});

describe('templates', () => {
  it('saves a company template, refuses unknown variables, and reverts to the default', async () => {
    const bad = await t.app.inject({ method: 'PUT', url: '/api/notification-templates', headers: { cookie: hq },
      payload: { event: 'system.broadcast', channel: 'inapp', locale: 'zh-CN', title: '{{title}}', body: '{{content}} {{roomNo}}' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('roomNo');
    const ok = await t.app.inject({ method: 'PUT', url: '/api/notification-templates', headers: { cookie: hq },
      payload: { event: 'system.broadcast', channel: 'inapp', locale: 'zh-CN', title: '【通知】{{title}}', body: '{{content}}' } });
    expect(ok.statusCode).toBe(200);
    await broadcast({ title: '电梯检修', content: '3 号楼电梯检修', projectId: tenant.projectA });
    const [latest] = (await inbox(residents[0]!.cookie!)).items;
    expect(latest.title).toBe('【通知】电梯检修');
    expect((await t.app.inject({ method: 'DELETE', url: `/api/notification-templates/${ok.json().id}`, headers: { cookie: hq } })).statusCode).toBe(200);
    const list = (await t.app.inject({ method: 'GET', url: '/api/notification-templates', headers: { cookie: hq } })).json();
    expect(list.find((x: any) => x.event === 'system.broadcast' && x.channel === 'inapp' && x.locale === 'zh-CN').custom).toBe(false);
  });

  it('honours a person\'s channel switches', async () => {
    const u = residents[1]!;
    const put = await t.app.inject({ method: 'PUT', url: '/api/me/channel-prefs', headers: { cookie: u.cookie! }, payload: { prefs: [{ channel: 'sms', enabled: false }] } });
    expect(put.json().prefs.find((p: any) => p.channel === 'sms').enabled).toBe(false);
    await t.ctx.database.db.transaction((tx) => t.ctx.notifier.notify(tx, 'account.password_changed', { companyId: null, userIds: [u.userId] }, { name: 'x', time: 'y' }));
    const rows = await q(sql`select d.id from deliveries d join notifications n on n.id = d.notification_id where n.user_id = ${u.userId} and d.channel = 'sms'`);
    expect(rows).toHaveLength(0);
  });
});
