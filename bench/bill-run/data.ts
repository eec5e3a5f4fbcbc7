import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { AppDb } from '../../apps/server/src/db/client.ts';
import { hashPassword } from '../../apps/server/src/lib/passwords.ts';
import { createCompanyWithRoles } from '../../apps/server/src/modules/org/company.service.ts';
import { projects } from '../../apps/server/src/modules/org/org.table.ts';

const rowsOf = (r: any) => r.rows as any[];

/**
 * The four periodic fee items every room carries, as a real residential project bills them:
 * property fee by building area (a price change on the 16th of the billed month, so every
 * property-fee bill has two lines), 公摊 electricity by inside area, a fixed garbage fee per
 * household, and a fixed secondary-water-supply fee. `price` in 1/10,000 元 per m², `amount` in 分.
 */
export const feeItemsSpec = [
  { code: 'WYF', kind: 'area', basis: 'building_area', price: 23456, newPrice: 25000 },
  { code: 'GTD', kind: 'area', basis: 'inside_area', price: 1250, newPrice: null },
  { code: 'LJF', kind: 'fixed', basis: 'household', amount: 1500 },
  { code: 'ECGS', kind: 'fixed', basis: 'room', amount: 800 },
] as const;

export interface Generated { companyId: string; runProject: string; bareProject: string; login: string; password: string }

/**
 * A company with two projects of `rooms` rooms each — one billed by the app's run, one by the bare
 * baseline — the fee items, standards (with their versions) and every room assigned all four.
 */
export async function generate(db: AppDb, rooms: number, month: string): Promise<Generated> {
  const company = await createCompanyWithRoles(db, { code: 'BENCH', name: '压测物业' });
  const [p1, p2] = await db.insert(projects).values([
    { companyId: company.id, code: 'RUN', name: '账单花园' }, { companyId: company.id, code: 'BARE', name: '基线花园' },
  ]).returning();
  const [role] = rowsOf(await db.execute(sql`select id from roles where company_id = ${company.id} and code = 'hq_admin'`));
  const password = `Bench#${randomBytes(9).toString('base64url')}`;
  const userId = uuidv7(), membershipId = uuidv7();
  await db.execute(sql`insert into users (id, username, phone, name, password_hash) values (${userId}, 'bench_hq', '13800000001', '总部收费', ${await hashPassword(password)})`);
  await db.execute(sql`insert into memberships (id, company_id, user_id, kind, display_name) values (${membershipId}, ${company.id}, ${userId}, 'staff', '总部收费')`);
  await db.execute(sql`insert into membership_roles (company_id, membership_id, role_id) values (${company.id}, ${membershipId}, ${role.id})`);

  const perBuilding = 1000;
  for (const p of [p1!, p2!]) {
    await db.execute(sql`insert into buildings (id, company_id, project_id, code, name)
      select uuid_v7(), ${company.id}, ${p.id}, 'B' || b, 'B' || b || '号楼' from generate_series(1, ${Math.ceil(rooms / perBuilding)}) b`);
    await db.execute(sql`insert into rooms (id, company_id, project_id, building_id, floor, number, code, type, building_area, inside_area, status, delivery_date)
      select uuid_v7(), ${company.id}, ${p.id}, b.id, 1 + (n - 1) / 10, 1 + (n - 1) % 10, b.code || '-' || lpad(n::text, 4, '0'), 'residential',
             6000 + (n * 37) % 9000, 5000 + (n * 29) % 7000, 'occupied', '2020-06-30'
      from buildings b, generate_series(1, ${perBuilding}) n
      where b.project_id = ${p.id} and (substring(b.code from 2)::int - 1) * ${perBuilding} + n <= ${rooms}`);
    await db.execute(sql`insert into room_status_history (id, company_id, room_id, status, valid_from)
      select uuid_v7(), company_id, id, 'occupied', '2020-06-30' from rooms where project_id = ${p.id}`);
  }
  const midMonth = `${month.slice(0, 8)}16`;
  for (const f of feeItemsSpec) {
    const [item] = rowsOf(await db.execute(sql`insert into fee_items (id, company_id, code, name, category, fee_category, tax_rate_bp, invoice_category, default_payer)
      values (uuid_v7(), ${company.id}, ${f.code}, ${f.code}, 'periodic', ${f.code === 'WYF' ? 'property_fee' : 'other'}, 600, '物业服务', 'owner') returning id`));
    const [std] = rowsOf(await db.execute(sql`insert into charge_standards (id, company_id, project_id, fee_item_id, code, name, kind)
      values (uuid_v7(), ${company.id}, null, ${item.id}, ${f.code}, ${f.code + ' 标准'}, ${f.kind}) returning id`));
    const newPrice = 'newPrice' in f ? f.newPrice : null;
    await db.execute(sql`insert into charge_standard_versions (id, company_id, standard_id, seq, basis, unit_price, amount, valid_from, valid_to)
      values (uuid_v7(), ${company.id}, ${std.id}, 1, ${f.basis}, ${'price' in f ? f.price : null}, ${'amount' in f ? f.amount : null}, '2020-01-01',
              ${newPrice ? sql`(${midMonth}::date - 1)` : sql`null`})`);
    if (newPrice) {
      await db.execute(sql`insert into charge_standard_versions (id, company_id, standard_id, seq, basis, unit_price, valid_from)
        values (uuid_v7(), ${company.id}, ${std.id}, 2, ${f.basis}, ${newPrice}, ${midMonth}::date)`);
    }
    await db.execute(sql`insert into charge_assignments (id, company_id, project_id, standard_id, fee_item_id, room_id, valid_from)
      select uuid_v7(), ${company.id}, r.project_id, ${std.id}, ${item.id}, r.id, '2020-07-01' from rooms r where r.company_id = ${company.id}`);
  }
  // a live database has statistics (autovacuum); a freshly generated one must be analysed to plan like one
  await db.execute(sql`analyze`);
  return { companyId: company.id, runProject: p1!.id, bareProject: p2!.id, login: 'bench_hq', password };
}

/**
 * The floor: the same rows the run writes — bills, one line per segment, one charge entry per
 * bill — for the bare project, by three plain INSERT … SELECT statements in one transaction,
 * computing each line as monthly amount × days / days in month with the same rounding, but with
 * no segmentation by payer, no delivery dates, no vacancy check, no chunks and no job.
 */
export async function bareInsert(db: AppDb, g: Generated, from: string, to: string) {
  const L = 377_580;
  await db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('jit', 'off', true)`);
    await tx.execute(sql`create temporary table bare_lines on commit drop as
      select r.id as room_id, ca.fee_item_id, st.name, st.kind, v.unit_price, v.amount, v.basis,
             greatest(v.valid_from, ${from}::date) as sf, least(coalesce(v.valid_to, ${to}::date), ${to}::date) as se,
             case when v.basis = 'inside_area' then r.inside_area when st.kind = 'area' then r.building_area end as area
      from rooms r join charge_assignments ca on ca.company_id = r.company_id and ca.room_id = r.id
      join charge_standards st on st.id = ca.standard_id
      join charge_standard_versions v on v.company_id = r.company_id and v.standard_id = st.id and v.valid_from <= ${to}::date and (v.valid_to is null or v.valid_to >= ${from}::date)
      where r.company_id = ${g.companyId} and r.project_id = ${g.bareProject}`);
    await tx.execute(sql`alter table bare_lines add column amount_fen bigint`);
    await tx.execute(sql`analyze bare_lines`);
    await tx.execute(sql`update bare_lines set amount_fen = case when kind = 'fixed'
        then div(2 * amount::numeric * (se - sf + 1) * (${L} / extract(day from (date_trunc('month', sf) + interval '1 month - 1 day'))::int) + ${L}, 2 * ${L}::numeric)
        else div(2 * area::numeric * unit_price * (se - sf + 1) * (${L} / extract(day from (date_trunc('month', sf) + interval '1 month - 1 day'))::int) + 10000::numeric * ${L}, 2 * 10000::numeric * ${L}) end`);
    await tx.execute(sql`insert into bills (id, company_id, project_id, room_id, fee_item_id, kind, period_from, period_to, due_date, principal_fen)
      select uuid_v7(), ${g.companyId}, ${g.bareProject}, room_id, fee_item_id, 'periodic', ${from}::date, ${to}::date, ${from}::date + 14, sum(amount_fen)
      from bare_lines group by room_id, fee_item_id`);
    await tx.execute(sql`analyze bills`);
    await tx.execute(sql`insert into bill_lines (id, company_id, bill_id, seq, period_from, period_to, description, quantity, unit_price, amount_fen, payer)
      select uuid_v7(), ${g.companyId}, b.id, row_number() over (partition by b.id order by l.sf)::int, l.sf, l.se, l.name, coalesce((l.area / 100.0)::text, '1'), l.unit_price, l.amount_fen, 'owner'
      from bare_lines l join bills b on b.company_id = ${g.companyId} and b.room_id = l.room_id and b.fee_item_id = l.fee_item_id and b.project_id = ${g.bareProject}`);
    await tx.execute(sql`insert into ledger_entries (id, company_id, project_id, room_id, fee_item_id, bill_id, kind, account, component, amount_fen, entry_date)
      select uuid_v7(), ${g.companyId}, ${g.bareProject}, b.room_id, b.fee_item_id, b.id, 'charge', 'receivable', 'principal', b.principal_fen, ${from}::date
      from bills b where b.company_id = ${g.companyId} and b.project_id = ${g.bareProject}`);
  });
}

/** What was written for a project: the run's and the baseline's must agree. */
export async function written(db: AppDb, companyId: string, projectId: string) {
  const [r] = rowsOf(await db.execute(sql`select
      (select count(*)::int from bills where company_id = ${companyId} and project_id = ${projectId}) as bills,
      (select count(*)::int from bill_lines l join bills b on b.id = l.bill_id where b.company_id = ${companyId} and b.project_id = ${projectId}) as lines,
      (select count(*)::int from ledger_entries where company_id = ${companyId} and project_id = ${projectId}) as entries,
      (select coalesce(sum(principal_fen), 0)::bigint from bills where company_id = ${companyId} and project_id = ${projectId}) as "totalFen"`));
  return { bills: r.bills, lines: r.lines, entries: r.entries, totalFen: Number(r.totalFen) };
}
