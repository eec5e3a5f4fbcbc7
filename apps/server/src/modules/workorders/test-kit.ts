import { and, eq } from 'drizzle-orm';
import type { TestApp } from '../../../test/harness.ts';
import { addMember, createTenant, createUser, login, type Tenant } from '../../../test/factories.ts';
import { feeItems } from '../billing/billing.table.ts';
import { buildings, facilities, rooms, roomStatusHistory } from '../estate/estate.table.ts';
import { residentRooms } from '../org/org.table.ts';
import { staffSkills, woCategories } from './workorders.table.ts';

type Reply = Awaited<ReturnType<TestApp['app']['inject']>>;
export type Call = (method: string, url: string, payload?: object, headers?: Record<string, string>) => Promise<Reply>;
export const caller = (t: TestApp, cookie: string): Call => (method, url, payload, headers) =>
  t.app.inject({ method: method as any, url, headers: { cookie, ...headers }, payload: payload as any });

export interface WoWorld {
  tenant: Tenant;
  buildingId: string;
  /** room 0 is the resident's own; room 1 a neighbour's */
  roomIds: [string, string];
  facilityId: string;
  cat: Record<string, string>;
  /** 有偿维修: chargeable, billed under the fee item 维修费 */
  paidCategoryId: string;
  repairFeeItemId: string;
  /** a second plumber in project A (transfer target) */
  tech2: { userId: string };
  as: Record<'hq' | 'viewer' | 'pm' | 'desk' | 'tech' | 'guard' | 'cashier' | 'resident' | 'techB', Call>;
}

/** A tenant with a building of two rooms in project A, the resident bound to the first, the technician skilled in plumbing and electrical. */
export async function woWorld(t: TestApp): Promise<WoWorld> {
  const db = t.ctx.database.db;
  const tenant = await createTenant(t);
  const { companyId, projectA } = tenant;
  const [b] = await db.insert(buildings).values({ companyId, projectId: projectA, code: '1', name: '1号楼' }).returning();
  const rs = await db.insert(rooms).values([1, 2].map((n) => ({ companyId, projectId: projectA, buildingId: b!.id, floor: 1, number: n, code: `1-01${n}`, buildingArea: 9000 }))).returning();
  await db.insert(roomStatusHistory).values(rs.map((r) => ({ companyId, roomId: r.id, status: 'occupied' as const, validFrom: '2026-01-01' })));
  const [f] = await db.insert(facilities).values({ companyId, projectId: projectA, buildingId: b!.id, name: '1号楼电梯厅', category: 'other' }).returning();
  await db.insert(residentRooms).values({ companyId, projectId: projectA, membershipId: tenant.users.resident!.membershipId!, roomId: rs[0]!.id, relation: 'owner', status: 'active' });
  await db.insert(staffSkills).values([
    { companyId, userId: tenant.users.technician!.userId, skill: 'plumbing' },
    { companyId, userId: tenant.users.technician!.userId, skill: 'electrical' },
    { companyId, userId: tenant.staffB.userId, skill: 'plumbing' },
  ]);
  const [fee] = await db.insert(feeItems).values({
    companyId, code: 'WXF', name: '维修费', category: 'one_off', feeCategory: 'other', taxRateBp: 600, invoiceCategory: '维修服务',
  }).returning();
  const sla = { responseMinutes: 60, completeMinutes: 480 };
  const [paid] = await db.insert(woCategories).values({
    companyId, code: 'paid_repair', name: '有偿维修', skill: 'plumbing', chargeable: true, feeItemId: fee!.id, clock: 'calendar',
    sla: { urgent: sla, high: sla, normal: sla, low: sla },
  }).returning();
  const t2 = await createUser(t, { name: '钱师傅' });
  await addMember(t, companyId, t2.userId, 'technician', [projectA]);
  await db.insert(staffSkills).values({ companyId, userId: t2.userId, skill: 'plumbing' });
  const cats = await db.select().from(woCategories).where(and(eq(woCategories.companyId, companyId)));
  const cookie = async (phone: string) => caller(t, await login(t, phone));
  const u = tenant.users;
  return {
    tenant, buildingId: b!.id, roomIds: [rs[0]!.id, rs[1]!.id], facilityId: f!.id,
    cat: Object.fromEntries(cats.map((c) => [c.code, c.id])),
    paidCategoryId: paid!.id, repairFeeItemId: fee!.id, tech2: { userId: t2.userId },
    as: {
      hq: await cookie(u.hq_admin!.phone), viewer: await cookie(u.hq_viewer!.phone), pm: await cookie(u.project_manager!.phone), desk: await cookie(u.customer_service!.phone),
      tech: await cookie(u.technician!.phone), guard: await cookie(u.guard!.phone), cashier: await cookie(u.cashier!.phone),
      resident: await cookie(u.resident!.phone), techB: await cookie(tenant.staffB.phone),
    },
  };
}

/** A resident's plumbing repair in their own room (201-style body for /api/me/work-orders). */
export const residentRepair = (w: WoWorld, extra: object = {}) => ({
  projectId: w.tenant.projectA, type: 'repair', categoryId: w.cat.plumbing, description: '厨房水管漏水', area: 'private', roomId: w.roomIds[0], ...extra,
});
