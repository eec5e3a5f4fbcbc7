import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { AppDb } from '../../apps/server/src/db/client.ts';
import { rowsOf } from '../../apps/server/src/db/rows.ts';
import { hashPassword } from '../../apps/server/src/lib/passwords.ts';
import { createCompanyWithRoles } from '../../apps/server/src/modules/org/company.service.ts';

/** A room to pay and its three bills, oldest (= the project's settle order) first. */
export interface RoomBills { roomId: string; bills: { id: string; feeItemId: string; fen: number }[]; totalFen: number; outTradeNo?: string }
export interface ProjectSet {
  projectId: string;
  /** paid before the clock starts (JIT, pool connections, plans) */
  warm: RoomBills[];
  counter: RoomBills[];
  /** each with a pending sandbox payment order for its three bills */
  online: RoomBills[];
}
export interface Generated {
  companyId: string;
  cashier: { login: string; password: string; userId: string };
  /** measured through the app */
  app: ProjectSet;
  /** the same rows written by the bare baseline */
  bare: ProjectSet;
  rows: Record<string, number>;
}

export const PERIOD = { from: '2026-11-01', to: '2026-11-30', due: '2026-11-15' };

/**
 * One company, two projects (the app's and the baseline's) of `warm + counter + online` rooms each,
 * every room with three November bills of three fee items (no late fee, so a payment is exactly
 * three allocations) and their charge entries; the online rooms also get a pending sandbox order
 * for their three bills. A cashier of the app's project signs in with a real argon2 password.
 * Set-based; `VACUUM ANALYZE` at the end, as autovacuum leaves a live database.
 */
export async function generate(db: AppDb, o: { warm: number; counter: number; online: number }): Promise<Generated> {
  const company = await createCompanyWithRoles(db, { code: `PAYB${randomBytes(3).toString('hex')}`, name: '收费基准物业' });
  const companyId = company.id;
  const perProject = o.warm + o.counter + o.online;
  const [pa] = rowsOf(await db.execute(sql`insert into projects (id, company_id, code, name) values (uuid_v7(), ${companyId}, 'PA', '基准项目甲') returning id`));
  const [pb] = rowsOf(await db.execute(sql`insert into projects (id, company_id, code, name) values (uuid_v7(), ${companyId}, 'PB', '基准项目乙') returning id`));
  for (const p of [pa.id, pb.id] as string[]) {
    await db.execute(sql`insert into buildings (id, company_id, project_id, code, name) values (uuid_v7(), ${companyId}, ${p}, '1', '1号楼')`);
    await db.execute(sql`insert into rooms (id, company_id, project_id, building_id, floor, number, code, type, building_area, status)
      select uuid_v7(), ${companyId}, ${p}, b.id, 1 + (n - 1) / 20, n, '1-' || lpad(n::text, 5, '0'), 'residential', 8000 + (n * 37) % 6000, 'occupied'
      from buildings b, generate_series(1, ${perProject}) n where b.project_id = ${p}`);
  }
  const items: string[] = [];
  for (const [code, name] of [['WYF', '物业服务费'], ['GTF', '公摊费'], ['CWF', '车位管理费']] as const) {
    const [f] = rowsOf(await db.execute(sql`insert into fee_items (id, company_id, code, name, category, fee_category, tax_rate_bp, invoice_category, default_payer)
      values (uuid_v7(), ${companyId}, ${code}, ${name}, 'periodic', ${code === 'WYF' ? 'property_fee' : 'other'}, 600, '物业服务', 'owner') returning id`));
    items.push(f.id);
  }
  // the three bills of a room come due a day apart, so "oldest first" is one well-defined order
  await db.execute(sql`insert into bills (id, company_id, project_id, room_id, fee_item_id, kind, period_from, period_to, due_date, principal_fen)
    select uuid_v7(), ${companyId}, r.project_id, r.id, (${sql.param(items)}::uuid[])[k], 'periodic', ${PERIOD.from}::date, ${PERIOD.to}::date,
           ${PERIOD.due}::date + k, 5000 + ((r.number * 7919 + k * 104729) % 20000)
    from rooms r, generate_series(1, 3) k where r.company_id = ${companyId}`);
  await db.execute(sql`insert into ledger_entries (id, company_id, project_id, room_id, fee_item_id, bill_id, kind, account, component, amount_fen, entry_date)
    select uuid_v7(), company_id, project_id, room_id, fee_item_id, id, 'charge', 'receivable', 'principal', principal_fen, ${PERIOD.from}::date
    from bills where company_id = ${companyId}`);

  const cashier = { login: 'bench_cashier', password: `Bench#${randomBytes(9).toString('base64url')}`, userId: uuidv7() };
  const membershipId = uuidv7();
  await db.execute(sql`insert into users (id, username, phone, name, password_hash) values (${cashier.userId}, ${cashier.login}, '13800009999', '基准收费员', ${await hashPassword(cashier.password)})`);
  await db.execute(sql`insert into memberships (id, company_id, user_id, kind, display_name) values (${membershipId}, ${companyId}, ${cashier.userId}, 'staff', '基准收费员')`);
  await db.execute(sql`insert into membership_roles (company_id, membership_id, role_id) select ${companyId}, ${membershipId}, id from roles where company_id = ${companyId} and code = 'cashier'`);
  await db.execute(sql`insert into membership_projects (company_id, membership_id, project_id) values (${companyId}, ${membershipId}, ${pa.id})`);

  const set = async (projectId: string): Promise<ProjectSet> => {
    const rows = rowsOf(await db.execute(sql`
      select r.id as room_id, r.number, json_agg(json_build_object('id', b.id, 'feeItemId', b.fee_item_id, 'fen', b.principal_fen) order by b.due_date) as bills
      from rooms r join bills b on b.room_id = r.id where r.project_id = ${projectId} group by r.id, r.number order by r.number`));
    const all: RoomBills[] = rows.map((r) => {
      const bills = (r.bills as { id: string; feeItemId: string; fen: number | string }[]).map((b) => ({ ...b, fen: Number(b.fen) }));
      return { roomId: r.room_id, bills, totalFen: bills.reduce((s, b) => s + b.fen, 0) };
    });
    const online = all.slice(o.warm + o.counter).map((r, i) => ({ ...r, outTradeNo: `PB${projectId.slice(-6)}${String(i).padStart(8, '0')}` }));
    if (online.length > 0) {
      await db.execute(sql`insert into payment_orders (id, company_id, project_id, room_id, out_trade_no, provider, amount_fen, bill_ids, description, status, expires_at)
        select uuid_v7(), ${companyId}, ${projectId}, x.room_id, x.out_trade_no, 'sandbox', x.amount_fen, x.bill_ids, '物业费', 'pending', now() + interval '6 hours'
        from jsonb_to_recordset(${JSON.stringify(online.map((r) => ({ room_id: r.roomId, out_trade_no: r.outTradeNo, amount_fen: r.totalFen, bill_ids: r.bills.map((b) => b.id) })))}::jsonb)
          as x(room_id uuid, out_trade_no text, amount_fen bigint, bill_ids uuid[])`);
    }
    return { projectId, warm: all.slice(0, o.warm), counter: all.slice(o.warm, o.warm + o.counter), online };
  };
  const app = await set(pa.id);
  const bare = await set(pb.id);
  for (const t of ['rooms', 'bills', 'ledger_entries', 'payment_orders', 'fee_items', 'projects', 'users', 'memberships', 'membership_roles', 'membership_projects', 'roles']) {
    await db.execute(sql.raw(`vacuum analyze ${t}`));
  }
  const [c] = rowsOf(await db.execute(sql`select (select count(*)::int from rooms where company_id = ${companyId}) as rooms,
    (select count(*)::int from bills where company_id = ${companyId}) as bills, (select count(*)::int from payment_orders where company_id = ${companyId}) as orders`));
  return { companyId, cashier, app, bare, rows: c };
}
