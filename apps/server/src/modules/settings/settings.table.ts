import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Platform settings generated once and shared by every instance (e.g. the Web Push VAPID key pair). */
export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
