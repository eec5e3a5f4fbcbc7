import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { companies, projects } from '../org/org.table.ts';
import { id, createdAt, version } from '../../db/columns.ts';

/** mirror the contracts' value lists in @wuye/shared */
export const periodKinds = ['month', 'quarter', 'half_year', 'year'] as const;
export const runStatuses = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;

/**
 * 账单批次: one project's periodic bills for one period (inclusive dates) and a set of fee items.
 * The `bill-run` job works it in chunks of targets (rooms, then parking spaces, in id order); each
 * chunk's bills, lines, charge entries, vacancy discounts and the advance of `cursor` commit
 * together, so a resumed run starts exactly where the last committed chunk ended.
 */
export const billRuns = pgTable('bill_runs', {
  id: id(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  periodKind: text('period_kind', { enum: periodKinds }).notNull(),
  periodFrom: date('period_from', { mode: 'string' }).notNull(),
  periodTo: date('period_to', { mode: 'string' }).notNull(),
  dueDate: date('due_date', { mode: 'string' }).notNull(),
  feeItemIds: uuid('fee_item_ids').array().notNull(),
  status: text('status', { enum: runStatuses }).notNull().default('queued'),
  /** once done: what the run wrote per fee item, in the preview's shape */
  preview: jsonb('preview'),
  /** 'room' or 'space', and the last id done in it */
  cursorPhase: text('cursor_phase', { enum: ['room', 'space', 'finished'] }).notNull().default('room'),
  cursorId: uuid('cursor_id'),
  targetsTotal: integer('targets_total').notNull().default(0),
  targetsDone: integer('targets_done').notNull().default(0),
  billsCreated: integer('bills_created').notNull().default(0),
  /** bills the no-overlap constraint refused: the target already had a live bill for these days */
  billsSkipped: integer('bills_skipped').notNull().default(0),
  totalFen: bigint('total_fen', { mode: 'number' }).notNull().default(0),
  discountFen: bigint('discount_fen', { mode: 'number' }).notNull().default(0),
  message: text('message'),
  cancelReason: text('cancel_reason'),
  billsVoided: integer('bills_voided').notNull().default(0),
  createdBy: uuid('created_by'),
  createdAt: createdAt(),
  startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }),
  finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
  /** the last chunk's commit: a queued or running run whose heartbeat is stale was left by a dead worker and is resumed */
  heartbeatAt: timestamp('heartbeat_at', { withTimezone: true, mode: 'date' }),
  version: version(),
}, (t) => [
  index('bill_runs_project_idx').on(t.companyId, t.projectId, t.periodFrom),
  check('bill_runs_period', sql`${t.periodTo} >= ${t.periodFrom}`),
]);

/** Per project: when bills fall due, how payments settle, whether prepaid pays due bills by itself. */
export const projectBillingSettings = pgTable('project_billing_settings', {
  companyId: uuid('company_id').notNull().references(() => companies.id),
  projectId: uuid('project_id').primaryKey().references(() => projects.id),
  /** due date = period start + this many days */
  dueOffsetDays: integer('due_offset_days').notNull().default(14),
  settleOrder: text('settle_order', { enum: ['principal_first', 'late_fee_first'] }).notNull().default('principal_first'),
  /** deduct due bills from the room's prepaid balance automatically (daily job and after each run) */
  autoDeductPrepaid: boolean('auto_deduct_prepaid').notNull().default(false),
  /** late fees at all in this project (the fee item's rate, grace and cap otherwise) */
  lateFeesEnabled: boolean('late_fees_enabled').notNull().default(true),
  version: version(),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
}, (t) => [
  check('project_billing_settings_due', sql`${t.dueOffsetDays} between 0 and 366`),
]);
