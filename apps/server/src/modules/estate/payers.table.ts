import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';
import { rooms } from './estate.table.ts';

/** mirrors `payerCategoryValues` / `payerValues` in @wuye/shared (tables do not import the contracts) */
export const payerCategories = ['property_fee', 'water', 'electricity', 'gas', 'parking', 'heating', 'other', '*'] as const;
export const payerKinds = ['owner', 'tenant'] as const;

/**
 * 付费人: per room and fee category ('*' = the room's default), whether the owner(s) or the tenant
 * pay, effective-dated like room status: one open rule per room and category, a change closes it
 * the day before. Billing asks `payerOn` who pays on a day.
 */
export const roomPayers = pgTable('room_payers', {
  id: uuid('id').primaryKey().$defaultFn(() => uuidv7()),
  companyId: uuid('company_id').notNull(),
  projectId: uuid('project_id').notNull(),
  roomId: uuid('room_id').notNull().references(() => rooms.id),
  feeCategory: text('fee_category', { enum: payerCategories }).notNull(),
  payer: text('payer', { enum: payerKinds }).notNull(),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  /** inclusive last day; null = still in force */
  validTo: date('valid_to', { mode: 'string' }),
  createdBy: uuid('created_by'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
}, (t) => [
  index('room_payers_room_idx').on(t.companyId, t.roomId, t.feeCategory, t.validFrom),
  uniqueIndex('room_payers_open_uq').on(t.companyId, t.roomId, t.feeCategory).where(sql`valid_to is null`),
  check('room_payers_range', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
]);
