import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { createTenant, login, loginAs, type Tenant } from '../../../test/factories.ts';
import { ago, remindKit } from './reminders-test-kit.ts';
import { runAllRules, runRule } from './reminders.send.ts';

let t: TestApp;
let ours: Tenant;
let hq: string;
let cashier: string;
let fee: string;
let rooms: { id: string; code: string }[];
const k = remindKit(() => t);

beforeAll(async () => {
  t = await startTestApp();
  ours = await createTenant(t);
  [hq, cashier] = await loginAs(t, ours, 'hq_admin', 'cashier');
  fee = await k.feeItem(hq, 'WYF');
  rooms = (await k.building(hq, ours.projectA, '1', 8)).rooms;
});
afterAll(async () => t?.close());

const rule = async (body: object) => {
  const res = await k.as(cashier)('POST', '/api/payments/reminder-rules', { projectId: ours.projectA, name: '逾期催缴', ...body });
  expect(res.statusCode).toBe(200);
  return res.json();
};
const sentTo = async (ruleId: string) => (await k.rows(sql`select room_id, total_fen, bill_count, recipients, channels, bills from reminders where rule_id = ${ruleId} order by sent_at, room_id`));
const billA = (roomId: string, due: string, principalFen: number) => k.bill({ tenant: ours, projectId: ours.projectA, roomId, feeItemId: fee, due, principalFen });

describe('the daily reminder job', () => {
  it('applies the thresholds: days overdue (strictly more), minimum amount over the room, posted late fees count, paid bills do not', async () => {
    const [r1, r2, r3, r4, r5, r6, r7] = rooms;
    await billA(r1!.id, ago(40), 10_000); // 40 days overdue, 100 元: yes
    await billA(r2!.id, ago(20), 10_000); // only 20 days: no
    await billA(r3!.id, ago(40), 3_000); // below the minimum: no
    await billA(r4!.id, ago(40), 3_000); // two bills together reach it: yes
    await billA(r4!.id, ago(35), 3_000);
    await billA(r4!.id, ago(10), 9_000); // not overdue enough: not in the snapshot
    const paid = await billA(r5!.id, ago(40), 10_000); // paid: no
    await k.entry(paid, 'payment', -10_000);
    const lf = await billA(r6!.id, ago(50), 4_000); // 40 + 15 元 posted late fee: yes
    await k.entry(lf, 'late_fee', 1_500);
    await billA(r7!.id, ago(30), 10_000); // exactly 30 days: not more than 30

    const r = await rule({ daysOverdue: 30, minAmountFen: 5_000, repeatDays: 7, channels: ['inapp'] });
    const res = await runRule(t.ctx, ours.companyId, r.id);
    expect(res).toMatchObject({ count: 3, totalFen: 10_000 + 6_000 + 5_500, recipients: 0 });
    const sent = await sentTo(r.id);
    expect(sent.map((s) => [s.room_id, Number(s.total_fen), s.bill_count])).toEqual(
      [[r1!.id, 10_000, 1], [r4!.id, 6_000, 2], [r6!.id, 5_500, 1]].sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
    const six = sent.find((s) => s.room_id === r6!.id)!;
    expect(six.bills).toEqual([expect.objectContaining({ billId: lf, dueDate: ago(50), principalFen: 4_000, lateFeeFen: 1_500, outstandingFen: 5_500, feeItemName: 'WYF' })]);
    expect(sent.every((s) => s.recipients === 0 && s.channels.join() === 'inapp')).toBe(true);
    // audited once per chunk
    const [audit] = await k.rows(sql`select after from audit_log where action = 'payment.reminders_sent' and entity_id = ${r.id}`);
    expect(audit.after).toMatchObject({ count: 3, ruleId: r.id });
    await k.exec(sql`delete from reminder_rules where id = ${r.id}`);
  });

  it('runs twice a day → once; again only after repeatDays business days', async () => {
    const room = rooms[7]!;
    await billA(room.id, ago(60), 20_000);
    const r = await rule({ name: '重复测试', daysOverdue: 0, minAmountFen: 20_000, repeatDays: 7, channels: ['inapp'] });
    expect((await runRule(t.ctx, ours.companyId, r.id)).count).toBe(1);
    expect((await runRule(t.ctx, ours.companyId, r.id)).count).toBe(0);
    await Promise.all([runRule(t.ctx, ours.companyId, r.id), runAllRules(t.ctx)]);
    expect(await sentTo(r.id)).toHaveLength(1);
    // 6 days ago: still within the interval
    await k.exec(sql`update reminders set sent_at = now() - interval '6 days' where rule_id = ${r.id}`);
    expect((await runRule(t.ctx, ours.companyId, r.id)).count).toBe(0);
    // 7 days ago: due again
    await k.exec(sql`update reminders set sent_at = now() - interval '7 days' where rule_id = ${r.id}`);
    expect((await runRule(t.ctx, ours.companyId, r.id)).count).toBe(1);
    expect(await sentTo(r.id)).toHaveLength(2);
    // a disabled rule sends nothing
    const put = await k.as(cashier)('PUT', `/api/payments/reminder-rules/${r.id}`, { name: r.name, daysOverdue: 0, minAmountFen: 20_000, repeatDays: 7, channels: ['inapp'], enabled: false, version: r.version });
    expect(put.statusCode).toBe(200);
    await k.exec(sql`update reminders set sent_at = now() - interval '30 days' where rule_id = ${r.id}`);
    expect((await runRule(t.ctx, ours.companyId, r.id)).count).toBe(0);
    const rs = (await k.as(cashier)('GET', '/api/payments/reminder-rules')).json().items.find((x: any) => x.id === r.id);
    expect(rs).toMatchObject({ enabled: false, sentCount: 2, version: 2 });
    await k.exec(sql`delete from reminder_rules where id = ${r.id}`);
    await k.entry((await k.rows(sql`select id from bills where room_id = ${room.id}`))[0].id, 'payment', -20_000);
  });

  it('messages the room\'s residents in-app and by SMS through the outbox; a room nobody is bound to has 0 recipients', async () => {
    const [bound, lonely] = await Promise.all([1, 2].map(async (i) => (await k.building(hq, ours.projectA, `S${i}`, 1)).rooms[0]!));
    await billA(bound!.id, ago(45), 12_345);
    await billA(lonely!.id, ago(45), 12_345);
    const u = await k.resident(ours, ours.projectA, bound!.id);
    const r = await rule({ name: '短信催缴', daysOverdue: 30, minAmountFen: 12_345, repeatDays: 30, channels: ['inapp', 'sms'] });
    expect(await runRule(t.ctx, ours.companyId, r.id)).toMatchObject({ count: 2, recipients: 1 });
    const sent = await sentTo(r.id);
    expect(Object.fromEntries(sent.map((s) => [s.room_id, s.recipients]))).toEqual({ [bound!.id]: 1, [lonely!.id]: 0 });
    const [msg] = await k.rows(sql`select id, title, body, inbox from notifications where user_id = ${u.userId} and event = 'payment.arrears_reminder'`);
    expect(msg.inbox).toBe(true);
    expect(msg.body).toContain(bound!.code);
    expect(msg.body).toContain('123.45');
    const [d] = await k.rows(sql`select id, channel, address, status from deliveries where notification_id = ${msg.id}`);
    expect(d).toMatchObject({ channel: 'sms', address: u.phone, status: 'pending' });
    await t.ctx.outbox.deliverAll();
    const out = await k.rows(sql`select "to", content from sandbox_messages where dedupe_key = ${d.id}`);
    expect(out).toHaveLength(1);
    expect(out[0].to).toBe(u.phone);
    expect(JSON.stringify(out[0].content)).toContain(bound!.code);
    // the resident sees it in the inbox
    const inbox = (await k.as(await login(t, u.phone))('GET', '/api/notifications')).json();
    expect(inbox.items.map((x: any) => x.event)).toContain('payment.arrears_reminder');

    // a rule in-app only leaves nothing in the outbox; SMS only keeps it out of the inbox
    await k.exec(sql`delete from reminder_rules where id = ${r.id}`);
    for (const channels of [['inapp'], ['sms']]) {
      const r2 = await rule({ name: `仅${channels[0]}`, daysOverdue: 30, minAmountFen: 12_345, repeatDays: 30, channels });
      await runRule(t.ctx, ours.companyId, r2.id);
      const [reminder] = await k.rows(sql`select id, recipients from reminders where rule_id = ${r2.id} and room_id = ${bound!.id}`);
      expect(reminder.recipients).toBe(1);
      const [n] = await k.rows(sql`select id, inbox from notifications where data->>'reminderId' = ${reminder.id}`);
      const ds = await k.rows(sql`select channel from deliveries where notification_id = ${n.id}`);
      expect([n.inbox, ds.map((x) => x.channel)]).toEqual(channels[0] === 'inapp' ? [true, []] : [false, ['sms']]);
      await k.exec(sql`delete from reminder_rules where id = ${r2.id}`);
    }
  });

  it('works a rule in chunks, one transaction (and one audit row) each, until no room is left', async () => {
    const { rooms: five } = await k.building(hq, ours.projectA, 'C', 5);
    for (const r of five) await billA(r.id, ago(400), 99_999);
    const r = await rule({ name: '分批', daysOverdue: 365, minAmountFen: 99_999, repeatDays: 1, channels: ['inapp'] });
    expect((await runRule(t.ctx, ours.companyId, r.id, undefined, 2)).count).toBe(5);
    expect((await sentTo(r.id)).map((s) => s.room_id).sort()).toEqual(five.map((x) => x.id).sort());
    const audits = await k.rows(sql`select after from audit_log where action = 'payment.reminders_sent' and entity_id = ${r.id} order by created_at, id`);
    expect(audits.map((a) => a.after.count)).toEqual([2, 2, 1]);
    expect((await runRule(t.ctx, ours.companyId, r.id, undefined, 2)).count).toBe(0);
  });
});
