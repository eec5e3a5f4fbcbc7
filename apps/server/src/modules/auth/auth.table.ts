import { boolean, index, integer, pgTable, text, timestamp, uuid, uniqueIndex, inet } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Identity is global: one person, one account, whatever companies they belong to. */
export const users = pgTable('users', {
  id: uuid('id').primaryKey().$defaultFn(() => uuidv7()),
  username: text('username'),
  phone: text('phone'),
  name: text('name').notNull(),
  email: text('email'),
  /** WeChat official-account openid, bound when the person follows the account */
  wechatOpenid: text('wechat_openid'),
  locale: text('locale', { enum: ['zh-CN', 'en'] }).notNull().default('zh-CN'),
  passwordHash: text('password_hash').notNull(),
  isPlatformAdmin: boolean('is_platform_admin').notNull().default(false),
  status: text('status', { enum: ['active', 'deleted'] }).notNull().default('active'),
  /** staff accounts get a hard lock after repeated failures; an admin clears it */
  lockedAt: ts('locked_at'),
  passwordChangedAt: ts('password_changed_at'),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  deletedAt: ts('deleted_at'),
}, (t) => [
  uniqueIndex('users_username_uq').on(t.username),
  uniqueIndex('users_phone_uq').on(t.phone),
]);

/** Server-side sessions; the cookie carries a random token, the table only its SHA-256. */
export const sessions = pgTable('sessions', {
  id: uuid('id').primaryKey().$defaultFn(() => uuidv7()),
  tokenHash: text('token_hash').notNull(),
  userId: uuid('user_id').notNull().references(() => users.id),
  companyId: uuid('company_id'),
  ip: inet('ip'),
  userAgent: text('user_agent'),
  createdAt: ts('created_at').notNull().defaultNow(),
  lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
  expiresAt: ts('expires_at').notNull(),
  revokedAt: ts('revoked_at'),
}, (t) => [uniqueIndex('sessions_token_uq').on(t.tokenHash), index('sessions_user_idx').on(t.userId)]);

/** Failure counters for login back-off, keyed by `acct:<login>` or `ip:<address>`. */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lastFailureAt: ts('last_failure_at').notNull(),
  blockedUntil: ts('blocked_until'),
});

export const captchas = pgTable('captchas', {
  id: uuid('id').primaryKey().$defaultFn(() => uuidv7()),
  answerHash: text('answer_hash').notNull(),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
});

/** PIPL: which privacy-policy version a person accepted, and when. */
export const privacyConsents = pgTable('privacy_consents', {
  id: uuid('id').primaryKey().$defaultFn(() => uuidv7()),
  userId: uuid('user_id').notNull().references(() => users.id),
  policyVersion: text('policy_version').notNull(),
  acceptedAt: ts('accepted_at').notNull().defaultNow(),
  ip: inet('ip'),
}, (t) => [index('privacy_consents_user_idx').on(t.userId)]);

/** One-time setup token for the first platform operator on PostgreSQL. */
export const setupTokens = pgTable('setup_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
});
