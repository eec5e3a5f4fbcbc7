import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { z } from 'zod';
import type { ZPaymentOrderCreate } from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import type { AppDb, Executor, Tx } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { canSeeProject, requireCompany, systemActor, type Actor } from '../../lib/actor.ts';
import { AppError, badRequest, conflict, notFound } from '../../lib/errors.ts';
import { businessNow, iso } from '../../lib/time.ts';
import { record } from '../audit/audit.service.ts';
import { today } from '../billing/late-fees.service.ts';
import { earmarkOf } from '../billing/prepaid.service.ts';
import { getRoom } from '../estate/rooms.service.ts';
import { residentRoomIds } from './invoices.service.ts';
import { owedBills, totalDue } from './owed-bills.ts';
import { paymentNotifications, paymentOrders } from './payments.table.ts';
import { postPayment } from './post-payment.ts';
import type { ProviderName, VerifiedNotification } from './providers/provider.ts';

type Order = typeof paymentOrders.$inferSelect;

/** our order number: P + Beijing time to the second + 8 random digits (≤ 32 chars, [0-9A-Z]) */
const newOutTradeNo = () => `P${businessNow().format('YYYYMMDDHHmmss')}${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;

export interface OrderUrls { notifyUrl: (provider: ProviderName) => string; returnUrl: (orderId: string) => string | undefined }

/**
 * 线上支付订单 for a room: the selected bills at what settling them costs today, plus an optional
 * prepaid top-up. The order row and the provider's order are made in one transaction (a provider
 * failure leaves nothing here; an order left at the provider simply expires there).
 */
export async function createOrder(tx: Tx, ctx: AppContext, actor: Actor, input: z.output<typeof ZPaymentOrderCreate>, urls: OrderUrls, own: boolean) {
  const companyId = requireCompany(actor);
  if (own && !(await residentRoomIds(tx, actor)).includes(input.roomId)) throw notFound('房屋');
  const room = own ? await getRoom(tx, systemActor(companyId), input.roomId) : await getRoom(tx, actor, input.roomId);
  const providerName = ctx.payProviders.active;
  const provider = ctx.payProviders.get(providerName);
  if (!provider) throw new AppError('service_unavailable', 503, '线上支付暂不可用');
  const bills = input.billIds.length ? await owedBills(tx, companyId, room.id, today(), input.billIds) : [];
  if (bills.length !== new Set(input.billIds).size) {
    const owing = new Set(bills.map((b) => b.billId));
    throw conflict('所选账单已缴清、已作废或不属于该房屋', input.billIds.map((id, i) => (owing.has(id) ? null : { path: `body.billIds.${i}`, message: 'not_payable' })).filter(Boolean));
  }
  const earmark = input.prepaidFen > 0 ? await earmarkOf(tx, companyId, input.prepaidFeeItemId, true) : null;
  const amountFen = bills.reduce((s, b) => s + totalDue(b), 0) + input.prepaidFen;
  if (amountFen <= 0) throw badRequest('请选择账单或填写预存金额', [{ path: 'body.billIds', message: 'nothing_to_pay' }]);
  const [project] = rowsOf(await tx.execute(sql`select name from projects where id = ${room.projectId}`));
  const what = bills.length ? [...new Set(bills.map((b) => b.feeItemName))].join('、') : '预存';
  const [order] = await tx.insert(paymentOrders).values({
    companyId, projectId: room.projectId, roomId: room.id, outTradeNo: newOutTradeNo(), provider: providerName, amountFen,
    billIds: bills.map((b) => b.billId), prepaidFen: input.prepaidFen, prepaidFeeItemId: earmark,
    description: `${project.name} ${room.code} ${what}`.slice(0, 120), expiresAt: new Date(Date.now() + ctx.config.PAY_ORDER_MINUTES * 60_000),
    createdBy: actor.userId,
  }).returning();
  const created = await provider.createOrder({
    outTradeNo: order!.outTradeNo, amountFen, description: order!.description, expiresAt: order!.expiresAt,
    notifyUrl: urls.notifyUrl(providerName), returnUrl: urls.returnUrl(order!.id),
  }, { tx });
  const [withUrl] = await tx.update(paymentOrders).set({ payUrl: created.payUrl }).where(sql`id = ${order!.id}`).returning();
  await record(tx, actor, 'payment.order_created', { type: 'payment_order', id: order!.id, projectId: room.projectId }, null,
    { outTradeNo: order!.outTradeNo, provider: providerName, amountFen, billIds: order!.billIds, prepaidFen: input.prepaidFen });
  return orderView(tx, withUrl!);
}

export async function orderView(db: Executor, o: Order) {
  const [r] = o.paymentId ? rowsOf(await db.execute(sql`select number from receipts where payment_id = ${o.paymentId}`)) : [];
  return {
    id: o.id, roomId: o.roomId, outTradeNo: o.outTradeNo, provider: o.provider, amountFen: o.amountFen, billIds: o.billIds, prepaidFen: o.prepaidFen,
    description: o.description, payUrl: o.payUrl, qrDataUrl: o.payUrl && o.status === 'pending' ? await QRCode.toDataURL(o.payUrl, { margin: 1, width: 240 }) : null,
    status: o.status, expiresAt: iso(o.expiresAt)!, paidAt: iso(o.paidAt), paymentId: o.paymentId, receiptNumber: r?.number ?? null, createdAt: iso(o.createdAt)!,
  };
}

/** An order in scope: a resident's own rooms only, staff by project (404 otherwise). */
export async function findOrder(db: Executor, actor: Actor, id: string, own: boolean): Promise<Order> {
  const companyId = requireCompany(actor);
  const [o] = await db.select().from(paymentOrders).where(sql`company_id = ${companyId} and id = ${id}`);
  if (!o) throw notFound('支付订单');
  if (own ? !(await residentRoomIds(db, actor)).includes(o.roomId) : !canSeeProject(actor, o.projectId)) throw notFound('支付订单');
  return o;
}

export type Verdict = (typeof paymentNotifications.$inferInsert)['verdict'];
export interface Settled { verdict: Verdict; accepted: boolean; paymentId?: string; detail?: string }

/**
 * Money the provider says it took for one of our orders — from a notification or a query — posted
 * exactly once: the order row is locked, a posted order answers `duplicate`; the amount must be the
 * order's (else nothing is posted and it waits for reconciliation). Bills paid meanwhile at the
 * counter are skipped and their share goes to prepaid: the money is in, it must land somewhere.
 */
export async function settlePaid(db: AppDb, provider: ProviderName, n: Pick<VerifiedNotification, 'outTradeNo' | 'providerTxnId' | 'amountFen' | 'paidAt'>): Promise<Settled & { orderId?: string; companyId?: string }> {
  return db.transaction(async (tx) => {
    const [o] = rowsOf(await tx.execute(sql`select * from payment_orders where out_trade_no = ${n.outTradeNo} for update`));
    if (!o || o.provider !== provider) return { verdict: 'unknown_order', accepted: false, detail: `no ${provider} order ${n.outTradeNo}` };
    const base = { orderId: o.id as string, companyId: o.company_id as string };
    if (o.payment_id) {
      const same = o.provider_txn_id === n.providerTxnId;
      return { ...base, verdict: 'duplicate', accepted: true, paymentId: o.payment_id, detail: same ? undefined : `already paid by ${o.provider_txn_id}` };
    }
    if (Number(o.amount_fen) !== n.amountFen) {
      return { ...base, verdict: 'amount_mismatch', accepted: false, detail: `order ${o.amount_fen} 分, notified ${n.amountFen} 分` };
    }
    const actor = systemActor(o.company_id, 'online-payment');
    const { payment } = await postPayment(tx, actor, {
      roomId: o.room_id, channel: 'online', amountFen: Number(o.amount_fen), billIds: o.bill_ids?.length ? o.bill_ids : undefined,
      skipSettledBills: true, prepayRemainder: true, prepaidFeeItemId: o.prepaid_fee_item_id, provider, providerTxnId: n.providerTxnId, orderId: o.id,
    });
    await tx.execute(sql`update payment_orders set status = 'paid', payment_id = ${payment.id}, provider_txn_id = ${n.providerTxnId},
      paid_at = ${(n.paidAt ?? new Date()).toISOString()}::timestamptz, version = version + 1 where id = ${o.id}`);
    await record(tx, actor, 'payment.order_paid', { type: 'payment_order', id: o.id, projectId: o.project_id }, { status: o.status },
      { status: 'paid', paymentId: payment.id, providerTxnId: n.providerTxnId, amountFen: n.amountFen, afterClose: o.status === 'closed' });
    return { ...base, verdict: 'posted', accepted: true, paymentId: payment.id, detail: o.status === 'closed' ? 'paid after the order was closed' : undefined };
  });
}

/** Every notification is kept, whatever became of it (reconciliation reads the refused ones). */
export async function logNotification(db: Executor, row: typeof paymentNotifications.$inferInsert) {
  await db.insert(paymentNotifications).values(row);
}

/**
 * 查单与关单: pending orders whose notification has not come (older than a minute, asked at most
 * every minute) are queried at the provider and posted if paid; expired unpaid ones are closed there
 * and here. Rows are claimed with SKIP LOCKED, so several instances share the work.
 */
export async function sweepOrders(ctx: AppContext, limit = 100) {
  const db = ctx.database.db;
  const due = rowsOf(await db.execute(sql`
    update payment_orders set last_queried_at = now(), query_count = query_count + 1
    where id in (select id from payment_orders where status = 'pending' and created_at < now() - interval '60 seconds'
      and (last_queried_at is null or last_queried_at < now() - interval '60 seconds' or expires_at < now())
      order by expires_at limit ${limit} for update skip locked)
    returning id, out_trade_no, provider, expires_at, company_id, project_id`));
  let posted = 0, closed = 0;
  for (const o of due) {
    const provider = ctx.payProviders.get(o.provider);
    if (!provider) continue;
    try {
      const q = await provider.queryOrder(o.out_trade_no);
      if (q.status === 'paid' && q.providerTxnId && q.amountFen !== undefined) {
        const s = await settlePaid(db, o.provider, { outTradeNo: o.out_trade_no, providerTxnId: q.providerTxnId, amountFen: q.amountFen, paidAt: q.paidAt });
        await logNotification(db, { companyId: o.company_id, provider: o.provider, outTradeNo: o.out_trade_no, providerTxnId: q.providerTxnId, amountFen: q.amountFen,
          verdict: s.verdict, detail: `query: ${s.detail ?? ''}`.trim(), orderId: o.id, paymentId: s.paymentId });
        if (s.verdict === 'posted') posted++;
      } else if (new Date(o.expires_at) < new Date() && q.status !== 'paid') {
        if (q.status === 'pending') await provider.closeOrder(o.out_trade_no);
        const res = rowsOf(await db.execute(sql`update payment_orders set status = 'closed', closed_at = now(), version = version + 1
          where id = ${o.id} and status = 'pending' returning id`));
        if (res.length) {
          closed++;
          await record(db, systemActor(o.company_id, 'online-payment'), 'payment.order_closed', { type: 'payment_order', id: o.id, projectId: o.project_id }, null, { outTradeNo: o.out_trade_no });
        }
      }
    } catch (e) {
      console.warn('[payments] order', o.out_trade_no, 'query failed:', (e as Error).message);
    }
  }
  return { queried: due.length, posted, closed };
}
