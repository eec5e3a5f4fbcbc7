import { index, jsonb, pgTable, text, timestamp, uuid, inet } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';

/** Every change: who, when, what, before and after — written in the change's own transaction. */
export const auditLog = pgTable('audit_log', {
  id: uuid('id').primaryKey().$defaultFn(() => uuidv7()),
  companyId: uuid('company_id'),
  projectId: uuid('project_id'),
  actorId: uuid('actor_id'),
  actorKind: text('actor_kind').notNull(),
  action: text('action').notNull(),
  entityType: text('entity_type').notNull(),
  entityId: text('entity_id'),
  before: jsonb('before'),
  after: jsonb('after'),
  ip: inet('ip'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
}, (t) => [
  index('audit_company_time_idx').on(t.companyId, t.createdAt),
  index('audit_entity_idx').on(t.companyId, t.entityType, t.entityId),
]);
