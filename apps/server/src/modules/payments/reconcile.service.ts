import { and, asc, desc, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { StatementImport, StatementImportDetail, StatementItem, ZStatementImportQuery } from '@wuye/shared';
import type { AppDb, Executor, Tx } from '../../db/client.ts';
import { canSeeProject, requireCompany, type Actor } from '../../lib/actor.ts';
import { conflict, notFound, staleVersion } from '../../lib/errors.ts';
import { iso } from '../../lib/time.ts';
import { users } from '../auth/auth.table.ts';
import { record } from '../audit/audit.service.ts';
import { rooms } from '../estate/estate.table.ts';
import { projects } from '../org/org.table.ts';
import { paymentNotifications, paymentOrders, payments, statementImports, statementItems } from './payments.table.ts';
import { parseStatement, type StatementRow } from './statement-csv.ts';

/**
 * 对账: a provider's statement of one day matched against our online payments by provider
 * transaction id. Online money is the merchant's, i.e. the company's: imports are company-wide
 * (payment.reconcile = HQ and project managers); a project manager sees the payment details of
 * items only for their own projects.
 *
 * - A statement row whose transaction is one of our payments (of any business date: a late callback
 *   posts on the next day) with the same amount is matched; another amount is `amount_mismatch`.
 * - A voided online payment is money the provider still took while our books say 0: it is an
 *   `amount_mismatch` with our amount 0 (someone must refund it or explain it) — never silently matched.
 * - Our posted online payments of that business date absent from the statement are `missing`
 *   (a voided one absent from it is consistent: both sides say 0).
 * - A statement row with no payment of ours is `extra`; the refused notifications of the same
 *   transaction / order (wrong amount, unknown order) are shown beside it as the likely cause.
 * A day may be imported again while open; once reconciled, new imports of it are refused.
 */

type Import = typeof statementImports.$inferSelect;
type Item = typeof statementItems.$inferSelect;
const creator = alias(users, 'creator');
const reconciler = alias(users, 'reconciler');
const CHUNK = 5000;

const unresolvedOf = sql<number>`(select count(*)::int from statement_items i where i.company_id = ${statementImports.companyId} and i.import_id = ${statementImports.id} and not i.resolved)`;

function importView(r: { i: Import; unresolved: number; createdByName: string | null; reconciledByName: string | null }): StatementImport {
  const i = r.i;
  return {
    id: i.id, provider: i.provider, statementDate: i.statementDate, fileName: i.fileName, rowCount: i.rowCount,
    matched: i.matched, missing: i.missing, extra: i.extra, mismatched: i.mismatched, matchedFen: i.matchedFen, unresolved: Number(r.unresolved),
    status: i.status, reconciledBy: i.reconciledBy, reconciledByName: r.reconciledByName, reconciledAt: iso(i.reconciledAt), note: i.note,
    createdBy: i.createdBy, createdByName: r.createdByName, createdAt: i.createdAt.toISOString(), version: i.version,
  };
}

const importSelect = { i: statementImports, unresolved: unresolvedOf, createdByName: creator.name, reconciledByName: reconciler.name };
const importFrom = (db: Executor) => db.select(importSelect).from(statementImports)
  .leftJoin(creator, eq(creator.id, statementImports.createdBy)).leftJoin(reconciler, eq(reconciler.id, statementImports.reconciledBy));

export async function listImports(db: Executor, actor: Actor, q: z.output<typeof ZStatementImportQuery>) {
  const companyId = requireCompany(actor);
  const where: SQL[] = [eq(statementImports.companyId, companyId)];
  if (q.provider) where.push(eq(statementImports.provider, q.provider));
  if (q.status) where.push(eq(statementImports.status, q.status));
  if (q.from) where.push(gte(statementImports.statementDate, q.from));
  if (q.to) where.push(lte(statementImports.statementDate, q.to));
  const [rows, [count]] = await Promise.all([
    importFrom(db).where(and(...where)).orderBy(desc(statementImports.statementDate), desc(statementImports.createdAt))
      .limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(statementImports).where(and(...where)),
  ]);
  return { items: rows.map(importView), total: Number(count?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

async function loadImport(db: Executor, companyId: string, id: string) {
  const [r] = await importFrom(db).where(and(eq(statementImports.companyId, companyId), eq(statementImports.id, id)));
  if (!r) throw notFound('对账记录');
  return r;
}

export async function getImport(db: Executor, actor: Actor, id: string): Promise<StatementImportDetail> {
  const companyId = requireCompany(actor);
  const r = await loadImport(db, companyId, id);
  const items = await db.select({
    it: statementItems, projectId: payments.projectId, projectName: projects.name, roomCode: rooms.code, status: payments.status, businessDate: payments.businessDate,
  }).from(statementItems)
    .leftJoin(payments, and(eq(payments.id, statementItems.paymentId), eq(payments.companyId, companyId)))
    .leftJoin(projects, eq(projects.id, payments.projectId))
    .leftJoin(rooms, eq(rooms.id, payments.roomId))
    .where(and(eq(statementItems.companyId, companyId), eq(statementItems.importId, id)))
    .orderBy(asc(statementItems.resolved), asc(statementItems.kind), asc(statementItems.providerTxnId), asc(statementItems.id));
  const causes = await likelyCauses(db, companyId, r.i.provider, items.filter((x) => x.it.kind === 'extra').map((x) => x.it));
  return {
    ...importView(r),
    items: items.map((x): StatementItem => {
      const visible = !x.projectId || canSeeProject(actor, x.projectId);
      return {
        id: x.it.id, kind: x.it.kind, providerTxnId: x.it.providerTxnId, outTradeNo: x.it.outTradeNo,
        ourAmountFen: x.it.ourAmountFen, theirAmountFen: x.it.theirAmountFen,
        paymentId: visible ? x.it.paymentId : null, projectName: visible ? x.projectName : null, roomCode: visible ? x.roomCode : null,
        paymentStatus: x.status ?? null, businessDate: x.businessDate ?? null, resolved: x.it.resolved, note: x.it.note,
        notifications: x.it.kind === 'extra' ? (causes.get(x.it.id) ?? []) : [],
      };
    }),
  };
}

/** refused notifications (wrong amount, unknown order) of the extra rows' transactions or orders */
async function likelyCauses(db: Executor, companyId: string, provider: Import['provider'], extras: Item[]) {
  const out = new Map<string, StatementItem['notifications']>();
  if (!extras.length) return out;
  const txns = extras.map((x) => x.providerTxnId).filter((x): x is string => !!x);
  const outs = extras.map((x) => x.outTradeNo).filter((x): x is string => !!x);
  const match: SQL[] = [];
  if (txns.length) match.push(inArray(paymentNotifications.providerTxnId, txns));
  if (outs.length) match.push(inArray(paymentNotifications.outTradeNo, outs));
  const rows = await db.select().from(paymentNotifications).where(and(
    eq(paymentNotifications.provider, provider),
    or(eq(paymentNotifications.companyId, companyId), sql`${paymentNotifications.companyId} is null`),
    inArray(paymentNotifications.verdict, ['amount_mismatch', 'unknown_order']),
    or(...match),
  )).orderBy(asc(paymentNotifications.receivedAt)).limit(1000);
  for (const x of extras) {
    out.set(x.id, rows.filter((n) => (x.providerTxnId && n.providerTxnId === x.providerTxnId) || (x.outTradeNo && n.outTradeNo === x.outTradeNo)).map((n) => ({
      id: n.id, verdict: n.verdict, amountFen: n.amountFen, outTradeNo: n.outTradeNo, detail: n.detail, receivedAt: n.receivedAt.toISOString(),
    })));
  }
  return out;
}

interface Ours { id: string; txn: string; amountFen: number; status: 'posted' | 'voided'; businessDate: string; outTradeNo: string | null }

async function ourPayments(tx: Tx, companyId: string, provider: Import['provider'], date: string, txns: string[]): Promise<Ours[]> {
  const pick = (where: SQL) => tx.select({
    id: payments.id, txn: payments.providerTxnId, amountFen: payments.amountFen, status: payments.status, businessDate: payments.businessDate, outTradeNo: paymentOrders.outTradeNo,
  }).from(payments).leftJoin(paymentOrders, eq(paymentOrders.id, payments.orderId))
    .where(and(eq(payments.companyId, companyId), eq(payments.channel, 'online'), eq(payments.provider, provider), where));
  const all = new Map<string, Ours>();
  const add = (rows: Awaited<ReturnType<typeof pick>>) => { for (const r of rows) all.set(r.id, r as Ours); };
  add(await pick(eq(payments.businessDate, date)));
  for (let i = 0; i < txns.length; i += CHUNK) add(await pick(inArray(payments.providerTxnId, txns.slice(i, i + CHUNK))));
  return [...all.values()];
}

type NewItem = typeof statementItems.$inferInsert;

/** The matching itself (pure): what is matched and which items to store. */
export function matchStatement(rows: StatementRow[], ours: Ours[], date: string) {
  const byTxn = new Map(ours.map((o) => [o.txn, o]));
  const inStatement = new Set(rows.map((r) => r.providerTxnId));
  const items: Omit<NewItem, 'companyId' | 'importId'>[] = [];
  let matched = 0;
  let matchedFen = 0;
  for (const r of rows) {
    const o = byTxn.get(r.providerTxnId);
    if (!o) {
      items.push({ kind: 'extra', providerTxnId: r.providerTxnId, outTradeNo: r.outTradeNo, theirAmountFen: r.amountFen });
    } else if (o.status === 'voided') {
      items.push({ kind: 'amount_mismatch', providerTxnId: r.providerTxnId, outTradeNo: r.outTradeNo ?? o.outTradeNo, ourAmountFen: 0, theirAmountFen: r.amountFen, paymentId: o.id });
    } else if (o.amountFen !== r.amountFen) {
      items.push({ kind: 'amount_mismatch', providerTxnId: r.providerTxnId, outTradeNo: r.outTradeNo ?? o.outTradeNo, ourAmountFen: o.amountFen, theirAmountFen: r.amountFen, paymentId: o.id });
    } else {
      matched++;
      matchedFen += r.amountFen;
    }
  }
  for (const o of ours) {
    if (o.businessDate === date && o.status === 'posted' && !inStatement.has(o.txn)) {
      items.push({ kind: 'missing', providerTxnId: o.txn, outTradeNo: o.outTradeNo, ourAmountFen: o.amountFen, paymentId: o.id });
    }
  }
  return { matched, matchedFen, items };
}

export async function importStatement(db: AppDb, actor: Actor, input: { provider: Import['provider']; date: string; fileName: string; data: Buffer }) {
  const companyId = requireCompany(actor);
  const parsed = parseStatement(input.data); // 400 before anything is written
  const id = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`reconcile:${companyId}:${input.provider}:${input.date}`}))`);
    const [done] = await tx.select({ id: statementImports.id }).from(statementImports).where(and(
      eq(statementImports.companyId, companyId), eq(statementImports.provider, input.provider), eq(statementImports.statementDate, input.date), eq(statementImports.status, 'reconciled')));
    if (done) throw conflict(`${input.date} 已对账完成，不能再导入`, [{ path: 'body.date', message: 'already_reconciled', importId: done.id }]);
    const ours = await ourPayments(tx, companyId, input.provider, input.date, parsed.rows.map((r) => r.providerTxnId));
    const m = matchStatement(parsed.rows, ours, input.date);
    const count = (k: NewItem['kind']) => m.items.filter((x) => x.kind === k).length;
    const [imp] = await tx.insert(statementImports).values({
      companyId, provider: input.provider, statementDate: input.date, fileName: input.fileName.slice(0, 200), rowCount: parsed.rows.length,
      matched: m.matched, matchedFen: m.matchedFen, missing: count('missing'), extra: count('extra'), mismatched: count('amount_mismatch'),
      createdBy: actor.userId,
    }).returning();
    for (let i = 0; i < m.items.length; i += 1000) {
      await tx.insert(statementItems).values(m.items.slice(i, i + 1000).map((x) => ({
        ...x, companyId, importId: imp!.id, note: x.kind === 'amount_mismatch' && x.ourAmountFen === 0 ? '本方收款已作废，渠道已收款（需退款或说明）' : null,
      })));
    }
    await record(tx, actor, 'payment.statement_imported', { type: 'statement_import', id: imp!.id }, null, {
      provider: input.provider, date: input.date, format: parsed.format, rows: parsed.rows.length, skipped: parsed.skipped,
      matched: m.matched, missing: imp!.missing, extra: imp!.extra, mismatched: imp!.mismatched,
    });
    return imp!.id;
  });
  return { ...(await getImport(db, actor, id)), format: parsed.format, skippedRows: parsed.skipped };
}

export async function resolveItem(db: AppDb, actor: Actor, itemId: string, note: string) {
  const companyId = requireCompany(actor);
  const importId = await db.transaction(async (tx) => {
    const [row] = await tx.select({ it: statementItems, status: statementImports.status }).from(statementItems)
      .innerJoin(statementImports, and(eq(statementImports.id, statementItems.importId), eq(statementImports.companyId, companyId)))
      .where(and(eq(statementItems.companyId, companyId), eq(statementItems.id, itemId))).for('update');
    if (!row) throw notFound('对账差异');
    if (row.status === 'reconciled') throw conflict('该日已对账完成，差异不能再修改', [{ path: 'params.id', message: 'already_reconciled' }]);
    const [after] = await tx.update(statementItems).set({ resolved: true, note }).where(eq(statementItems.id, itemId)).returning();
    await tx.update(statementImports).set({ version: sql`${statementImports.version} + 1` }).where(eq(statementImports.id, row.it.importId));
    await record(tx, actor, 'payment.statement_item_resolved', { type: 'statement_item', id: itemId }, row.it, after);
    return row.it.importId;
  });
  return getImport(db, actor, importId);
}

export async function reconcileDay(db: AppDb, actor: Actor, id: string, input: { version: number; note?: string }) {
  const companyId = requireCompany(actor);
  await db.transaction(async (tx) => {
    const [imp] = await tx.select().from(statementImports).where(and(eq(statementImports.companyId, companyId), eq(statementImports.id, id))).for('update');
    if (!imp) throw notFound('对账记录');
    if (imp.status === 'reconciled') throw conflict('该日已对账完成', [{ path: 'params.id', message: 'already_reconciled' }]);
    if (imp.version !== input.version) throw staleVersion();
    const [open] = await tx.select({ n: sql<number>`count(*)::int` }).from(statementItems)
      .where(and(eq(statementItems.companyId, companyId), eq(statementItems.importId, id), eq(statementItems.resolved, false)));
    const unresolved = Number(open?.n ?? 0);
    if (unresolved > 0) throw conflict(`还有 ${unresolved} 条差异未处理，不能标记对账完成`, [{ path: 'params.id', message: 'unresolved_items', count: unresolved }]);
    const [after] = await tx.update(statementImports).set({
      status: 'reconciled', reconciledBy: actor.userId, reconciledAt: new Date(), note: input.note ?? imp.note, version: imp.version + 1,
    }).where(eq(statementImports.id, id)).returning();
    await record(tx, actor, 'payment.day_reconciled', { type: 'statement_import', id }, imp, after);
  });
  return getImport(db, actor, id);
}
