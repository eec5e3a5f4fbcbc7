import { index, pgTable, text, timestamp, uuid, uniqueIndex } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';
import { companies } from '../org/org.table.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Integration keys: `wy_<prefix>_<secret>`; only a keyed hash of the secret is stored. */
export const apiKeys = pgTable('api_keys', {
  id: uuid('id').primaryKey().$defaultFn(() => uuidv7()),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  name: text('name').notNull(),
  prefix: text('prefix').notNull(),
  secretHash: text('secret_hash').notNull(),
  permissions: text('permissions').array().notNull(),
  /** null = every project of the company */
  projectIds: uuid('project_ids').array(),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  lastUsedAt: ts('last_used_at'),
  revokedAt: ts('revoked_at'),
}, (t) => [uniqueIndex('api_keys_prefix_uq').on(t.prefix), index('api_keys_company_idx').on(t.companyId)]);
