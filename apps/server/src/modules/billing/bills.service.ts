import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { formatUnitPrice, type ZOneOffChargeCreate } from '@wuye/shared';
import type { Executor, Tx } from '../../db/client.ts';
import { canSeeProject, requireCompany, type Actor } from '../../lib/actor.ts';
import { badRequest, conflict, notFound } from '../../lib/errors.ts';
import { businessNow } from '../../lib/time.ts';
import { record } from '../audit/audit.service.ts';
import { parkingSpaces } from '../estate/estate.table.ts';
import { getRoom } from '../estate/rooms.service.ts';
import { feeItems } from './billing.table.ts';
import { getFeeItem } from './fee-items.service.ts';
import { billLines, bills, ledgerEntries } from './ledger.table.ts';

type Bill = typeof bills.$inferSelect;
type Line = typeof billLines.$inferSelect;
type Entry = typeof ledgerEntries.$inferSelect;

const lineView = (l: Line) => ({
  seq: l.seq, periodFrom: l.periodFrom, periodTo: l.periodTo, description: l.description, quantity: l.quantity,
  unitPrice: l.unitPrice === null ? null : formatUnitPrice(l.unitPrice), amountFen: l.amountFen, payer: l.payer, explanation: l.explanation ?? null,
});
export const billView = (b: Bill, feeItemName: string, lines: Line[]) => ({
  id: b.id, projectId: b.projectId, roomId: b.roomId, parkingSpaceId: b.parkingSpaceId, feeItemId: b.feeItemId, feeItemName, runId: b.runId,
  kind: b.kind, periodFrom: b.periodFrom, periodTo: b.periodTo, dueDate: b.dueDate, principalFen: b.principalFen, status: b.status,
  voidReason: b.voidReason, createdAt: b.createdAt.toISOString(), version: b.version, lines: lines.map(lineView),
});

/** The room or parking space a charge names, in the actor's scope (404 otherwise), with its project. */
async function targetOf(db: Executor, actor: Actor, input: { roomId?: string; parkingSpaceId?: string }) {
  if (input.roomId) {
    const room = await getRoom(db, actor, input.roomId);
    return { projectId: room.projectId, roomId: room.id, parkingSpaceId: null };
  }
  const [p] = await db.select({ id: parkingSpaces.id, projectId: parkingSpaces.projectId }).from(parkingSpaces)
    .where(and(eq(parkingSpaces.companyId, requireCompany(actor)), eq(parkingSpaces.id, input.parkingSpaceId!)));
  if (!p || !canSeeProject(actor, p.projectId)) throw notFound('车位');
  return { projectId: p.projectId, roomId: null, parkingSpaceId: p.id };
}

/**
 * 临时收费: a live one-off bill dated today (period_from = period_to = the charge date), its one
 * line and one `charge` entry on the receivable account, written in the caller's transaction so
 * a module charging as part of its own change (a repair, a card replacement) commits both or neither.
 * The amount is an integer 分 > 0 (the contract refuses anything else).
 */
export async function createOneOffCharge(tx: Tx, actor: Actor, input: z.output<typeof ZOneOffChargeCreate>) {
  const companyId = requireCompany(actor);
  const target = await targetOf(tx, actor, input);
  const item = await getFeeItem(tx, companyId, input.feeItemId, 'body.feeItemId');
  if (item.status !== 'active') throw conflict('收费项目已停用', [{ path: 'body.feeItemId', message: 'archived' }]);
  const day = businessNow().format('YYYY-MM-DD');
  if (input.dueDate < day) throw badRequest(`到期日不能早于收费日期 ${day}`, [{ path: 'body.dueDate', message: 'before_charge_date' }]);

  const [bill] = await tx.insert(bills).values({
    companyId, ...target, feeItemId: item.id, runId: null, kind: 'one_off', periodFrom: day, periodTo: day,
    dueDate: input.dueDate, principalFen: input.amountFen, createdBy: actor.userId,
  }).returning();
  const [line] = await tx.insert(billLines).values({
    companyId, billId: bill!.id, seq: 1, periodFrom: day, periodTo: day, description: input.description, quantity: '1', unitPrice: null, amountFen: input.amountFen,
  }).returning();
  await tx.insert(ledgerEntries).values({
    companyId, ...target, feeItemId: item.id, billId: bill!.id, kind: 'charge', account: 'receivable', amountFen: input.amountFen,
    entryDate: day, note: input.description, createdBy: actor.userId,
  });
  const view = billView(bill!, item.name, [line!]);
  await record(tx, actor, 'billing.one_off_charged', { type: 'bill', id: bill!.id, projectId: target.projectId }, null, view);
  return view;
}

/** The room's bills with their lines, newest period first. */
export async function roomBills(db: Executor, actor: Actor, roomId: string) {
  const room = await getRoom(db, actor, roomId);
  const rows = await db.select({ b: bills, feeItemName: feeItems.name }).from(bills).innerJoin(feeItems, eq(feeItems.id, bills.feeItemId))
    .where(and(eq(bills.companyId, room.companyId), eq(bills.roomId, roomId)))
    .orderBy(desc(bills.periodFrom), desc(bills.createdAt), desc(bills.id));
  const lines = rows.length === 0 ? [] : await db.select().from(billLines)
    .where(and(eq(billLines.companyId, room.companyId), inArray(billLines.billId, rows.map((r) => r.b.id)))).orderBy(asc(billLines.seq));
  return rows.map((r) => billView(r.b, r.feeItemName, lines.filter((l) => l.billId === r.b.id)));
}

export const entryView = (e: Entry, receivableBalanceFen: number) => ({
  id: e.id, kind: e.kind, account: e.account, component: e.component, amountFen: e.amountFen, feeItemId: e.feeItemId, billId: e.billId, reverses: e.reverses,
  entryDate: e.entryDate, migrated: e.migrated, note: e.note, createdAt: e.createdAt.toISOString(), receivableBalanceFen,
});

/** The room's ledger in posting order, each entry with the receivable balance after it (exact integer 分 sums). */
export async function roomLedger(db: Executor, actor: Actor, roomId: string) {
  const room = await getRoom(db, actor, roomId);
  const rows = await db.select().from(ledgerEntries).where(and(eq(ledgerEntries.companyId, room.companyId), eq(ledgerEntries.roomId, roomId)))
    .orderBy(asc(ledgerEntries.entryDate), asc(ledgerEntries.createdAt), asc(ledgerEntries.id));
  let balance = 0;
  return rows.map((e) => {
    if (e.account === 'receivable') balance += e.amountFen;
    return entryView(e, balance);
  });
}
