import { sql } from 'drizzle-orm';
import { bigint, check, date, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { companies, projects } from '../org/org.table.ts';
import { parkingSpaces, rooms } from '../estate/estate.table.ts';
import { feeItems } from './billing.table.ts';
import { id } from '../../db/columns.ts';

/** the accounts that hold a room's money rather than owe it */
export const heldAccounts = ['prepaid', 'deposit'] as const;

/**
 * A room's (or parking space's) prepaid (预存) or deposit (押金) balance, optionally earmarked for a
 * fee item (fee_item_id null = general). Kept in the same transaction as the ledger entry that moves
 * it; the CHECK makes "never below zero" the database's rule, whatever the caller does. Σ of the
 * account's ledger entries equals it (the property tests assert so).
 */
export const accountBalances = pgTable('account_balances', {
  id: id(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  roomId: uuid('room_id').references(() => rooms.id),
  parkingSpaceId: uuid('parking_space_id').references(() => parkingSpaces.id),
  account: text('account', { enum: heldAccounts }).notNull(),
  feeItemId: uuid('fee_item_id').references(() => feeItems.id),
  balanceFen: bigint('balance_fen', { mode: 'number' }).notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
}, (t) => [
  unique('account_balances_target_uq').on(t.companyId, t.roomId, t.parkingSpaceId, t.account, t.feeItemId).nullsNotDistinct(),
  check('account_balances_non_negative', sql`${t.balanceFen} >= 0`),
  check('account_balances_one_target', sql`(${t.roomId} is null) <> (${t.parkingSpaceId} is null)`),
]);

/**
 * 关账: a closed month (first day) of a project. A trigger (migration 0018) refuses any ledger entry
 * dated in a closed month; corrections post into the open month with `reverses` set.
 */
export const ledgerPeriods = pgTable('ledger_periods', {
  id: id(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  month: date('month', { mode: 'string' }).notNull(),
  closedBy: uuid('closed_by'),
  closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
}, (t) => [
  unique('ledger_periods_month_uq').on(t.companyId, t.projectId, t.month),
  check('ledger_periods_first_day', sql`extract(day from ${t.month}) = 1`),
]);
