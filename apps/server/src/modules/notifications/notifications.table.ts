import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { users } from '../auth/auth.table.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A company's own wording of an event on a channel; built-in defaults live in code. */
export const notificationTemplates = pgTable('notification_templates', {
  id: uuid('id').primaryKey().$defaultFn(() => uuidv7()),
  companyId: uuid('company_id').notNull(),
  event: text('event').notNull(),
  channel: text('channel').notNull(),
  locale: text('locale').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: ts('updated_at').notNull().defaultNow(),
}, (t) => [uniqueIndex('notification_templates_uq').on(t.companyId, t.event, t.channel, t.locale)]);

/**
 * One message to one person; its id is the stable message id every channel carries. The row is
 * also the in-app inbox entry, written in the business transaction that caused it.
 */
export const notifications = pgTable('notifications', {
  id: uuid('id').primaryKey().$defaultFn(() => uuidv7()),
  companyId: uuid('company_id'),
  projectId: uuid('project_id'),
  userId: uuid('user_id').notNull().references(() => users.id),
  event: text('event').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  data: jsonb('data').notNull().default(sql`'{}'::jsonb`),
  /** whether it shows in the inbox (an SMS-only event such as a login code does not) */
  inbox: boolean('inbox').notNull().default(true),
  readAt: ts('read_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [
  index('notifications_user_idx').on(t.userId, t.createdAt),
  index('notifications_unread_idx').on(t.userId).where(sql`read_at is null and inbox`),
]);

/** The outbox: one row per message and external channel, worked by the delivery job. */
export const deliveries = pgTable('deliveries', {
  id: uuid('id').primaryKey().$defaultFn(() => uuidv7()),
  companyId: uuid('company_id'),
  notificationId: uuid('notification_id').notNull().references(() => notifications.id),
  channel: text('channel').notNull(),
  address: text('address').notNull(),
  status: text('status', { enum: ['pending', 'sending', 'sent', 'failed', 'dead'] }).notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  providerRef: text('provider_ref'),
  nextAttemptAt: ts('next_attempt_at'),
  sentAt: ts('sent_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
}, (t) => [
  uniqueIndex('deliveries_message_channel_uq').on(t.notificationId, t.channel),
  index('deliveries_company_status_idx').on(t.companyId, t.status, t.createdAt),
]);

/** Per-person channel switches (a missing row = the event's default). */
export const channelPrefs = pgTable('channel_prefs', {
  userId: uuid('user_id').notNull().references(() => users.id),
  channel: text('channel').notNull(),
  enabled: boolean('enabled').notNull(),
}, (t) => [primaryKey({ columns: [t.userId, t.channel] })]);

export const pushSubscriptions = pgTable('push_subscriptions', {
  id: uuid('id').primaryKey().$defaultFn(() => uuidv7()),
  userId: uuid('user_id').notNull().references(() => users.id),
  endpoint: text('endpoint').notNull(),
  p256dh: text('p256dh').notNull(),
  auth: text('auth').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [uniqueIndex('push_subscriptions_endpoint_uq').on(t.endpoint), index('push_subscriptions_user_idx').on(t.userId)]);

/** What the sandbox providers "sent": the demo and the tests read it; unique per message id. */
export const sandboxMessages = pgTable('sandbox_messages', {
  id: uuid('id').primaryKey().$defaultFn(() => uuidv7()),
  channel: text('channel').notNull(),
  dedupeKey: text('dedupe_key').notNull(),
  to: text('to').notNull(),
  content: jsonb('content').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [uniqueIndex('sandbox_messages_dedupe_uq').on(t.channel, t.dedupeKey)]);

/** One-time SMS codes for login and password reset: hashed, single use, five minutes. */
export const smsCodes = pgTable('sms_codes', {
  id: uuid('id').primaryKey().$defaultFn(() => uuidv7()),
  phone: text('phone').notNull(),
  purpose: text('purpose', { enum: ['login', 'reset'] }).notNull(),
  codeHash: text('code_hash').notNull(),
  ip: text('ip'),
  attempts: integer('attempts').notNull().default(0),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [index('sms_codes_phone_idx').on(t.phone, t.createdAt), index('sms_codes_ip_idx').on(t.ip, t.createdAt)]);
