import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { rooms } from './estate.table.ts';

/**
 * A resident account asking to be bound to a room. Approved at once when the name and phone match
 * a person already recorded on that room; otherwise the project's staff approve or reject it.
 */
export const roomBindings = pgTable('room_bindings', {
  id: uuid('id').primaryKey().$defaultFn(() => uuidv7()),
  companyId: uuid('company_id').notNull(),
  projectId: uuid('project_id').notNull(),
  roomId: uuid('room_id').notNull().references(() => rooms.id),
  userId: uuid('user_id').notNull(),
  name: text('name').notNull(),
  relation: text('relation', { enum: ['owner', 'co_owner', 'tenant', 'family'] }).notNull(),
  status: text('status', { enum: ['pending', 'approved', 'rejected'] }).notNull().default('pending'),
  /** how it was approved: `match` (name + phone on record) or `staff` */
  decidedBy: text('decided_by'),
  reviewerId: uuid('reviewer_id'),
  note: text('note'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
}, (t) => [
  index('room_bindings_project_status_idx').on(t.companyId, t.projectId, t.status, t.createdAt),
  uniqueIndex('room_bindings_pending_uq').on(t.companyId, t.userId, t.roomId).where(sql`status = 'pending'`),
]);
