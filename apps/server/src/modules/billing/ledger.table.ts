import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { companies, projects } from '../org/org.table.ts';
import { parkingSpaces, rooms } from '../estate/estate.table.ts';
import { feeItems } from './billing.table.ts';
import { id, createdAt } from '../../db/columns.ts';


/** mirror the contracts' value lists in @wuye/shared (tables do not import the contracts) */
/** periodic: a bill run's; one_off: 临时收费; opening: 期初欠费 imported from a legacy system */
export const billKinds = ['periodic', 'one_off', 'opening'] as const;
export const ledgerKinds = ['charge', 'late_fee', 'waiver', 'payment', 'prepay_deposit', 'prepay_deduction', 'refund', 'reversal', 'opening_balance'] as const;
export const ledgerAccounts = ['receivable', 'prepaid', 'deposit', 'common_income'] as const;
/** what part of a bill a receivable entry moves: its principal or its late fee */
export const ledgerComponents = ['principal', 'late_fee'] as const;
export const payerKindsOfLine = ['owner', 'tenant'] as const;

/**
 * A bill of one room or parking space for one fee item and period (inclusive dates). Two live
 * periodic bills of the same target and fee item never overlap: the exclusion constraint
 * `bills_no_overlap` (hand-written in migration 0017, drizzle cannot express it) refuses them, so a
 * bill run can `INSERT … ON CONFLICT DO NOTHING` and never double a charge.
 */
export const bills = pgTable('bills', {
  id: id(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  roomId: uuid('room_id').references(() => rooms.id),
  parkingSpaceId: uuid('parking_space_id').references(() => parkingSpaces.id),
  feeItemId: uuid('fee_item_id').notNull().references(() => feeItems.id),
  /** the bill run that made it; one-off charges have none */
  runId: uuid('run_id'),
  kind: text('kind', { enum: billKinds }).notNull(),
  periodFrom: date('period_from', { mode: 'string' }).notNull(),
  periodTo: date('period_to', { mode: 'string' }).notNull(),
  dueDate: date('due_date', { mode: 'string' }).notNull(),
  /** Σ of its lines, never re-rounded */
  principalFen: bigint('principal_fen', { mode: 'number' }).notNull(),
  status: text('status', { enum: ['live', 'void'] }).notNull().default('live'),
  voidReason: text('void_reason'),
  createdBy: uuid('created_by'),
  createdAt: createdAt(),
  version: integer('version').notNull().default(1),
}, (t) => [
  index('bills_room_idx').on(t.companyId, t.roomId, t.periodFrom),
  index('bills_space_idx').on(t.companyId, t.parkingSpaceId, t.periodFrom),
  index('bills_project_idx').on(t.companyId, t.projectId, t.periodFrom),
  index('bills_run_idx').on(t.companyId, t.runId),
  check('bills_one_target', sql`(${t.roomId} is null) <> (${t.parkingSpaceId} is null)`),
  check('bills_period', sql`${t.periodTo} >= ${t.periodFrom}`),
  check('bills_void_reason', sql`${t.status} = 'live' or ${t.voidReason} is not null`),
]);

/** One segment of a bill's period, with the core's per-month explanation; each amount rounded once. */
export const billLines = pgTable('bill_lines', {
  id: id(),
  companyId: uuid('company_id').notNull(),
  billId: uuid('bill_id').notNull().references(() => bills.id),
  seq: integer('seq').notNull(),
  periodFrom: date('period_from', { mode: 'string' }).notNull(),
  periodTo: date('period_to', { mode: 'string' }).notNull(),
  description: text('description').notNull(),
  /** as shown: an area, a usage, "1" */
  quantity: text('quantity'),
  /** 1/10,000 元; null for a fixed amount */
  unitPrice: bigint('unit_price', { mode: 'number' }),
  amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  /** who pays this segment (a room's owner or its tenant); null for parking spaces and one-off lines */
  payer: text('payer', { enum: payerKindsOfLine }),
  explanation: jsonb('explanation'),
}, (t) => [
  uniqueIndex('bill_lines_seq_uq').on(t.companyId, t.billId, t.seq),
]);

/**
 * The append-only ledger: a trigger (migration 0017) refuses UPDATE and DELETE, so corrections are
 * new entries (`reversal` with `reverses` set, mirroring the amount). Signed amounts per account.
 */
export const ledgerEntries = pgTable('ledger_entries', {
  id: id(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  roomId: uuid('room_id').references(() => rooms.id),
  parkingSpaceId: uuid('parking_space_id').references(() => parkingSpaces.id),
  feeItemId: uuid('fee_item_id').references(() => feeItems.id),
  billId: uuid('bill_id').references(() => bills.id),
  kind: text('kind', { enum: ledgerKinds }).notNull(),
  account: text('account', { enum: ledgerAccounts }).notNull(),
  amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  component: text('component', { enum: ledgerComponents }).notNull().default('principal'),
  reverses: uuid('reverses'),
  /** business date (Asia/Shanghai) */
  entryDate: date('entry_date', { mode: 'string' }).notNull(),
  migrated: boolean('migrated').notNull().default(false),
  /** the payment (收款) or refund (退款) that posted it; null for billing's own entries */
  paymentId: uuid('payment_id'),
  refundId: uuid('refund_id'),
  note: text('note'),
  createdBy: uuid('created_by'),
  createdAt: createdAt(),
}, (t) => [
  index('ledger_entries_room_idx').on(t.companyId, t.roomId, t.entryDate),
  index('ledger_entries_space_idx').on(t.companyId, t.parkingSpaceId, t.entryDate),
  index('ledger_entries_bill_idx').on(t.companyId, t.billId),
  index('ledger_entries_project_idx').on(t.companyId, t.projectId, t.entryDate),
  index('ledger_entries_payment_idx').on(t.companyId, t.paymentId).where(sql`payment_id is not null`),
  check('ledger_entries_one_target', sql`(${t.roomId} is null) <> (${t.parkingSpaceId} is null)`),
  check('ledger_entries_reversal', sql`(${t.kind} = 'reversal') = (${t.reverses} is not null)`),
  check('ledger_entries_component', sql`${t.component} in ('principal', 'late_fee')`),
]);
