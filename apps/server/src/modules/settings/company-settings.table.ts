import { jsonb, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { companies } from '../org/org.table.ts';

/**
 * A company's own settings, one row per key ('billing' → { projectStandards }). A missing row means
 * the defaults; `version` guards two admins saving at once.
 */
export const companySettings = pgTable('company_settings', {
  companyId: uuid('company_id').notNull().references(() => companies.id),
  key: text('key').notNull(),
  value: jsonb('value').notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.companyId, t.key] })]);
