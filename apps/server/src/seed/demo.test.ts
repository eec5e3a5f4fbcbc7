import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { login } from '../../test/factories.ts';
import { identityViolations } from '../modules/billing/test-bills.ts';
import { DEMO_PASSWORD, seedDemo } from './demo.ts';

let t: TestApp;
let sample: string[] = [];
beforeAll(async () => {
  t = await startTestApp();
  const seeded = await seedDemo(t.ctx);
  sample = seeded ? seeded.sampleIdNumbers : [];
}, 300_000);
afterAll(async () => t?.close());

describe('demo data', () => {
  it('has two projects with about 2,000 rooms, owners, tenants, parking and vehicles', async () => {
    const [c]: any = (await t.ctx.database.db.execute(sql`select
      (select count(*) from rooms)::int as rooms, (select count(*) from persons)::int as persons,
      (select count(*) from room_residents where relation = 'tenant')::int as tenants,
      (select count(*) from parking_spaces)::int as parking, (select count(*) from vehicles)::int as vehicles`)).rows;
    expect(c.rooms).toBe(1984);
    expect(c.persons).toBeGreaterThan(1200);
    expect(c.tenants).toBeGreaterThan(50);
    expect(c).toMatchObject({ parking: 300, vehicles: 200 });
    expect(await seedDemo(t.ctx)).toBe(false); // seeded once
    // every room carries its property fee; the homes also water, every parking space its fee
    const [b]: any = (await t.ctx.database.db.execute(sql`select
      (select count(*) from fee_items)::int as items,
      (select count(distinct room_id) from charge_assignments a join fee_items f on f.id = a.fee_item_id where f.code = 'WYF')::int as fee_rooms,
      (select count(*) from charge_assignments where parking_space_id is not null)::int as spaces`)).rows;
    expect(b).toEqual({ items: 7, fee_rooms: 1984, spaces: 300 });
    // 阳光花园's October and November are billed (December is left for the wizard), three rooms in four prepaid and were deducted
    const [r]: any = (await t.ctx.database.db.execute(sql`select
      (select count(*) from bill_runs where status = 'done')::int as runs,
      (select count(distinct period_from::text) from bills where run_id is not null)::int as months,
      (select count(*) from bills where period_from = '2026-12-01')::int as december,
      (select count(*) from ledger_entries where kind = 'prepay_deduction' and account = 'receivable')::int as deducted,
      (select count(*) from account_balances where balance_fen < 0)::int as negative`)).rows;
    expect(r).toMatchObject({ runs: 2, months: 2, december: 0, negative: 0 });
    expect(r.deducted).toBeGreaterThan(500);
  });

  it('keeps no ID number in plain text anywhere in the database', async () => {
    expect(sample.length).toBeGreaterThan(20);
    const tables: any = await t.ctx.database.db.execute(sql`select tablename from pg_tables where schemaname = 'public'`);
    for (const { tablename } of tables.rows) {
      const dump: any = await t.ctx.database.db.execute(sql.raw(`select coalesce(string_agg(t::text, E'\\n'), '') as text from "${tablename}" t`));
      const text: string = dump.rows[0].text;
      for (const id of sample) expect(text.includes(id), `${id} in ${tablename}`).toBe(false);
    }
  });

  it('gives each room the status its people imply, with one open period that starts where the last one ended', async () => {
    const db = t.ctx.database.db;
    const [c]: any = (await db.execute(sql`
      with now_in as (select r.id, r.status,
                             exists (select 1 from room_residents x where x.room_id = r.id and x.valid_to is null) as people,
                             exists (select 1 from room_residents x where x.room_id = r.id and x.valid_to is null and x.relation = 'tenant') as tenant,
                             (select count(*) from room_status_history h where h.room_id = r.id and h.valid_to is null) as open,
                             (select h.status from room_status_history h where h.room_id = r.id and h.valid_to is null) as open_status
                        from rooms r)
      select count(*) filter (where open <> 1 or open_status <> status)::int as bad_open,
             count(*) filter (where (status = 'vacant') = people or (status = 'rented') <> tenant)::int as bad_status,
             count(*) filter (where status = 'occupied')::int as occupied, count(*) filter (where status = 'rented')::int as rented,
             count(*) filter (where status = 'vacant')::int as vacant, count(*) filter (where status = 'decorating')::int as decorating,
             (select count(*) from room_status_history a join room_status_history b on b.room_id = a.room_id and b.valid_from = a.valid_to + 1)::int as joined,
             (select count(*) from room_status_history where valid_to is not null)::int as closed,
             (select count(*) from room_status_history where valid_from > coalesce(valid_to, valid_from))::int as inverted,
             (select count(*) from room_moves m join rooms r on r.id = m.room_id where r.status not in ('occupied', 'rented'))::int as moves_in_empty,
             (select count(*) from vehicles v join parking_spaces s on s.id = v.parking_space_id where s.room_id = v.room_id)::int as parked
        from now_in`)).rows;
    expect(c).toMatchObject({ bad_open: 0, bad_status: 0, inverted: 0, moves_in_empty: 0, parked: 200 });
    expect(c.joined).toBe(c.closed); // every closed period is followed the next day
    for (const s of ['occupied', 'rented', 'vacant', 'decorating']) expect(c[s], s).toBeGreaterThan(10);
  });

  it('lets the demo resident sign in and see their home: lived in, with family and a car', async () => {
    const cookie = await login(t, 'resident', DEMO_PASSWORD);
    const rooms = (await t.app.inject({ method: 'GET', url: '/api/me/rooms', headers: { cookie } })).json();
    expect(rooms).toMatchObject([{ roomCode: '1-1-0101', projectName: '阳光花园', relation: 'owner' }]);
    const home = (await t.app.inject({ method: 'GET', url: `/api/me/rooms/${rooms[0].roomId}`, headers: { cookie } })).json();
    expect(home.status).toBe('occupied');
    expect(home.people.map((p: any) => [p.name, p.relation, p.me])).toEqual([['吴业主', 'owner', true], ['吴小雨', 'family', false]]);
    expect(home.vehicles).toHaveLength(1);
    const history: any = await t.ctx.database.db.execute(sql`select status, valid_from, valid_to from room_status_history
      where room_id = ${rooms[0].roomId} order by valid_from`);
    expect(history.rows).toEqual([
      { status: 'vacant', valid_from: '2023-06-01', valid_to: '2024-03-14' },
      { status: 'occupied', valid_from: '2024-03-15', valid_to: null },
    ]);
  });

  it('tells the service desk\'s story: handling time falls from about 48 h to about 12 h, satisfaction rises to about 96 %', async () => {
    const hq = await login(t, 'hq', DEMO_PASSWORD);
    const res = await t.app.inject({ method: 'GET', url: '/api/work-orders/stats?groupBy=month', headers: { cookie: hq } });
    expect(res.statusCode, res.body).toBe(200);
    const months = res.json().rows as { key: string; count: number; avgHandlingMinutes: number; satisfactionRate: string }[];
    expect(months.length).toBeGreaterThanOrEqual(6);
    const [first, last] = [months[0]!, months[5]!];
    expect(first.avgHandlingMinutes / 60).toBeGreaterThan(40);
    expect(first.avgHandlingMinutes / 60).toBeLessThan(56);
    expect(last.avgHandlingMinutes / 60).toBeGreaterThan(9);
    expect(last.avgHandlingMinutes / 60).toBeLessThan(15);
    expect(Number(last.satisfactionRate)).toBeGreaterThan(90);
    const open = await t.app.inject({ method: 'GET', url: '/api/work-orders?status=submitted,assigned,accepted,in_progress,paused', headers: { cookie: hq } });
    expect(open.json().total).toBe(9);
    const resident = await login(t, '13900000001', DEMO_PASSWORD);
    const mine = (await t.app.inject({ method: 'GET', url: '/api/me/work-orders', headers: { cookie: resident } })).json();
    expect(mine.items.map((o: any) => o.status).sort()).toEqual(['completed', 'in_progress']);
  });

  it('shows a day at the counter: receipts without gaps, a void, a refund, an invoice, an online payment, reminder rules and a hand-over', async () => {
    const db = t.ctx.database.db;
    const one = async (q: ReturnType<typeof sql>) => ((await db.execute(q)) as any).rows[0];
    const p = await one(sql`select
      count(*) filter (where channel <> 'online')::int as counter, count(*) filter (where channel = 'online')::int as online,
      count(distinct channel)::int as channels, count(*) filter (where status = 'voided' and void_reason is not null)::int as voided,
      count(*) filter (where prepaid_fen > 0)::int as topped_up,
      count(*) filter (where (select count(distinct a.bill_id) from payment_allocations a where a.payment_id = payments.id) > 1)::int as several_bills,
      count(*) filter (where channel <> 'online' and created_by is distinct from (select id from users where username = 'cashier'))::int as not_cashier
      from payments`);
    expect(p).toMatchObject({ online: 1, channels: 4, voided: 1, topped_up: 1, not_cashier: 0 });
    expect(p.counter).toBeGreaterThanOrEqual(30);
    expect(p.several_bills).toBeGreaterThan(10);
    // one receipt per payment, numbered from 1 with no gap, the voided one keeping its number
    const receipts: any = await db.execute(sql`select r.seq, r.number, r.status, p.status as payment, p.created_at = r.created_at as same_time,
      p.created_at >= lag(p.created_at) over (order by r.seq) as later from receipts r join payments p on p.id = r.payment_id order by r.seq`);
    expect(receipts.rows).toHaveLength(p.counter + p.online);
    receipts.rows.forEach((r: any, i: number) => {
      expect(r.seq).toBe(i + 1);
      expect(r.number).toMatch(new RegExp(`^SJ-YGHY-\\d{4}-${String(i + 1).padStart(6, '0')}$`));
      expect(r.status === 'voided').toBe(r.payment === 'voided');
      expect([r.same_time, r.later ?? true]).toEqual([true, true]); // the day at the counter runs in receipt order
    });
    const r = await one(sql`select
      (select count(*) from refunds where status = 'succeeded' and channel = 'cash'
         and requested_by = (select id from users where username = 'cashier') and decided_by = (select id from users where username = 'pm'))::int as refunds,
      (select count(*) from invoices where status = 'issued' and invoice_no is not null and file_id is not null)::int as invoices,
      (select count(*) from payment_orders where status = 'paid' and provider = 'sandbox' and payment_id is not null)::int as orders,
      (select count(*) from reminder_rules)::int as rules, (select count(*) from reminder_rules where enabled)::int as enabled_rules,
      (select count(*) from cashier_shifts where cash_counted_fen = (totals->>'expectedCashFen')::bigint)::int as shifts,
      (select (totals->>'count')::int from cashier_shifts) as shift_count,
      (select count(*) from account_balances where balance_fen < 0)::int as negative`);
    expect(r).toEqual({ refunds: 1, invoices: 1, orders: 1, rules: 2, enabled_rules: 1, shifts: 1, shift_count: p.counter, negative: 0 });
    const [company] = ((await db.execute(sql`select id from companies where code = 'DEMO'`)) as any).rows;
    expect(await identityViolations(t, company.id)).toEqual([]);

    const cashier = await login(t, 'cashier', DEMO_PASSWORD);
    const list = await t.app.inject({ method: 'GET', url: '/api/payments?pageSize=100', headers: { cookie: cashier } });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().total).toBe(p.counter + p.online);

    // 吴业主 sees the online payment in 我的缴费 and one water bill still to pay
    const resident = await login(t, 'resident', DEMO_PASSWORD);
    const mine = (await t.app.inject({ method: 'GET', url: '/api/me/payments', headers: { cookie: resident } })).json();
    expect(mine.items.map((x: any) => x.channel)).toEqual(['online']);
    const unpaid = (await t.app.inject({ method: 'GET', url: '/api/me/bills?status=unpaid', headers: { cookie: resident } })).json();
    expect(unpaid.total).toBe(1);
  });
});
