import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { companies, projects } from '../org/org.table.ts';
import { bills } from './ledger.table.ts';
import { id, createdAt, version } from '../../db/columns.ts';

export const waiverStatuses = ['requested', 'approved', 'rejected', 'withdrawn'] as const;

/**
 * 减免申请: a request to waive part of one bill's principal and/or late fee, with a reason; an
 * approver (someone else holding billing.waiver.approve) posts it as `waiver` ledger entries.
 * The bill itself is never edited.
 */
export const waivers = pgTable('waivers', {
  id: id(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  billId: uuid('bill_id').notNull().references(() => bills.id),
  principalFen: bigint('principal_fen', { mode: 'number' }).notNull(),
  lateFeeFen: bigint('late_fee_fen', { mode: 'number' }).notNull(),
  reason: text('reason').notNull(),
  status: text('status', { enum: waiverStatuses }).notNull().default('requested'),
  requestedBy: uuid('requested_by').notNull(),
  decidedBy: uuid('decided_by'),
  decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
  decisionNote: text('decision_note'),
  version: version(),
  createdAt: createdAt(),
}, (t) => [
  index('waivers_project_idx').on(t.companyId, t.projectId, t.status, t.createdAt),
  index('waivers_bill_idx').on(t.companyId, t.billId),
  check('waivers_amounts', sql`${t.principalFen} >= 0 and ${t.lateFeeFen} >= 0 and ${t.principalFen} + ${t.lateFeeFen} > 0`),
]);
