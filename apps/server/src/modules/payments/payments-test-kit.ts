import type { TestApp } from '../../../test/harness.ts';
import type { Tenant } from '../../../test/factories.ts';
import { businessNow } from '../../lib/time.ts';
import { feeItemBody, kit } from '../billing/prepaid-test-kit.ts';
import { residentRooms } from '../org/org.table.ts';

/** the business day `offset` days from today (YYYY-MM-DD) */
export const day = (offset: number) => businessNow().add(offset, 'day').format('YYYY-MM-DD');
/** the business month `offset` months from this one (YYYY-MM) */
export const month = (offset: number) => businessNow().add(offset, 'month').format('YYYY-MM');

/**
 * Shared by the payments tests: the billing test kit plus the set-up they all start from, made
 * through the API as staff would (fee items, generated rooms) or, for resident bindings, straight.
 */
export function paymentsKit(t: () => TestApp) {
  const k = kit(t);

  /** a fee item created by `cookie` through the API: its id */
  async function feeItem(cookie: string, code: string, o?: Parameters<typeof feeItemBody>[1]) {
    return (await k.as(cookie)('POST', '/api/billing/fee-items', feeItemBody(code, o))).json().id as string;
  }

  /** a new one-floor building `code` of `count` rooms of the same area: its id and rooms in order */
  async function building(cookie: string, projectId: string, code: string, count: number, buildingArea: string | number = '90') {
    const g = await k.as(cookie)('POST', `/api/projects/${projectId}/buildings/generate`, {
      code, name: `${code}号楼`, units: 1, floors: 1, roomsPerFloor: count, areas: Array.from({ length: count }, () => ({ buildingArea })),
    });
    if (g.statusCode !== 200) throw new Error(`generate: ${g.statusCode} ${g.body}`);
    const list = (await k.as(cookie)('GET', `/api/rooms?buildingId=${g.json().buildingId}&pageSize=50`)).json().items as { id: string; code: string }[];
    return { buildingId: g.json().buildingId as string, rooms: list.map((r) => ({ id: r.id, code: r.code })) };
  }
  /** the room ids of a new building (see `building`) */
  const rooms = async (...a: Parameters<typeof building>) => (await building(...a)).rooms.map((r) => r.id);

  /** binds the tenant's built-in resident to the rooms as their owner */
  async function bindResident(tenant: Tenant, projectId: string, roomIds: string[]) {
    await t().ctx.database.db.insert(residentRooms).values(roomIds.map((roomId) => ({
      companyId: tenant.companyId, projectId, membershipId: tenant.users.resident!.membershipId!, roomId, relation: 'owner' as const, status: 'active' as const,
    })));
  }

  return { ...k, feeItem, building, rooms, bindResident };
}
