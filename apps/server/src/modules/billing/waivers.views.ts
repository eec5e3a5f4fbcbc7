import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import { iso } from '../../lib/time.ts';
import { users } from '../auth/auth.table.ts';
import { parkingSpaces, rooms } from '../estate/estate.table.ts';
import { feeItems } from './billing.table.ts';
import { bills } from './ledger.table.ts';
import { waivers } from './waivers.table.ts';

const requester = alias(users, 'waiver_requester');
const decider = alias(users, 'waiver_decider');

type Waiver = typeof waivers.$inferSelect;
interface Joined { w: Waiver; requestedByName: string | null; decidedByName: string | null; targetCode: string | null; feeItemName: string; periodFrom: string; periodTo: string }

export const waiverView = (r: Joined) => ({
  id: r.w.id, projectId: r.w.projectId, billId: r.w.billId, principalFen: r.w.principalFen, lateFeeFen: r.w.lateFeeFen, reason: r.w.reason,
  status: r.w.status, requestedBy: r.w.requestedBy, requestedByName: r.requestedByName, decidedBy: r.w.decidedBy, decidedByName: r.decidedByName,
  decidedAt: iso(r.w.decidedAt), decisionNote: r.w.decisionNote, version: r.w.version, createdAt: r.w.createdAt.toISOString(),
  targetCode: r.targetCode ?? '', feeItemName: r.feeItemName, periodFrom: r.periodFrom, periodTo: r.periodTo,
});

const joined = (db: Executor) => db.select({
  w: waivers, requestedByName: requester.name, decidedByName: decider.name, targetCode: sql<string | null>`coalesce(${rooms.code}, ${parkingSpaces.code})`,
  feeItemName: feeItems.name, periodFrom: bills.periodFrom, periodTo: bills.periodTo,
}).from(waivers)
  .innerJoin(bills, eq(bills.id, waivers.billId))
  .innerJoin(feeItems, eq(feeItems.id, bills.feeItemId))
  .leftJoin(rooms, eq(rooms.id, bills.roomId))
  .leftJoin(parkingSpaces, eq(parkingSpaces.id, bills.parkingSpaceId))
  .leftJoin(requester, eq(requester.id, waivers.requestedBy))
  .leftJoin(decider, eq(decider.id, waivers.decidedBy));

/** Waivers of one company matching `cond` (on the waivers table), newest first, with the bill at a glance. */
export async function waiverViews(db: Executor, companyId: string, cond: SQL, limit: number, offset: number) {
  const rows = await joined(db).where(and(eq(waivers.companyId, companyId), cond)).orderBy(desc(waivers.createdAt), desc(waivers.id)).limit(limit).offset(offset);
  return rows.map(waiverView);
}

export async function waiverById(db: Executor, companyId: string, id: string) {
  const [row] = await joined(db).where(and(eq(waivers.companyId, companyId), eq(waivers.id, id)));
  return row ? waiverView(row) : undefined;
}
