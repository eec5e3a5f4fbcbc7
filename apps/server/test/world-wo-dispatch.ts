/** Matrix fixtures (path ids per target) and bodies (valid writes) for the work-order dispatch routes; see world.ts. */
import type { Database } from '../src/db/client.ts';
import { staffShifts } from '../src/modules/workorders/workorders.table.ts';
import type { Tenant } from './factories.ts';

type Target = 'own' | 'otherProject' | 'otherCompany';
const projectOf = (w: any, t: Target): string => (t === 'own' ? w.ours.projectA : t === 'otherProject' ? w.ours.projectB : w.theirs.projectA);
/** a worker per target: our project A's technician, our project B's technician, their technician */
const workerOf = (w: any, t: Target): string => (t === 'own' ? w.ours.users.technician.userId : t === 'otherProject' ? w.ours.staffB.userId : w.theirs.users.technician.userId);

/**
 * A shift per target (in the future, so nobody is on shift because of it), for DELETE /api/work-orders/shifts/:id.
 * The world keeps the result as `w.woDispatch` (createWorld: `woDispatch: await createWoDispatchWorld(db, ours, theirs)`);
 * until it does, the shift route has no rows and the matrix skips it.
 */
export async function createWoDispatchWorld(db: Database['db'], ours: Tenant, theirs: Tenant) {
  const shift = async (tenant: Tenant, projectId: string, userId: string) => (await db.insert(staffShifts).values({
    companyId: tenant.companyId, projectId, userId, startsAt: new Date('2099-01-01T01:00:00Z'), endsAt: new Date('2099-01-01T09:00:00Z'),
  }).returning())[0]!.id;
  return {
    shifts: {
      own: await shift(ours, ours.projectA, ours.users.technician!.userId),
      otherProject: await shift(ours, ours.projectB, ours.staffB.userId),
      otherCompany: await shift(theirs, theirs.projectA, theirs.users.technician!.userId),
    } as Record<Target, string>,
  };
}

export const fixtures: Record<string, { id: (w: any, target: Target) => string | null; body?: (w: any, target: Target) => unknown }> = {
  '/api/work-orders/staff/:userId/skills': { id: workerOf, body: () => ({ skills: ['plumbing', 'electrical'] }) },
  '/api/work-orders/shifts/:id': { id: (w, t) => w.woDispatch?.shifts[t] ?? null },
  '/api/work-orders/buildings/:id/staff': { id: (w, t) => w.rooms[t].buildingId, body: () => ({ userIds: [] }) },
};

export const bodies: Record<string, (w: any, target: Target) => unknown> = {
  'POST /api/work-orders/shifts': (w, t) => ({ projectId: projectOf(w, t), userId: workerOf(w, t), startsAt: '2099-02-01T01:00:00Z', endsAt: '2099-02-01T09:00:00Z' }),
};
