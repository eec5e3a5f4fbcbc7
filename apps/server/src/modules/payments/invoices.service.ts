import { and, eq, inArray, sql } from 'drizzle-orm';
import type { InvoiceCreate, InvoiceLine } from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import type { Executor, Tx } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { canSeeProject, requireCompany, type Actor } from '../../lib/actor.ts';
import { badRequest, conflict, duplicate, notFound } from '../../lib/errors.ts';
import { record } from '../audit/audit.service.ts';
import { invoicePayments, invoices, payments } from './payments.table.ts';
import { invoiceIssueJob } from './einvoice/jobs-def.ts';

/**
 * 发票 requests, red letters and retries; the issuing itself (through the e-invoice adapter) is the
 * `invoice-issue` job (einvoice/issue.ts). What is invoiced is what the payments paid on bills, per
 * fee item (principal and late fee together), net of refunds; the part of a payment that went into
 * prepaid is not invoiced here (it is invoiced when consumed — docs/payments-plan.md "Invoices").
 */

type Row = typeof invoices.$inferSelect;

/** tax in a tax-included amount: round(amount × r / (1 + r)) half-up, exact in integers (r = bp / 10,000) */
export function taxOf(amountFen: number, taxRateBp: number): number {
  const a = BigInt(Math.abs(amountFen)), bp = BigInt(taxRateBp), d = 10_000n + bp;
  const t = Number((2n * a * bp + d) / (2n * d));
  return amountFen < 0 ? -t : t;
}

/** what each payment paid per fee item, net of refunds: the lines of an invoice and each payment's share */
export async function invoiceableOf(db: Executor, companyId: string, paymentIds: string[]) {
  if (paymentIds.length === 0) return { lines: [] as InvoiceLine[], perPayment: new Map<string, number>(), amountFen: 0, taxFen: 0 };
  const rows = rowsOf(await db.execute(sql`
    select a.payment_id as "paymentId", f.id as "feeItemId", f.name, f.invoice_category as "invoiceCategory", f.tax_rate_bp as "taxRateBp",
           sum(a.amount_fen - a.refunded_fen)::bigint as fen
      from payment_allocations a join bills b on b.id = a.bill_id join fee_items f on f.id = b.fee_item_id
     where a.company_id = ${companyId} and a.payment_id = any(${sql.param(paymentIds)}::uuid[])
     group by 1, 2, 3, 4, 5`));
  const perPayment = new Map<string, number>(paymentIds.map((id) => [id, 0]));
  const byItem = new Map<string, InvoiceLine>();
  for (const r of rows) {
    const fen = Number(r.fen);
    perPayment.set(r.paymentId, (perPayment.get(r.paymentId) ?? 0) + fen);
    const l = byItem.get(r.feeItemId) ?? { feeItemId: r.feeItemId, name: r.name, invoiceCategory: r.invoiceCategory, taxRateBp: Number(r.taxRateBp), amountFen: 0, taxFen: 0 };
    l.amountFen += fen;
    byItem.set(r.feeItemId, l);
  }
  const lines = [...byItem.values()].filter((l) => l.amountFen > 0)
    .map((l) => ({ ...l, taxFen: taxOf(l.amountFen, l.taxRateBp) }))
    .sort((x, y) => x.name.localeCompare(y.name, 'zh-CN') || x.feeItemId.localeCompare(y.feeItemId));
  return { lines, perPayment, amountFen: lines.reduce((s, l) => s + l.amountFen, 0), taxFen: lines.reduce((s, l) => s + l.taxFen, 0) };
}

/** The rooms a resident is bound to today (404 for any other, a neighbour's included). */
export async function residentRoomIds(db: Executor, actor: Actor): Promise<string[]> {
  if (!actor.companyId || !actor.membershipId) return [];
  const res = await db.execute(sql`select room_id as id from resident_rooms
    where company_id = ${actor.companyId} and membership_id = ${actor.membershipId} and status = 'active'`);
  return rowsOf(res).map((r) => r.id as string);
}

/** May this actor see the invoice or payment of this project/room? Staff by project scope, residents by their rooms. */
export async function visibleTo(db: Executor, actor: Actor, row: { projectId: string; roomId: string }, resident: boolean) {
  if (resident) return (await residentRoomIds(db, actor)).includes(row.roomId);
  return canSeeProject(actor, row.projectId);
}

/** enqueue the issuing in the caller's transaction; false when jobs do not run here (the caller issues after commit) */
export async function queueIssue(tx: Tx, ctx: AppContext, invoiceId: string) {
  if (!ctx.jobs || !ctx.jobs.names.includes(invoiceIssueJob.name)) return false;
  await ctx.jobs.send(invoiceIssueJob, { invoiceId }, { tx, singletonKey: invoiceId });
  return true;
}

async function insertBlue(tx: Tx, actor: Actor, p: { companyId: string; projectId: string; roomId: string; paymentIds: string[] },
  buyer: Pick<Row, 'buyerType' | 'buyerName' | 'buyerTaxId' | 'buyerEmail'>, calc: Awaited<ReturnType<typeof invoiceableOf>>) {
  const [inv] = await tx.insert(invoices).values({
    companyId: p.companyId, projectId: p.projectId, roomId: p.roomId, kind: 'blue', status: 'requested',
    buyerType: buyer.buyerType, buyerName: buyer.buyerName, buyerTaxId: buyer.buyerTaxId, buyerEmail: buyer.buyerEmail,
    amountFen: calc.amountFen, taxFen: calc.taxFen, lines: calc.lines, requestedBy: actor.userId,
  }).returning();
  const links = p.paymentIds.filter((id) => (calc.perPayment.get(id) ?? 0) > 0);
  await tx.insert(invoicePayments).values(links.map((paymentId) => ({ companyId: p.companyId, invoiceId: inv!.id, paymentId, amountFen: calc.perPayment.get(paymentId)! })));
  await record(tx, actor, 'payment.invoice_requested', { type: 'invoice', id: inv!.id, projectId: p.projectId }, null,
    { kind: 'blue', paymentIds: links, amountFen: calc.amountFen, taxFen: calc.taxFen, buyerType: buyer.buyerType, buyerName: buyer.buyerName });
  return inv!;
}

/**
 * 开票申请 for payments of one room: posted, visible to the actor (residents: their own rooms), on no
 * live blue invoice (the partial unique index `invoice_payments_active_uq` is the backstop → 409),
 * with something paid on bills left after refunds. Returns the new invoice (status requested).
 */
export async function requestInvoice(tx: Tx, ctx: AppContext, actor: Actor, input: InvoiceCreate, opts: { resident?: boolean } = {}) {
  const companyId = requireCompany(actor);
  const ids = input.paymentIds;
  if (new Set(ids).size !== ids.length) throw badRequest('同一笔收款不能重复选择', [{ path: 'body.paymentIds', message: 'duplicate' }]);
  const found = await tx.select({ id: payments.id, projectId: payments.projectId, roomId: payments.roomId }).from(payments)
    .where(and(eq(payments.companyId, companyId), inArray(payments.id, ids)));
  const mine = opts.resident ? new Set(await residentRoomIds(tx, actor)) : null;
  const visible = found.filter((p) => (mine ? mine.has(p.roomId) : canSeeProject(actor, p.projectId)));
  if (visible.length !== ids.length) throw notFound('收款');
  const roomId = visible[0]!.roomId, projectId = visible[0]!.projectId;
  if (visible.some((p) => p.roomId !== roomId)) throw badRequest('一张发票只能包含同一房屋的收款', [{ path: 'body.paymentIds', message: 'different_rooms' }]);

  // lock order as everywhere: the room, then its payments (refunds change what is invoiceable)
  await tx.execute(sql`select id from rooms where company_id = ${companyId} and id = ${roomId} for no key update`);
  const locked = rowsOf(await tx.execute(sql`select id, status from payments where company_id = ${companyId} and id = any(${sql.param(ids)}::uuid[]) order by id for update`));
  const voided = locked.filter((p) => p.status !== 'posted').map((p) => p.id);
  if (voided.length) throw conflict('收款已作废，不能开票', [{ path: 'body.paymentIds', message: 'payment_voided', paymentIds: voided }]);
  const taken = await tx.select({ paymentId: invoicePayments.paymentId, invoiceId: invoicePayments.invoiceId }).from(invoicePayments)
    .where(and(eq(invoicePayments.companyId, companyId), inArray(invoicePayments.paymentId, ids), eq(invoicePayments.active, true)));
  if (taken.length) throw duplicate('所选收款已开具发票（或正在开具）', [{ path: 'body.paymentIds', message: 'already_invoiced', paymentIds: taken.map((t) => t.paymentId), invoiceIds: [...new Set(taken.map((t) => t.invoiceId))] }]);
  const calc = await invoiceableOf(tx, companyId, ids);
  const empty = ids.filter((id) => (calc.perPayment.get(id) ?? 0) <= 0);
  if (empty.length) throw badRequest('所选收款没有可开票金额（仅预存或已全部退款）', [{ path: 'body.paymentIds', message: 'nothing_to_invoice', paymentIds: empty }]);
  const buyer = {
    buyerType: input.buyerType, buyerName: input.buyerName, buyerTaxId: input.buyerTaxId || null, buyerEmail: input.buyerEmail ?? null,
  };
  const inv = await insertBlue(tx, actor, { companyId, projectId, roomId, paymentIds: ids }, buyer, calc);
  await queueIssue(tx, ctx, inv.id);
  return inv;
}

/** the invoice row, locked, if the actor may see it (else 404) */
export async function lockVisible(tx: Tx, actor: Actor, id: string, resident = false) {
  const companyId = requireCompany(actor);
  const [inv] = await tx.select().from(invoices).where(and(eq(invoices.companyId, companyId), eq(invoices.id, id))).for('update');
  if (!inv || !(await visibleTo(tx, actor, inv, resident))) throw notFound('发票');
  return inv;
}

/**
 * 红冲: a red invoice for the blue's full amount (lines mirrored), the blue `reversed` at once and its
 * payments released (invoice_payments.active = false) so they can be invoiced again; the red is issued
 * by the job. Only an issued blue invoice can be reversed (else 409).
 */
export async function reverseInvoice(tx: Tx, ctx: AppContext, actor: Actor, blue: Row, reason: string) {
  if (blue.kind !== 'blue' || blue.status !== 'issued') {
    throw conflict(`只有已开具的蓝字发票可以红冲（当前：${blue.kind === 'red' ? '红字发票' : blue.status}）`, [{ path: 'params.id', message: 'not_reversible', status: blue.status, kind: blue.kind }]);
  }
  const lines = (blue.lines as InvoiceLine[]).map((l) => ({ ...l, amountFen: -l.amountFen, taxFen: -l.taxFen }));
  const [red] = await tx.insert(invoices).values({
    companyId: blue.companyId, projectId: blue.projectId, roomId: blue.roomId, kind: 'red', redOf: blue.id, status: 'requested',
    buyerType: blue.buyerType, buyerName: blue.buyerName, buyerTaxId: blue.buyerTaxId, buyerEmail: blue.buyerEmail,
    amountFen: -blue.amountFen, taxFen: -blue.taxFen, lines, requestedBy: actor.userId,
  }).returning();
  const links = await tx.update(invoicePayments).set({ active: false })
    .where(and(eq(invoicePayments.companyId, blue.companyId), eq(invoicePayments.invoiceId, blue.id), eq(invoicePayments.active, true)))
    .returning({ paymentId: invoicePayments.paymentId, amountFen: invoicePayments.amountFen });
  if (links.length) {
    await tx.insert(invoicePayments).values(links.map((l) => ({ companyId: blue.companyId, invoiceId: red!.id, paymentId: l.paymentId, amountFen: -l.amountFen, active: false })));
  }
  const [after] = await tx.update(invoices).set({ status: 'reversed', version: sql`${invoices.version} + 1` }).where(eq(invoices.id, blue.id)).returning();
  await record(tx, actor, 'payment.invoice_reversed', { type: 'invoice', id: blue.id, projectId: blue.projectId },
    { status: blue.status, version: blue.version }, { status: after!.status, version: after!.version, redInvoiceId: red!.id, reason, paymentIds: links.map((l) => l.paymentId) });
  await queueIssue(tx, ctx, red!.id);
  return { red: red!, paymentIds: links.map((l) => l.paymentId) };
}

/** 重新开具 a failed invoice (blue or red): back to requested, the job tries again */
export async function retryInvoice(tx: Tx, ctx: AppContext, actor: Actor, inv: Row) {
  if (inv.status !== 'failed') throw conflict(`只有开具失败的发票可以重试（当前：${inv.status}）`, [{ path: 'params.id', message: 'not_failed', status: inv.status }]);
  const [after] = await tx.update(invoices).set({ status: 'requested', failReason: null, version: sql`${invoices.version} + 1` }).where(eq(invoices.id, inv.id)).returning();
  await record(tx, actor, 'payment.invoice_requested', { type: 'invoice', id: inv.id, projectId: inv.projectId },
    { status: inv.status, failReason: inv.failReason }, { status: 'requested', retry: true, version: after!.version });
  await queueIssue(tx, ctx, inv.id);
  return after!;
}

/**
 * Brings a blue invoice in line with its payments after a refund. Issued: red-letter it in full and
 * request a new blue invoice (same buyer) for what remains invoiceable on those payments. Not yet sent
 * to the platform (requested / failed): its lines are recomputed in place (nothing left → reversed).
 * Issuing: left alone — the issue job compares the amounts once the platform answers and does the same.
 */
export async function reconcileBlue(tx: Tx, ctx: AppContext, actor: Actor, blue: Row, reason: string) {
  const links = await tx.select({ paymentId: invoicePayments.paymentId }).from(invoicePayments)
    .where(and(eq(invoicePayments.companyId, blue.companyId), eq(invoicePayments.invoiceId, blue.id), eq(invoicePayments.active, true)));
  const paymentIds = links.map((l) => l.paymentId);
  const calc = await invoiceableOf(tx, blue.companyId, paymentIds);
  if (calc.amountFen === blue.amountFen) return { redInvoiceId: null, reissuedInvoiceId: null };
  if (blue.status === 'issued') {
    const { red } = await reverseInvoice(tx, ctx, actor, blue, reason);
    if (calc.amountFen <= 0) return { redInvoiceId: red.id, reissuedInvoiceId: null };
    const next = await insertBlue(tx, actor, { companyId: blue.companyId, projectId: blue.projectId, roomId: blue.roomId, paymentIds }, blue, calc);
    await queueIssue(tx, ctx, next.id);
    return { redInvoiceId: red.id, reissuedInvoiceId: next.id };
  }
  if (blue.status === 'requested' || blue.status === 'failed') {
    if (calc.amountFen <= 0) {
      await tx.update(invoicePayments).set({ active: false }).where(and(eq(invoicePayments.companyId, blue.companyId), eq(invoicePayments.invoiceId, blue.id)));
      await tx.update(invoices).set({ status: 'reversed', version: sql`${invoices.version} + 1` }).where(eq(invoices.id, blue.id));
      await record(tx, actor, 'payment.invoice_reversed', { type: 'invoice', id: blue.id, projectId: blue.projectId }, { status: blue.status }, { status: 'reversed', reason, issued: false });
      return { redInvoiceId: null, reissuedInvoiceId: null };
    }
    await tx.update(invoices).set({ amountFen: calc.amountFen, taxFen: calc.taxFen, lines: calc.lines, version: sql`${invoices.version} + 1` }).where(eq(invoices.id, blue.id));
    for (const id of paymentIds) {
      await tx.update(invoicePayments).set({ amountFen: calc.perPayment.get(id) ?? 0 })
        .where(and(eq(invoicePayments.companyId, blue.companyId), eq(invoicePayments.invoiceId, blue.id), eq(invoicePayments.paymentId, id)));
    }
    await record(tx, actor, 'payment.invoice_requested', { type: 'invoice', id: blue.id, projectId: blue.projectId },
      { amountFen: blue.amountFen }, { amountFen: calc.amountFen, reason, recomputed: true });
  }
  return { redInvoiceId: null, reissuedInvoiceId: null };
}

/**
 * For the refund posting (refunds slice), in its transaction, AFTER the refund has updated the
 * payment's and allocations' `refunded_fen`: if the payment is on a live blue invoice, red-letter it
 * and re-invoice the rest (see reconcileBlue). Returns what it did (nulls = nothing to do).
 */
export async function redLetterForRefund(tx: Tx, ctx: AppContext, actor: Actor, paymentId: string, refundId: string) {
  const companyId = requireCompany(actor);
  const [link] = await tx.select({ invoiceId: invoicePayments.invoiceId }).from(invoicePayments)
    .where(and(eq(invoicePayments.companyId, companyId), eq(invoicePayments.paymentId, paymentId), eq(invoicePayments.active, true)));
  if (!link) return { redInvoiceId: null, reissuedInvoiceId: null };
  const [blue] = await tx.select().from(invoices).where(and(eq(invoices.companyId, companyId), eq(invoices.id, link.invoiceId))).for('update');
  if (!blue || blue.kind !== 'blue') return { redInvoiceId: null, reissuedInvoiceId: null };
  return reconcileBlue(tx, ctx, actor, blue, `退款红冲（退款 ${refundId}）`);
}
