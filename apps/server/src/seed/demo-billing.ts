import { sql, type SQL } from 'drizzle-orm';
import { addDays } from '@wuye/shared';
import type { Database, Executor } from '../db/client.ts';
import { businessNow } from '../lib/time.ts';
import { chargeStandards, chargeStandardVersions, feeItems } from '../modules/billing/billing.table.ts';
import { autoDeductProject } from '../modules/billing/prepaid-auto-deduct.service.ts';
import { workRun } from '../modules/billing/run-work.ts';
import { billRuns, projectBillingSettings } from '../modules/billing/runs.table.ts';

/**
 * The demo's billing setup: fee items, company-wide standards (prices in 1/10,000 元, amounts in 分)
 * and their assignment to every room and parking space from 2024-01-01, set-based.
 */
export async function seedDemoBilling(tx: Executor, companyId: string, project: { home: string; office: string }) {
  const items = await tx.insert(feeItems).values([
    { companyId, code: 'WYF', name: '物业服务费', category: 'periodic', feeCategory: 'property_fee', taxRateBp: 600, invoiceCategory: '物业服务', lateFeeDailyPpm: 500, lateFeeGraceDays: 30, lateFeeCapBp: 10000 },
    { companyId, code: 'SF', name: '水费', category: 'metered', feeCategory: 'water', taxRateBp: 900, invoiceCategory: '水费' },
    { companyId, code: 'DF', name: '电费', category: 'metered', feeCategory: 'electricity', taxRateBp: 1300, invoiceCategory: '电费' },
    { companyId, code: 'CWF', name: '车位管理费', category: 'periodic', feeCategory: 'parking', taxRateBp: 600, invoiceCategory: '物业服务' },
    { companyId, code: 'GGW', name: '广告位租金', category: 'one_off', feeCategory: 'other', taxRateBp: 900, invoiceCategory: '经营租赁', commonIncome: true },
    { companyId, code: 'ZXYJ', name: '装修押金', category: 'deposit', feeCategory: 'other', taxRateBp: 0, invoiceCategory: '押金' },
  ]).returning();
  const item = (code: string) => items.find((i) => i.code === code)!.id;
  const standards = await tx.insert(chargeStandards).values([
    { companyId, feeItemId: item('WYF'), code: 'WYF-ZZ', name: '住宅物业服务费', kind: 'area' },
    { companyId, feeItemId: item('WYF'), code: 'WYF-BG', name: '写字楼物业服务费', kind: 'area' },
    { companyId, feeItemId: item('SF'), code: 'SF-JT', name: '居民阶梯水价', kind: 'metered' },
    { companyId, feeItemId: item('CWF'), code: 'CWF-GD', name: '车位管理费', kind: 'fixed' },
  ]).returning();
  const std = (code: string) => standards.find((s) => s.code === code)!;
  await tx.insert(chargeStandardVersions).values([
    { companyId, standardId: std('WYF-ZZ').id, seq: 1, basis: 'building_area', unitPrice: 22000, validFrom: '2024-01-01', validTo: '2025-12-31' },
    { companyId, standardId: std('WYF-ZZ').id, seq: 2, basis: 'building_area', unitPrice: 25000, validFrom: '2026-01-01' },
    { companyId, standardId: std('WYF-BG').id, seq: 1, basis: 'building_area', unitPrice: 58000, validFrom: '2024-01-01' },
    { companyId, standardId: std('SF-JT').id, seq: 1, tiers: [{ upTo: 18000, unitPrice: 34500 }, { upTo: 25000, unitPrice: 48300 }, { upTo: null, unitPrice: 58300 }], validFrom: '2024-01-01' },
    { companyId, standardId: std('CWF-GD').id, seq: 1, basis: 'parking_space', amount: 8000, validFrom: '2024-01-01' },
  ]);
  const assign = (s: (typeof standards)[number], from: SQL) => tx.execute(sql`
    insert into charge_assignments (id, company_id, project_id, standard_id, fee_item_id, room_id, parking_space_id, valid_from)
    select uuid_v7(), ${companyId}, x.project_id, ${s.id}, ${s.feeItemId}, x.room_id, x.space_id, '2024-01-01'::date from (${from}) x`);
  await assign(std('WYF-ZZ'), sql`select project_id, id as room_id, null::uuid as space_id from rooms where company_id = ${companyId} and project_id = ${project.home}`);
  await assign(std('WYF-BG'), sql`select project_id, id as room_id, null::uuid as space_id from rooms where company_id = ${companyId} and project_id = ${project.office}`);
  await assign(std('SF-JT'), sql`select project_id, id as room_id, null::uuid as space_id from rooms where company_id = ${companyId} and project_id = ${project.home}`);
  await assign(std('CWF-GD'), sql`select project_id, null::uuid as room_id, id as space_id from parking_spaces where company_id = ${companyId}`);
}

/**
 * The demo's history: October and November 2026 billed for 阳光花园 through the real bill-run
 * worker (December is left for the wizard), and prepaid money for three rooms in four, which the
 * project's automatic deduction (switched on here) uses to pay the bills already due — so the
 * collection and ageing reports have something to show. Runs after the seed transaction: the
 * worker commits chunk by chunk.
 */
export async function seedDemoBillRuns(database: Database, companyId: string, projectId: string) {
  const db = database.db;
  const items = (await db.execute(sql`select id from fee_items where company_id = ${companyId} and category = 'periodic' order by code`)).rows as { id: string }[];
  const feeItemIds = items.map((i) => i.id);
  for (const [from, to] of [['2026-10-01', '2026-10-31'], ['2026-11-01', '2026-11-30']] as const) {
    const [run] = await db.insert(billRuns).values({
      companyId, projectId, periodKind: 'month', periodFrom: from, periodTo: to, dueDate: addDays(from, 14), feeItemIds,
    }).returning();
    await workRun(database, run!.id);
  }
  await db.insert(projectBillingSettings).values({ companyId, projectId, autoDeductPrepaid: true });
  // 3 rooms in 4 prepaid about two months of their property fee, rounded up to 100 元
  await db.transaction(async (tx) => {
    await tx.execute(sql`create temporary table demo_prepaid on commit drop as
      select b.room_id, (ceil(sum(b.principal_fen) / 10000.0) * 10000)::bigint as fen
      from bills b join rooms r on r.id = b.room_id
      where b.company_id = ${companyId} and b.project_id = ${projectId} and b.status = 'live' and r.number % 4 <> 0
      group by b.room_id`);
    await tx.execute(sql`insert into ledger_entries (id, company_id, project_id, room_id, kind, account, component, amount_fen, entry_date, note)
      select uuid_v7(), ${companyId}, ${projectId}, room_id, 'prepay_deposit', 'prepaid', 'principal', fen, '2026-10-08', '前台预存' from demo_prepaid`);
    await tx.execute(sql`insert into account_balances (id, company_id, project_id, room_id, account, balance_fen)
      select uuid_v7(), ${companyId}, ${projectId}, room_id, 'prepaid', fen from demo_prepaid`);
  });
  await autoDeductProject(db, null, { companyId, projectId, asOf: businessNow().format('YYYY-MM-DD') });
}
