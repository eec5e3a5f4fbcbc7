import { and, asc, desc, eq, isNull, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { companies, memberships, projects } from '../org/org.table.ts';
import { sessions, users } from './auth.table.ts';

export async function findUserByLogin(db: Executor, login: string) {
  const [u] = await db.select().from(users)
    .where(and(or(eq(users.phone, login), eq(users.username, login)), eq(users.status, 'active'))).limit(1);
  return u ?? null;
}

export async function findUserById(db: Executor, id: string) {
  const [u] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return u ?? null;
}

export async function isStaffAnywhere(db: Executor, userId: string): Promise<boolean> {
  const [m] = await db.select({ id: memberships.id }).from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.kind, 'staff'))).limit(1);
  return !!m;
}

/** The person's active memberships, staff first, newest first: the first is the default company. */
export async function membershipsOf(db: Executor, userId: string) {
  return db.select({ companyId: memberships.companyId, companyName: companies.name, kind: memberships.kind })
    .from(memberships).innerJoin(companies, eq(companies.id, memberships.companyId))
    .where(and(eq(memberships.userId, userId), eq(memberships.status, 'active'), eq(companies.status, 'active')))
    .orderBy(desc(sql`${memberships.kind} = 'staff'`), desc(memberships.createdAt));
}

export async function visibleProjects(db: Executor, companyId: string, ids: 'all' | string[]) {
  if (ids !== 'all' && ids.length === 0) return [];
  const where = ids === 'all'
    ? eq(projects.companyId, companyId)
    : and(eq(projects.companyId, companyId), sql`${projects.id} = any(${sql.param(ids)}::uuid[])`);
  return db.select({ id: projects.id, name: projects.name }).from(projects).where(where).orderBy(asc(projects.code));
}

export async function createSession(db: Executor, v: {
  tokenHash: string; userId: string; companyId: string | null; ip: string | null; userAgent: string | null; maxHours: number;
}) {
  const [s] = await db.insert(sessions).values({
    tokenHash: v.tokenHash, userId: v.userId, companyId: v.companyId, ip: v.ip, userAgent: v.userAgent?.slice(0, 300) ?? null,
    expiresAt: new Date(Date.now() + v.maxHours * 3600_000),
  }).returning();
  return s!;
}

export async function revokeSessionByToken(db: Executor, tokenHash: string) {
  await db.update(sessions).set({ revokedAt: new Date() }).where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)));
}

export async function revokeSession(db: Executor, userId: string, sessionId: string) {
  const rows = await db.update(sessions).set({ revokedAt: new Date() })
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt))).returning({ id: sessions.id });
  return rows.length > 0;
}

export async function revokeAllSessions(db: Executor, userId: string, exceptSessionId?: string) {
  await db.update(sessions).set({ revokedAt: new Date() }).where(and(
    eq(sessions.userId, userId), isNull(sessions.revokedAt),
    exceptSessionId ? ne(sessions.id, exceptSessionId) : sql`true`,
  ));
}

export async function listSessions(db: Executor, userId: string) {
  return db.select().from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), sql`${sessions.expiresAt} > now()`))
    .orderBy(desc(sessions.lastSeenAt));
}

export async function setSessionCompany(db: Executor, sessionId: string, companyId: string) {
  await db.update(sessions).set({ companyId }).where(eq(sessions.id, sessionId));
}

/** A new password (hash) for the account; every session of it ends in the same transaction. */
export async function replacePassword(db: Executor, userId: string, passwordHash: string) {
  await db.update(users).set({ passwordHash, passwordChangedAt: new Date(), version: sql`${users.version} + 1` }).where(eq(users.id, userId));
  await revokeAllSessions(db, userId);
}
