import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Idempotency-Key records, written in the same transaction as the effect they guard: a retry of a
 * committed request finds the stored response; a retry while the first is still running waits on
 * the unique index (PostgreSQL blocks the second insert until the first transaction ends).
 */
export const idempotencyKeys = pgTable('idempotency_keys', {
  /** company or, for platform-level callers, the nil uuid */
  companyId: uuid('company_id').notNull(),
  /** whose key it is: the user or the API key */
  principal: text('principal').notNull(),
  key: text('key').notNull(),
  /** method + route pattern */
  route: text('route').notNull(),
  requestHash: text('request_hash').notNull(),
  responseStatus: integer('response_status').notNull(),
  responseBody: jsonb('response_body').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('idempotency_keys_uq').on(t.companyId, t.principal, t.key),
  index('idempotency_keys_created_idx').on(t.createdAt),
]);
