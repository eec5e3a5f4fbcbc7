import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZPaymentQuery } from '@wuye/shared';
import type { Executor } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { requireCompany, type Actor } from '../../lib/actor.ts';
import { notFound } from '../../lib/errors.ts';
import { iso } from '../../lib/time.ts';
import { projectScopeByAlias } from './counter.service.ts';

const columns = sql`p.*, r.code as room_code, pr.name as project_name, u.name as cashier_name,
  rc.id as receipt_id, rc.number as receipt_number, rc.status as receipt_status, rc.print_count as receipt_prints`;
const joins = sql`join rooms r on r.id = p.room_id join projects pr on pr.id = p.project_id
  left join users u on u.id = p.created_by left join receipts rc on rc.payment_id = p.id`;

export function paymentView(r: any) {
  return {
    id: r.id, projectId: r.project_id, roomId: r.room_id, roomCode: r.room_code, projectName: r.project_name,
    channel: r.channel, provider: r.provider, providerTxnId: r.provider_txn_id,
    amountFen: Number(r.amount_fen), billsFen: Number(r.bills_fen), prepaidFen: Number(r.prepaid_fen),
    tenderedFen: r.tendered_fen == null ? null : Number(r.tendered_fen), changeFen: r.change_fen == null ? null : Number(r.change_fen),
    reference: r.reference, payerName: r.payer_name, note: r.note, businessDate: String(r.business_date).slice(0, 10), status: r.status,
    refundedFen: Number(r.refunded_fen), voidReason: r.void_reason, voidedAt: r.voided_at ? iso(new Date(r.voided_at)) : null,
    cashierId: r.created_by, cashierName: r.cashier_name, createdAt: iso(new Date(r.created_at))!, version: Number(r.version),
    receipt: r.receipt_id ? { id: r.receipt_id, number: r.receipt_number, status: r.receipt_status, printCount: Number(r.receipt_prints) } : null,
  };
}

/** staff see payments by project; a resident (`ownRooms`) only those of the rooms they are bound to */
const scopeOf = (actor: Actor, ownRooms?: readonly string[], projectId?: string) =>
  (ownRooms ? sql`p.room_id = any(${sql.param([...ownRooms])}::uuid[])` : projectScopeByAlias(actor, 'p', projectId));

/** 收款记录: newest first, filtered on indexed columns; `q` = a receipt number or a provider transaction id. */
export async function listPayments(db: Executor, actor: Actor, q: z.output<typeof ZPaymentQuery>, ownRooms?: readonly string[]) {
  const companyId = requireCompany(actor);
  const conds: SQL[] = [sql`p.company_id = ${companyId}`, scopeOf(actor, ownRooms, q.projectId)];
  if (q.roomId) conds.push(sql`p.room_id = ${q.roomId}`);
  if (q.channel) conds.push(sql`p.channel = ${q.channel}`);
  if (q.status) conds.push(sql`p.status = ${q.status}`);
  if (q.from) conds.push(sql`p.business_date >= ${q.from}`);
  if (q.to) conds.push(sql`p.business_date <= ${q.to}`);
  if (q.cashierId) conds.push(sql`p.created_by = ${q.cashierId}`);
  if (q.q) conds.push(sql`(rc.number = ${q.q} or p.provider_txn_id = ${q.q})`);
  const where = sql.join(conds, sql` and `);
  const [rows, [count]] = await Promise.all([
    db.execute(sql`select ${columns} from payments p ${joins} where ${where} order by p.created_at desc, p.id desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`).then(rowsOf),
    db.execute(sql`select count(*)::int as n from payments p left join receipts rc on rc.payment_id = p.id where ${where}`).then(rowsOf),
  ]);
  return { items: rows.map(paymentView), total: Number(count.n), page: q.page, pageSize: q.pageSize };
}

/** One payment in the actor's scope (404 otherwise), with its allocations. */
export async function paymentDetail(db: Executor, actor: Actor, id: string, ownRooms?: readonly string[]) {
  const companyId = requireCompany(actor);
  const [row] = rowsOf(await db.execute(sql`select ${columns} from payments p ${joins}
    where p.company_id = ${companyId} and p.id = ${id} and ${scopeOf(actor, ownRooms)}`));
  if (!row) throw notFound('收款记录');
  const allocations = rowsOf(await db.execute(sql`
    select a.id, a.bill_id, a.component, a.amount_fen, a.refunded_fen, b.fee_item_id, f.name as fee_item_name,
      b.period_from::text as period_from, b.period_to::text as period_to
    from payment_allocations a join bills b on b.id = a.bill_id join fee_items f on f.id = b.fee_item_id
    where a.company_id = ${companyId} and a.payment_id = ${id} order by b.due_date, b.period_from, a.component desc, a.id`));
  return {
    ...paymentView(row),
    allocations: allocations.map((a) => ({
      id: a.id, billId: a.bill_id, feeItemId: a.fee_item_id, feeItemName: a.fee_item_name, periodFrom: a.period_from, periodTo: a.period_to,
      component: a.component, amountFen: Number(a.amount_fen), refundedFen: Number(a.refunded_fen),
    })),
  };
}
