import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZBillQuery } from '@wuye/shared';
import type { Executor } from '../../db/client.ts';
import { canSeeProject, requireCompany, type Actor } from '../../lib/actor.ts';
import { notFound } from '../../lib/errors.ts';
import { likeEscape } from '../../lib/like.ts';
import { projectScope } from '../../lib/scope-sql.ts';
import { parkingSpaces, rooms } from '../estate/estate.table.ts';
import { feeItems } from './billing.table.ts';
import { billBalances, emptyBalance, type BillBalance } from './bill-balances.ts';
import { billView, entryView } from './bills.service.ts';
import { lateFeesAsOf, today, type LateFeeView } from './late-fees.service.ts';
import { billLines, bills, ledgerEntries } from './ledger.table.ts';
import { waiverViews } from './waivers.views.ts';
import { waivers } from './waivers.table.ts';

type Bill = typeof bills.$inferSelect;
type Line = typeof billLines.$inferSelect;

/** what the ledger still holds against a bill (both components), for the status filters */
const outstanding = sql`(select coalesce(sum(e.amount_fen), 0) from ledger_entries e
  where e.company_id = ${bills.companyId} and e.bill_id = ${bills.id} and e.account = 'receivable')`;

function balanceView(bal: BillBalance, lf: LateFeeView | undefined) {
  const unposted = lf?.unpostedFen ?? 0;
  return {
    principalFen: bal.principalFen, principalOutstandingFen: bal.principalOutstandingFen, lateFeePostedFen: bal.lateFeePostedFen,
    lateFeeOutstandingFen: bal.lateFeeOutstandingFen, paidFen: bal.paidFen, waivedFen: bal.waivedFen,
    lateFeeAccruedFen: lf?.applies ? lf.accruedFen : bal.lateFeePostedFen, lateFeeUnpostedFen: unposted,
    totalDueFen: bal.principalOutstandingFen + bal.lateFeeOutstandingFen + unposted,
  };
}

/** Rows for bills already read: balances, late fees and lines of just these bills (a page, a detail; the resident's list too). */
export async function billRowsOf(db: Executor, companyId: string, page: { b: Bill; feeItemName: string; targetCode: string | null }[], asOf: string, known?: Map<string, LateFeeView>) {
  const ids = page.map((r) => r.b.id);
  if (ids.length === 0) return [];
  const [balances, fees, lines] = await Promise.all([
    billBalances(db, companyId, ids),
    known ?? lateFeesAsOf(db, companyId, ids, asOf),
    db.select().from(billLines).where(and(eq(billLines.companyId, companyId), sql`${billLines.billId} = any(${sql.param(ids)}::uuid[])`)).orderBy(asc(billLines.seq)),
  ]);
  const linesOf = new Map<string, Line[]>();
  for (const l of lines) {
    const list = linesOf.get(l.billId);
    if (list) list.push(l); else linesOf.set(l.billId, [l]);
  }
  return page.map(({ b, feeItemName, targetCode }) => {
    const balance = balanceView(balances.get(b.id) ?? emptyBalance(b.id, b.principalFen), fees.get(b.id));
    return {
      ...billView(b, feeItemName, linesOf.get(b.id) ?? []), targetCode: targetCode ?? '',
      overdue: b.status === 'live' && b.dueDate < asOf && balance.totalDueFen > 0, balance,
    };
  });
}

const selection = { b: bills, feeItemName: feeItems.name, targetCode: sql<string | null>`coalesce(${rooms.code}, ${parkingSpaces.code})` };
const withNames = (db: Executor) => db.select(selection).from(bills)
  .innerJoin(feeItems, eq(feeItems.id, bills.feeItemId))
  .leftJoin(rooms, eq(rooms.id, bills.roomId))
  .leftJoin(parkingSpaces, eq(parkingSpaces.id, bills.parkingSpaceId));

/**
 * 账单查询. Every filter is an indexed predicate on bills (project + period, run, room via the
 * building or code subquery); balances and late fees are computed for the page's bills only. The
 * status filters read the ledger per candidate bill through ledger_entries_bill_idx.
 */
export async function listBills(db: Executor, actor: Actor, q: z.output<typeof ZBillQuery>) {
  const companyId = requireCompany(actor);
  const day = today();
  const conds: SQL[] = [eq(bills.companyId, companyId), projectScope(actor, bills.projectId, q.projectId)];
  if (q.feeItemId) conds.push(eq(bills.feeItemId, q.feeItemId));
  if (q.runId) conds.push(eq(bills.runId, q.runId));
  if (q.periodFrom) conds.push(sql`${bills.periodTo} >= ${q.periodFrom}`);
  if (q.periodTo) conds.push(sql`${bills.periodFrom} <= ${q.periodTo}`);
  if (q.buildingId) conds.push(sql`${bills.roomId} in (select id from rooms where company_id = ${companyId} and building_id = ${q.buildingId})`);
  if (q.q) {
    const prefix = `${likeEscape(q.q)}%`;
    conds.push(sql`(${bills.roomId} in (select id from rooms where company_id = ${companyId} and code like ${prefix})
      or ${bills.parkingSpaceId} in (select id from parking_spaces where company_id = ${companyId} and code like ${prefix}))`);
  }
  if (q.status === 'void') conds.push(eq(bills.status, 'void'));
  else if (q.status !== 'all') {
    conds.push(eq(bills.status, 'live'));
    if (q.status === 'paid') conds.push(sql`${outstanding} <= 0`);
    else conds.push(sql`${outstanding} > 0`);
    if (q.status === 'overdue') conds.push(sql`${bills.dueDate} < ${day}`);
  }
  const where = and(...conds);
  // JIT off: the per-bill sums make the planner's estimates large enough to compile for a second, saving nothing
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    const page = await withNames(tx).where(where).orderBy(desc(bills.periodFrom), desc(bills.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize);
    const [n] = await tx.select({ n: sql<number>`count(*)::int` }).from(bills).where(where);
    return { items: await billRowsOf(tx, companyId, page, day), total: Number(n!.n), page: q.page, pageSize: q.pageSize };
  });
}

function notApplying(b: Bill, lf: LateFeeView | undefined) {
  if (lf?.applies) return null;
  if (b.status === 'void') return 'void' as const;
  return lf?.dailyRatePpm === null ? 'no_rate' as const : 'project_disabled' as const;
}

/** 账单详情: the bill with its lines, its ledger entries (running balance), balances, the late fee explained, its waivers. */
export async function getBillDetail(db: Executor, actor: Actor, id: string) {
  const companyId = requireCompany(actor);
  const [found] = await withNames(db).where(and(eq(bills.companyId, companyId), eq(bills.id, id)));
  if (!found || !canSeeProject(actor, found.b.projectId)) throw notFound('账单');
  const day = today();
  const fees = await lateFeesAsOf(db, companyId, [id], day);
  const [[row], entries, billWaivers] = await Promise.all([
    billRowsOf(db, companyId, [found], day, fees),
    db.select().from(ledgerEntries).where(and(eq(ledgerEntries.companyId, companyId), eq(ledgerEntries.billId, id)))
      .orderBy(asc(ledgerEntries.entryDate), asc(ledgerEntries.createdAt), asc(ledgerEntries.id)),
    waiverViews(db, companyId, eq(waivers.billId, id), 100, 0),
  ]);
  const lf = fees.get(id)!;
  let balance = 0;
  return {
    ...row!,
    lateFee: {
      applies: lf.applies, reason: notApplying(found.b, lf), dailyRatePpm: lf.dailyRatePpm, graceDays: lf.graceDays, capBp: lf.capBp, asOf: lf.asOf,
      accrualStart: lf.accrualStart, days: lf.days, capped: lf.capped, principalDays: lf.principalDays, exact: lf.exact,
      accruedFen: lf.accruedFen, postedFen: lf.postedFen, unpostedFen: lf.unpostedFen,
    },
    entries: entries.map((e) => {
      if (e.account === 'receivable') balance += e.amountFen;
      return entryView(e, balance);
    }),
    waivers: billWaivers,
  };
}
