import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { InvoiceLine, ZInvoiceableQuery, ZInvoiceQuery, ZMyInvoiceQuery } from '@wuye/shared';
import type { Executor } from '../../../db/client.ts';
import { rowsOf } from '../../../db/rows.ts';
import { listProjects, requireCompany, type Actor } from '../../../lib/actor.ts';
import { notFound } from '../../../lib/errors.ts';
import { BUSINESS_TZ } from '../../../lib/time.ts';
import { residentRoomIds, visibleTo } from '../invoices.service.ts';

/** Reads of invoices for the console and the resident app, each filtered by the actor's scope. */

const isoOf = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());

const SELECT = sql`select i.id, i.project_id as "projectId", p.name as "projectName", i.room_id as "roomId", r.code as "roomCode",
  i.kind, i.status, i.red_of as "redOf", (select x.id from invoices x where x.red_of = i.id) as "reversedBy",
  i.buyer_type as "buyerType", i.buyer_name as "buyerName", i.buyer_tax_id as "buyerTaxId", i.buyer_email as "buyerEmail",
  i.amount_fen as "amountFen", i.tax_fen as "taxFen", i.invoice_no as "invoiceNo", i.check_code as "checkCode",
  i.file_id as "fileId", i.fail_reason as "failReason", i.issued_at as "issuedAt", i.created_at as "createdAt", i.version, i.lines
  from invoices i join projects p on p.id = i.project_id join rooms r on r.id = i.room_id`;

function view(r: any) {
  return {
    id: r.id, projectId: r.projectId, projectName: r.projectName, roomId: r.roomId, roomCode: r.roomCode, kind: r.kind, status: r.status,
    redOf: r.redOf ?? null, reversedBy: r.reversedBy ?? null, buyerType: r.buyerType, buyerName: r.buyerName, buyerTaxId: r.buyerTaxId ?? null,
    buyerEmail: r.buyerEmail ?? null, amountFen: Number(r.amountFen), taxFen: Number(r.taxFen), invoiceNo: r.invoiceNo ?? null,
    checkCode: r.checkCode ?? null, hasPdf: !!r.fileId, failReason: r.failReason ?? null, issuedAt: isoOf(r.issuedAt),
    createdAt: isoOf(r.createdAt)!, version: Number(r.version),
  };
}

const scopeOf = (actor: Actor, requested?: string): SQL => {
  const ids = listProjects(actor, requested);
  if (ids === 'all') return sql`true`;
  return ids.length ? sql`i.project_id = any(${sql.param(ids)}::uuid[])` : sql`false`;
};

async function page(db: Executor, where: SQL, q: { page: number; pageSize: number }) {
  const [items, [n]] = await Promise.all([
    db.execute(sql`${SELECT} where ${where} order by i.created_at desc, i.id desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`),
    db.execute(sql`select count(*)::int as n from invoices i where ${where}`).then(rowsOf),
  ]);
  return { items: rowsOf(items).map(view), total: Number(n.n), page: q.page, pageSize: q.pageSize };
}

export async function listInvoices(db: Executor, actor: Actor, q: z.output<typeof ZInvoiceQuery>) {
  const companyId = requireCompany(actor);
  const conds: SQL[] = [sql`i.company_id = ${companyId}`, scopeOf(actor, q.projectId)];
  if (q.roomId) conds.push(sql`i.room_id = ${q.roomId}`);
  if (q.status) conds.push(sql`i.status = ${q.status}`);
  if (q.kind) conds.push(sql`i.kind = ${q.kind}`);
  if (q.from) conds.push(sql`(i.created_at at time zone ${BUSINESS_TZ})::date >= ${q.from}::date`);
  if (q.to) conds.push(sql`(i.created_at at time zone ${BUSINESS_TZ})::date <= ${q.to}::date`);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(sql`(i.invoice_no like ${like} or i.buyer_name like ${like})`);
  }
  return page(db, sql.join(conds, sql` and `), q);
}

export async function myInvoices(db: Executor, actor: Actor, q: z.output<typeof ZMyInvoiceQuery>) {
  const companyId = requireCompany(actor);
  const rooms = await residentRoomIds(db, actor);
  const ids = q.roomId ? rooms.filter((r) => r === q.roomId) : rooms;
  if (ids.length === 0) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  return page(db, sql`i.company_id = ${companyId} and i.room_id = any(${sql.param(ids)}::uuid[])`, q);
}

/** one invoice with its lines and payments; 404 outside the actor's scope */
export async function invoiceDetail(db: Executor, actor: Actor, id: string, resident = false) {
  const companyId = requireCompany(actor);
  const [r] = rowsOf(await db.execute(sql`${SELECT} where i.company_id = ${companyId} and i.id = ${id}`));
  if (!r || !(await visibleTo(db, actor, r, resident))) throw notFound('发票');
  const pays = rowsOf(await db.execute(sql`select ip.payment_id as "paymentId", ip.amount_fen as "amountFen", pm.business_date as "businessDate",
      pm.channel, rc.number as "receiptNumber"
    from invoice_payments ip join payments pm on pm.id = ip.payment_id left join receipts rc on rc.payment_id = pm.id
    where ip.company_id = ${companyId} and ip.invoice_id = ${id} order by pm.created_at, pm.id`));
  const v = view(r);
  const canManage = !resident && actor.permissions.has('payment.invoice.manage');
  return {
    ...v, lines: r.lines as InvoiceLine[],
    payments: pays.map((p) => ({ paymentId: p.paymentId, amountFen: Number(p.amountFen), businessDate: String(p.businessDate), channel: p.channel, receiptNumber: p.receiptNumber ?? null })),
    abilities: { red: canManage && v.kind === 'blue' && v.status === 'issued', retry: canManage && v.status === 'failed' },
  };
}

/** the file id of an issued invoice's PDF, if the actor may see the invoice */
export async function invoiceFile(db: Executor, actor: Actor, id: string, resident = false) {
  const companyId = requireCompany(actor);
  const [r] = rowsOf(await db.execute(sql`select project_id as "projectId", room_id as "roomId", file_id as "fileId", invoice_no as "invoiceNo", kind
    from invoices where company_id = ${companyId} and id = ${id}`));
  if (!r || !(await visibleTo(db, actor, r, resident))) throw notFound('发票');
  return r as { fileId: string | null; invoiceNo: string | null; kind: 'blue' | 'red' };
}

/**
 * Payments that can still be invoiced: posted, on no live blue invoice, with something paid on bills
 * left after refunds; staff see their projects' (optionally one room), residents their rooms'.
 */
export async function invoiceablePayments(db: Executor, actor: Actor, q: z.output<typeof ZInvoiceableQuery>, resident = false) {
  const companyId = requireCompany(actor);
  const conds: SQL[] = [sql`pm.company_id = ${companyId}`, sql`pm.status = 'posted'`,
    sql`not exists (select 1 from invoice_payments ip where ip.payment_id = pm.id and ip.active)`];
  if (resident) {
    const rooms = await residentRoomIds(db, actor);
    const ids = q.roomId ? rooms.filter((r) => r === q.roomId) : rooms;
    if (ids.length === 0) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
    conds.push(sql`pm.room_id = any(${sql.param(ids)}::uuid[])`);
  } else {
    const ids = listProjects(actor, q.projectId);
    if (ids !== 'all') conds.push(ids.length ? sql`pm.project_id = any(${sql.param(ids)}::uuid[])` : sql`false`);
    if (q.roomId) conds.push(sql`pm.room_id = ${q.roomId}`);
  }
  const where = sql.join(conds, sql` and `);
  const base = sql`select pm.id, pm.room_id, pm.project_id, pm.business_date, pm.channel, pm.amount_fen, pm.refunded_fen, pm.prepaid_fen, pm.created_at,
      (select coalesce(sum(a.amount_fen - a.refunded_fen), 0) from payment_allocations a where a.company_id = pm.company_id and a.payment_id = pm.id)::bigint as net
    from payments pm where ${where}`;
  const [items, [n]] = await Promise.all([
    db.execute(sql`select b.*, r.code as room_code, rc.number as receipt_number from (${base}) b
      join rooms r on r.id = b.room_id left join receipts rc on rc.payment_id = b.id
      where b.net > 0 order by b.created_at desc, b.id desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`).then(rowsOf),
    db.execute(sql`select count(*)::int as n from (${base}) b where b.net > 0`).then(rowsOf),
  ]);
  return {
    items: items.map((p) => ({
      paymentId: p.id, roomId: p.room_id, roomCode: p.room_code, projectId: p.project_id, businessDate: String(p.business_date), channel: p.channel,
      amountFen: Number(p.amount_fen), refundedFen: Number(p.refunded_fen), prepaidFen: Number(p.prepaid_fen), invoiceableFen: Number(p.net),
      receiptNumber: p.receipt_number ?? null,
    })),
    total: Number(n.n), page: q.page, pageSize: q.pageSize,
  };
}
