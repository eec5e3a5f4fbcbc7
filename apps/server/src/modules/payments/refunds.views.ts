import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TRefund, TRefundLine } from '@wuye/shared';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { iso } from '../../lib/time.ts';
import { users } from '../auth/auth.table.ts';
import { feeItems } from '../billing/billing.table.ts';
import { bills } from '../billing/ledger.table.ts';
import { rooms } from '../estate/estate.table.ts';
import { projects } from '../org/org.table.ts';
import { paymentAllocations, payments, receipts, refunds } from './payments.table.ts';

/** How a refund's `lines` are stored (jsonb): what it takes back, planned when it is requested. */
export interface StoredLine { allocationId: string | 'prepaid' | 'deposit'; amountFen: number }
export type Refund = typeof refunds.$inferSelect;

const requester = alias(users, 'refund_requester');
const decider = alias(users, 'refund_decider');

const joined = (db: Executor) => db.select({
  r: refunds, projectName: projects.name, roomCode: rooms.code, receiptNumber: receipts.number, paymentChannel: payments.channel,
  paymentAmountFen: payments.amountFen, feeItemName: feeItems.name, requestedByName: requester.name, decidedByName: decider.name,
}).from(refunds)
  .innerJoin(projects, eq(projects.id, refunds.projectId))
  .innerJoin(rooms, eq(rooms.id, refunds.roomId))
  .leftJoin(payments, eq(payments.id, refunds.paymentId))
  .leftJoin(receipts, eq(receipts.paymentId, refunds.paymentId))
  .leftJoin(feeItems, eq(feeItems.id, refunds.feeItemId))
  .leftJoin(requester, eq(requester.id, refunds.requestedBy))
  .leftJoin(decider, eq(decider.id, refunds.decidedBy));
type Joined = Awaited<ReturnType<ReturnType<typeof joined>['where']>>[number];

/** The allocations named by the refunds' lines, with their bills (one query). */
async function allocationInfo(db: Executor, companyId: string, rows: Joined[]) {
  const ids = [...new Set(rows.flatMap((r) => (r.r.lines as StoredLine[]).map((l) => l.allocationId)).filter((x) => x !== 'prepaid' && x !== 'deposit'))];
  if (ids.length === 0) return new Map<string, { billId: string; component: 'principal' | 'late_fee'; feeItemName: string; periodFrom: string; periodTo: string }>();
  const list = await db.select({ id: paymentAllocations.id, billId: paymentAllocations.billId, component: paymentAllocations.component, feeItemName: feeItems.name, periodFrom: bills.periodFrom, periodTo: bills.periodTo })
    .from(paymentAllocations).innerJoin(bills, eq(bills.id, paymentAllocations.billId)).innerJoin(feeItems, eq(feeItems.id, bills.feeItemId))
    .where(and(eq(paymentAllocations.companyId, companyId), inArray(paymentAllocations.id, ids)));
  return new Map(list.map((a) => [a.id, a]));
}

function lineView(l: StoredLine, info: Awaited<ReturnType<typeof allocationInfo>>): TRefundLine {
  if (l.allocationId === 'prepaid' || l.allocationId === 'deposit') {
    return { kind: l.allocationId, allocationId: null, billId: null, feeItemName: null, periodFrom: null, periodTo: null, component: null, amountFen: l.amountFen };
  }
  const a = info.get(l.allocationId);
  return {
    kind: 'allocation', allocationId: l.allocationId, billId: a?.billId ?? null, feeItemName: a?.feeItemName ?? null, periodFrom: a?.periodFrom ?? null,
    periodTo: a?.periodTo ?? null, component: a?.component ?? null, amountFen: l.amountFen,
  };
}

function view(actor: Actor | null, j: Joined, info: Awaited<ReturnType<typeof allocationInfo>>): TRefund {
  const r = j.r;
  const pending = r.status === 'requested';
  const mayDecide = !!actor && actor.permissions.has('payment.refund.approve') && pending;
  return {
    id: r.id, projectId: r.projectId, projectName: j.projectName, roomId: r.roomId, roomCode: j.roomCode, source: r.source, paymentId: r.paymentId,
    receiptNumber: j.receiptNumber ?? null, paymentChannel: j.paymentChannel ?? null, paymentAmountFen: j.paymentAmountFen ?? null,
    feeItemId: r.feeItemId, feeItemName: j.feeItemName ?? null, amountFen: r.amountFen, channel: r.channel, status: r.status, reason: r.reason,
    outRefundNo: r.outRefundNo, providerRefundId: r.providerRefundId, failReason: r.failReason,
    lines: (r.lines as StoredLine[]).map((l) => lineView(l, info)),
    requestedBy: r.requestedBy, requestedByName: j.requestedByName ?? null, decidedBy: r.decidedBy, decidedByName: j.decidedByName ?? null,
    decidedAt: iso(r.decidedAt), decisionNote: r.decisionNote, completedAt: iso(r.completedAt), createdAt: r.createdAt.toISOString(), version: r.version,
    abilities: { approve: mayDecide && r.requestedBy !== actor!.userId, reject: mayDecide },
  };
}

/** Refunds of one company matching `cond` (on the refunds table), newest first. */
export async function refundViews(db: Executor, actor: Actor | null, companyId: string, cond: SQL, limit: number, offset: number) {
  const rows = await joined(db).where(and(eq(refunds.companyId, companyId), cond)).orderBy(desc(refunds.createdAt), desc(refunds.id)).limit(limit).offset(offset);
  const info = await allocationInfo(db, companyId, rows);
  return rows.map((j) => view(actor, j, info));
}

export async function refundById(db: Executor, actor: Actor | null, companyId: string, id: string) {
  const [row] = await refundViews(db, actor, companyId, eq(refunds.id, id), 1, 0);
  return row;
}

export const countRefunds = async (db: Executor, companyId: string, cond: SQL) =>
  Number((await db.select({ n: sql<number>`count(*)::int` }).from(refunds).where(and(eq(refunds.companyId, companyId), cond)))[0]!.n);
