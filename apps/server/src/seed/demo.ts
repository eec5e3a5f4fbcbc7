import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { hashPassword } from '../lib/passwords.ts';
import { piiCipher } from '../lib/pii-crypto.ts';
import { seedDemoBilling, seedDemoBillRuns } from './demo-billing.ts';
import { seedDemoEstate } from './demo-estate.ts';
import { seedDemoPayments } from './demo-payments.ts';
import { seedDemoWorkOrders } from './demo-workorders.ts';
import { users } from '../modules/auth/auth.table.ts';
import { createCompanyWithRoles } from '../modules/org/company.service.ts';
import { companies, membershipProjects, membershipRoles, memberships, projects, residentRooms, roles } from '../modules/org/org.table.ts';


/** The only fixed password in the product: demo data on the embedded database (or DEMO=1). */
export const DEMO_PASSWORD = 'Demo#2026';

export const demoAccounts = [
  { username: 'admin', phone: '13800000000', name: '平台运营', role: null, platform: true, projects: [] as string[] },
  { username: 'hq', phone: '13800000001', name: '王总（总部）', role: 'hq_admin', allProjects: true, projects: [] },
  { username: 'hqfin', phone: '13800000002', name: '李会计（总部财务）', role: 'hq_viewer', allProjects: true, projects: [] },
  { username: 'pm', phone: '13800000003', name: '张经理', role: 'project_manager', projects: ['YGHY'] },
  { username: 'cs', phone: '13800000004', name: '刘客服', role: 'customer_service', projects: ['YGHY'] },
  { username: 'cashier', phone: '13800000005', name: '陈收费', role: 'cashier', projects: ['YGHY'] },
  { username: 'tech', phone: '13800000006', name: '赵师傅', role: 'technician', projects: ['YGHY'] },
  { username: 'guard', phone: '13800000007', name: '孙保安', role: 'guard', projects: ['YGHY'] },
  { username: 'cleaner', phone: '13800000008', name: '周保洁', role: 'cleaner', projects: ['YGHY'] },
  { username: 'tech2', phone: '13800000009', name: '钱师傅', role: 'technician', projects: ['YGHY'] },
  { username: 'tech3', phone: '13800000010', name: '李师傅', role: 'technician', projects: ['YGHY'] },
  { username: 'resident', phone: '13900000001', name: '吴业主', role: 'resident', projects: [] },
] as const;

/**
 * Seeds the demo company once. It takes the whole app context because the payments demo goes
 * through the real services, which need the pay and e-invoice sandboxes and the file store.
 */
export async function seedDemo(ctx: AppContext): Promise<{ sampleIdNumbers: string[] } | false> {
  const { database, secrets } = ctx;
  const db = database.db;
  const [exists] = await db.select({ id: companies.id }).from(companies).where(eq(companies.code, 'DEMO'));
  if (exists) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let sampleIdNumbers: string[] = [];
  let billed = { companyId: '', projectId: '', homeRoomId: '' };
  await db.transaction(async (tx) => {
    const company = await createCompanyWithRoles(tx, { code: 'DEMO', name: '示例物业服务集团' });
    const projectRows = await tx.insert(projects).values([
      { companyId: company.id, code: 'YGHY', name: '阳光花园' },
      { companyId: company.id, code: 'JGSW', name: '金桂商务中心' },
    ]).returning();
    const projectId = (code: string) => projectRows.find((p) => p.code === code)!.id;
    let residentMembership = '';
    let residentUserId = '';
    for (const a of demoAccounts) {
      const [u] = await tx.insert(users).values({
        username: a.username, phone: a.phone, name: a.name, passwordHash, isPlatformAdmin: 'platform' in a && a.platform,
      }).returning();
      if (!a.role) continue;
      const [m] = await tx.insert(memberships).values({
        companyId: company.id, userId: u!.id, kind: a.role === 'resident' ? 'resident' : 'staff', displayName: a.name,
        allProjects: 'allProjects' in a && a.allProjects,
      }).returning();
      const [role] = await tx.select().from(roles).where(and(eq(roles.companyId, company.id), eq(roles.code, a.role)));
      await tx.insert(membershipRoles).values({ companyId: company.id, membershipId: m!.id, roleId: role!.id });
      if (a.role === 'resident') { residentMembership = m!.id; residentUserId = u!.id; }
      for (const code of a.projects) {
        await tx.insert(membershipProjects).values({ companyId: company.id, membershipId: m!.id, projectId: projectId(code) });
      }
    }
    const resident = demoAccounts.find((a) => a.role === 'resident')!;
    // the resident's household is part of the estate, so their room's status and history follow it
    const estate = await seedDemoEstate(tx, piiCipher(secrets), company.id, { home: projectId('YGHY'), office: projectId('JGSW') },
      { userId: residentUserId, name: resident.name, phone: resident.phone });
    sampleIdNumbers = estate.sampleIdNumbers;
    await seedDemoBilling(tx, company.id, { home: projectId('YGHY'), office: projectId('JGSW') });
    billed = { companyId: company.id, projectId: projectId('YGHY'), homeRoomId: estate.homeRoomId };
    await tx.insert(residentRooms).values({
      companyId: company.id, projectId: projectId('YGHY'), membershipId: residentMembership, roomId: estate.homeRoomId, relation: 'owner', status: 'active',
    });
    await seedDemoWorkOrders(tx, company.id, projectId('YGHY'), { residentUserId, residentName: resident.name, homeRoomId: estate.homeRoomId });
  });
  await seedDemoBillRuns(database, billed.companyId, billed.projectId);
  await seedDemoPayments(ctx, billed.companyId, billed.projectId, billed.homeRoomId);
  return { sampleIdNumbers };
}

export function demoLoginTable(): string {
  const rows = demoAccounts.map((a) => `  ${a.username.padEnd(9)} ${a.phone}  ${a.name}`);
  return ['Demo logins (password for all: ' + DEMO_PASSWORD + '):', ...rows].join('\n');
}
