import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { companies, projects } from '../org/org.table.ts';
import { parkingSpaces, rooms } from '../estate/estate.table.ts';
import { id, createdAt, version } from '../../db/columns.ts';


/** mirror the contracts' value lists in @wuye/shared (tables do not import the contracts) */
export const feeItemKinds = ['periodic', 'metered', 'one_off', 'deposit'] as const;
export const feeItemCategories = ['property_fee', 'water', 'electricity', 'gas', 'parking', 'heating', 'other'] as const;
export const standardKinds = ['area', 'fixed', 'metered', 'shared'] as const;

/** 收费项目, set by HQ for the whole company. Late fee: null rate = none on this item. */
export const feeItems = pgTable('fee_items', {
  id: id(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  code: text('code').notNull(),
  name: text('name').notNull(),
  category: text('category', { enum: feeItemKinds }).notNull(),
  /** the room_payers category deciding who pays it */
  feeCategory: text('fee_category', { enum: feeItemCategories }).notNull(),
  taxRateBp: integer('tax_rate_bp').notNull(),
  invoiceCategory: text('invoice_category').notNull(),
  defaultPayer: text('default_payer', { enum: ['owner', 'tenant'] }).notNull().default('owner'),
  /** 公共收益 (advertising, rent of common areas): its own account in reports */
  commonIncome: boolean('common_income').notNull().default(false),
  lateFeeDailyPpm: integer('late_fee_daily_ppm'),
  lateFeeGraceDays: integer('late_fee_grace_days'),
  lateFeeCapBp: integer('late_fee_cap_bp'),
  /** 空置优惠: basis points off a room's periodic bill when it was vacant the whole period (5000 = 50 %); null = none */
  vacancyDiscountBp: integer('vacancy_discount_bp'),
  status: text('status', { enum: ['active', 'archived'] }).notNull().default('active'),
  version: version(),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('fee_items_company_code_uq').on(t.companyId, t.code),
  check('fee_items_tax_rate', sql`${t.taxRateBp} between 0 and 10000`),
  check('fee_items_late_fee', sql`(${t.lateFeeDailyPpm} is null) = (${t.lateFeeGraceDays} is null)`),
  check('fee_items_vacancy_discount', sql`${t.vacancyDiscountBp} is null or ${t.vacancyDiscountBp} between 1 and 10000`),
]);

/**
 * 收费标准: a code and a kind; its prices live in dated versions. project_id null = company-wide.
 * Codes are unique per company among company-wide standards and per project among a project's.
 */
export const chargeStandards = pgTable('charge_standards', {
  id: id(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  projectId: uuid('project_id').references(() => projects.id),
  feeItemId: uuid('fee_item_id').notNull().references(() => feeItems.id),
  code: text('code').notNull(),
  name: text('name').notNull(),
  kind: text('kind', { enum: standardKinds }).notNull(),
  status: text('status', { enum: ['active', 'archived'] }).notNull().default('active'),
  version: version(),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('charge_standards_company_code_uq').on(t.companyId, t.code).where(sql`project_id is null`),
  uniqueIndex('charge_standards_project_code_uq').on(t.companyId, t.projectId, t.code).where(sql`project_id is not null`),
  index('charge_standards_fee_item_idx').on(t.companyId, t.feeItemId),
]);

/**
 * One priced period of a standard. Never updated in place except `valid_to` when the next version
 * closes it: pricing that may have been billed is not rewritten, an edit is a new version.
 * The typed rule is spread over columns a set-based bill run can read directly: `basis` (area:
 * building_area | inside_area; fixed: room | household | parking_space; shared: area | household),
 * `unit_price` (area, 1/10,000 元 per m² per month), `amount` (fixed, 分 per month), `tiers`
 * (metered: `[{ upTo, unitPrice }]`, validated by ZRuleStored in @wuye/shared).
 */
export const chargeStandardVersions = pgTable('charge_standard_versions', {
  id: id(),
  companyId: uuid('company_id').notNull(),
  standardId: uuid('standard_id').notNull().references(() => chargeStandards.id),
  seq: integer('seq').notNull(),
  basis: text('basis'),
  unitPrice: bigint('unit_price', { mode: 'number' }),
  amount: bigint('amount', { mode: 'number' }),
  tiers: jsonb('tiers'),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  /** inclusive last day; null = open */
  validTo: date('valid_to', { mode: 'string' }),
  createdBy: uuid('created_by'),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('charge_standard_versions_seq_uq').on(t.companyId, t.standardId, t.seq),
  uniqueIndex('charge_standard_versions_from_uq').on(t.companyId, t.standardId, t.validFrom),
  check('charge_standard_versions_range', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  check('charge_standard_versions_positive', sql`(${t.unitPrice} is null or ${t.unitPrice} > 0) and (${t.amount} is null or ${t.amount} > 0)`),
]);

/** 收费标准分配: one row per room or parking space, standard and period. fee_item_id is copied to find clashes. */
export const chargeAssignments = pgTable('charge_assignments', {
  id: id(),
  companyId: uuid('company_id').notNull(),
  projectId: uuid('project_id').notNull(),
  standardId: uuid('standard_id').notNull().references(() => chargeStandards.id),
  feeItemId: uuid('fee_item_id').notNull().references(() => feeItems.id),
  roomId: uuid('room_id').references(() => rooms.id),
  parkingSpaceId: uuid('parking_space_id').references(() => parkingSpaces.id),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  validTo: date('valid_to', { mode: 'string' }),
  createdBy: uuid('created_by'),
  version: version(),
  createdAt: createdAt(),
}, (t) => [
  index('charge_assignments_room_idx').on(t.companyId, t.roomId, t.feeItemId, t.validFrom),
  index('charge_assignments_space_idx').on(t.companyId, t.parkingSpaceId, t.feeItemId, t.validFrom),
  index('charge_assignments_standard_idx').on(t.companyId, t.standardId),
  index('charge_assignments_project_idx').on(t.companyId, t.projectId, t.validFrom),
  check('charge_assignments_one_target', sql`(${t.roomId} is null) <> (${t.parkingSpaceId} is null)`),
  check('charge_assignments_range', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
]);
