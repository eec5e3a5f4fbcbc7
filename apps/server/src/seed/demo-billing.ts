import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { chargeStandards, chargeStandardVersions, feeItems } from '../modules/billing/billing.table.ts';

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
