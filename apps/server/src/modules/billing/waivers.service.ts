import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZWaiverApprove, ZWaiverCreate, ZWaiverQuery, ZWaiverReject, ZWaiverWithdraw } from '@wuye/shared';
import type { AppDb, Tx } from '../../db/client.ts';
import { requireCompany, type Actor } from '../../lib/actor.ts';
import { AppError, badRequest, conflict, forbidden } from '../../lib/errors.ts';
import { lockInScope } from '../../lib/lock-scoped.ts';
import { projectScope } from '../../lib/scope-sql.ts';
import { record } from '../audit/audit.service.ts';
import { billBalances, emptyBalance } from './bill-balances.ts';
import { lateFeesAsOf, postLateFees, today } from './late-fees.service.ts';
import { bills, ledgerEntries } from './ledger.table.ts';
import { waiverById, waiverViews } from './waivers.views.ts';
import { waivers } from './waivers.table.ts';

type Bill = typeof bills.$inferSelect;
type Waiver = typeof waivers.$inferSelect;

/**
 * How much of each component may still be waived: principal up to its outstanding, late fee up to
 * the posted outstanding plus what has accrued unposted today. `make` builds the refusal (400 when
 * asking, 409 when approving: then the bill changed since).
 */
async function checkWaivable(tx: Tx, bill: Bill, principalFen: number, lateFeeFen: number, make: (m: string, d: unknown) => AppError) {
  // sequential: one transaction is one connection
  const balances = await billBalances(tx, bill.companyId, [bill.id]);
  const fees = await lateFeesAsOf(tx, bill.companyId, [bill.id], today());
  const bal = balances.get(bill.id) ?? emptyBalance(bill.id, bill.principalFen);
  const maxLate = bal.lateFeeOutstandingFen + (fees.get(bill.id)?.unpostedFen ?? 0);
  const details: { path: string; message: string; maxFen: number }[] = [];
  if (principalFen > bal.principalOutstandingFen) details.push({ path: 'body.principalFen', message: 'exceeds_outstanding', maxFen: Math.max(0, bal.principalOutstandingFen) });
  if (lateFeeFen > maxLate) details.push({ path: 'body.lateFeeFen', message: 'exceeds_outstanding', maxFen: Math.max(0, maxLate) });
  if (details.length) {
    throw make(`减免金额超过未缴金额（本金最多 ${Math.max(0, bal.principalOutstandingFen)} 分，滞纳金最多 ${Math.max(0, maxLate)} 分）`, details);
  }
}

const refuseVoid = (b: Bill) => {
  if (b.status === 'void') throw conflict('账单已作废，不能减免', [{ path: 'body.billId', message: 'bill_void' }]);
};

async function viewOf(tx: Tx, w: Waiver) {
  return (await waiverById(tx, w.companyId, w.id))!;
}

/** 减免申请: checked against what is owed now, posted only when someone else approves it. */
export function requestWaiver(db: AppDb, actor: Actor, input: z.output<typeof ZWaiverCreate>) {
  return db.transaction(async (tx) => {
    const bill = await lockInScope(tx, bills, actor, input.billId, '账单');
    refuseVoid(bill);
    await checkWaivable(tx, bill, input.principalFen, input.lateFeeFen, badRequest);
    const [w] = await tx.insert(waivers).values({
      companyId: bill.companyId, projectId: bill.projectId, billId: bill.id, principalFen: input.principalFen, lateFeeFen: input.lateFeeFen,
      reason: input.reason, requestedBy: actor.userId!,
    }).returning();
    const view = await viewOf(tx, w!);
    await record(tx, actor, 'billing.waiver_requested', { type: 'waiver', id: w!.id, projectId: bill.projectId }, null, view);
    return view;
  });
}

export async function listWaivers(db: AppDb, actor: Actor, q: z.output<typeof ZWaiverQuery>) {
  const companyId = requireCompany(actor);
  const conds: SQL[] = [projectScope(actor, waivers.projectId, q.projectId)];
  if (q.status) conds.push(eq(waivers.status, q.status));
  if (q.billId) conds.push(eq(waivers.billId, q.billId));
  const cond = and(...conds)!;
  const [items, [n]] = await Promise.all([
    waiverViews(db, companyId, cond, q.pageSize, (q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(waivers).where(and(eq(waivers.companyId, companyId), cond)),
  ]);
  return { items, total: Number(n!.n), page: q.page, pageSize: q.pageSize };
}

/** The waiver locked, at the caller's version, still awaiting a decision. */
async function pending(tx: Tx, actor: Actor, id: string, version: number) {
  const w = await lockInScope(tx, waivers, actor, id, '减免申请', version);
  if (w.status !== 'requested') throw conflict(`该减免申请已${w.status === 'approved' ? '批准' : w.status === 'rejected' ? '驳回' : '撤回'}`, [{ path: 'status', message: w.status }]);
  return w;
}

async function decide(tx: Tx, actor: Actor, w: Waiver, status: 'approved' | 'rejected' | 'withdrawn', note: string | null) {
  const decided = status !== 'withdrawn';
  const [after] = await tx.update(waivers).set({
    status, decidedBy: actor.userId, decidedAt: new Date(), decisionNote: note, version: sql`${waivers.version} + 1`,
  }).where(and(eq(waivers.id, w.id), eq(waivers.version, w.version))).returning();
  const action = status === 'approved' ? 'billing.waiver_approved' : status === 'rejected' ? 'billing.waiver_rejected' : 'billing.waiver_withdrawn';
  const view = await viewOf(tx, after!);
  await record(tx, actor, action, { type: 'waiver', id: w.id, projectId: w.projectId }, { status: w.status, version: w.version }, decided ? view : { status, version: view.version });
  return view;
}

/**
 * 批准减免: four eyes (the requester may not approve), under the waiver's and then the bill's row
 * lock (one order everywhere), so two approvals cannot both post. The late fee is posted up to
 * today first when it is waived, then what is owed is re-checked and one `waiver` entry per
 * non-zero component is posted (negative, today).
 */
export function approveWaiver(db: AppDb, actor: Actor, id: string, input: z.output<typeof ZWaiverApprove>) {
  return db.transaction(async (tx) => {
    const w = await pending(tx, actor, id, input.version);
    if (w.requestedBy === actor.userId) throw forbidden('不能审批自己提交的减免申请');
    const [bill] = await tx.select().from(bills).where(and(eq(bills.companyId, w.companyId), eq(bills.id, w.billId))).for('update');
    refuseVoid(bill!);
    const day = today();
    if (w.lateFeeFen > 0) await postLateFees(tx, actor, [bill!.id], day);
    await checkWaivable(tx, bill!, w.principalFen, w.lateFeeFen, conflict);
    const parts = ([['principal', w.principalFen], ['late_fee', w.lateFeeFen]] as const).filter(([, fen]) => fen > 0);
    await tx.insert(ledgerEntries).values(parts.map(([component, fen]) => ({
      companyId: bill!.companyId, projectId: bill!.projectId, roomId: bill!.roomId, parkingSpaceId: bill!.parkingSpaceId, feeItemId: bill!.feeItemId,
      billId: bill!.id, kind: 'waiver' as const, account: 'receivable' as const, component, amountFen: -fen, entryDate: day,
      note: `减免：${w.reason}`, createdBy: actor.userId,
    })));
    return decide(tx, actor, w, 'approved', input.note ?? null);
  });
}

export function rejectWaiver(db: AppDb, actor: Actor, id: string, input: z.output<typeof ZWaiverReject>) {
  return db.transaction(async (tx) => decide(tx, actor, await pending(tx, actor, id, input.version), 'rejected', input.note));
}

/** Only the requester withdraws their own request. */
export function withdrawWaiver(db: AppDb, actor: Actor, id: string, input: z.output<typeof ZWaiverWithdraw>) {
  return db.transaction(async (tx) => {
    const w = await pending(tx, actor, id, input.version);
    if (w.requestedBy !== actor.userId) throw forbidden('只有申请人可以撤回减免申请');
    return decide(tx, actor, w, 'withdrawn', null);
  });
}
