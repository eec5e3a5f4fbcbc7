import { randomBytes, randomInt } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { builtinRoles } from '@wuye/shared';
import { hashPassword } from '../src/lib/passwords.ts';
import { users } from '../src/modules/auth/auth.table.ts';
import { createCompanyWithRoles } from '../src/modules/org/company.service.ts';
import { membershipProjects, membershipRoles, memberships, projects, roles } from '../src/modules/org/org.table.ts';
import type { TestApp } from './harness.ts';

export const PASSWORD = 'Test#pass-2026';
let hashed: Promise<string> | undefined;
const passwordHash = () => (hashed ??= hashPassword(PASSWORD));

export const randomPhone = () => `17${String(randomInt(0, 1e9)).padStart(9, '0')}`;
const suffix = () => randomBytes(4).toString('hex');

export interface TestUser { userId: string; membershipId: string | null; phone: string; role: string | null }

export interface Tenant {
  companyId: string;
  projectA: string;
  projectB: string;
  roleIds: Record<string, string>;
  /** one member per built-in role, assigned to project A (HQ roles: all projects) */
  users: Record<string, TestUser>;
  /** a technician assigned to project B only: "another project" for project A's staff */
  staffB: TestUser;
}

export async function createUser(t: TestApp, opts: { name?: string; platform?: boolean } = {}) {
  const phone = randomPhone();
  const [u] = await t.ctx.database.db.insert(users).values({
    phone, name: opts.name ?? `测试${phone.slice(-4)}`, passwordHash: await passwordHash(), isPlatformAdmin: !!opts.platform,
  }).returning();
  return { userId: u!.id, phone };
}

export async function addMember(t: TestApp, companyId: string, userId: string, role: string, projectIds: string[], allProjects = false) {
  const db = t.ctx.database.db;
  const [m] = await db.insert(memberships).values({
    companyId, userId, kind: role === 'resident' ? 'resident' : 'staff', displayName: `成员-${role}`, allProjects,
  }).returning();
  const [r] = await db.select().from(roles).where(and(eq(roles.companyId, companyId), eq(roles.code, role)));
  await db.insert(membershipRoles).values({ companyId, membershipId: m!.id, roleId: r!.id });
  for (const projectId of projectIds) await db.insert(membershipProjects).values({ companyId, membershipId: m!.id, projectId });
  return m!.id;
}

export async function createTenant(t: TestApp): Promise<Tenant> {
  const db = t.ctx.database.db;
  const company = await createCompanyWithRoles(db, { code: `T${suffix()}`, name: `测试物业${suffix()}` });
  const [a, b] = await db.insert(projects).values([
    { companyId: company.id, code: 'A', name: '项目A' },
    { companyId: company.id, code: 'B', name: '项目B' },
  ]).returning();
  const roleRows = await db.select().from(roles).where(eq(roles.companyId, company.id));
  const roleIds = Object.fromEntries(roleRows.map((r) => [r.code, r.id]));
  const out: Record<string, TestUser> = {};
  for (const r of builtinRoles) {
    const u = await createUser(t);
    const hq = r.scope === 'company';
    const membershipId = await addMember(t, company.id, u.userId, r.code, hq || r.code === 'resident' ? [] : [a!.id], hq);
    out[r.code] = { ...u, membershipId, role: r.code };
  }
  const b1 = await createUser(t);
  const staffB = { ...b1, role: 'technician', membershipId: await addMember(t, company.id, b1.userId, 'technician', [b!.id]) };
  return { companyId: company.id, projectA: a!.id, projectB: b!.id, roleIds, users: out, staffB };
}

/** Signs in through the real login route and returns the session cookie header. */
export async function login(t: TestApp, loginName: string, password = PASSWORD): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: loginName, password } });
  if (res.statusCode !== 200) throw new Error(`login ${loginName} failed: ${res.statusCode} ${res.body}`);
  const c = res.cookies.find((x) => x.name === 'sid');
  return `sid=${c!.value}`;
}

/** Session cookies of the tenant's built-in members of these roles, in the order asked. */
export const loginAs = (t: TestApp, tenant: Tenant, ...roles: string[]) =>
  Promise.all(roles.map((r) => login(t, tenant.users[r]!.phone)));
