import { randomBytes } from 'node:crypto';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { fenToYuanDecimal, type ZBalanceRefundCreate, type ZPaymentRefundCreate, type ZRefundApprove, type ZRefundQuery, type ZRefundReject } from '@wuye/shared';
import type { AppContext } from '../../context.ts';
import type { AppDb, Tx } from '../../db/client.ts';
import { canSeeProject, requireCompany, type Actor } from '../../lib/actor.ts';
import { badRequest, conflict, forbidden, notFound } from '../../lib/errors.ts';
import { lockInScope } from '../../lib/lock-scoped.ts';
import { projectScope } from '../../lib/scope-sql.ts';
import { businessNow } from '../../lib/time.ts';
import { record } from '../audit/audit.service.ts';
import { getFeeItem } from '../billing/fee-items.service.ts';
import { insufficient } from '../billing/held-balances.ts';
import { getRoom } from '../estate/rooms.service.ts';
import { payments, refunds } from './payments.table.ts';
import { callProvider, lockForPosting, postRefund } from './refunds-post.ts';
import {
  APPROVE_CLAIMS, REQUEST_CLAIMS, claimedOfBalance, heldBalance, paymentCapacity, planLines, type Claimers,
} from './refunds-limits.ts';
import { countRefunds, refundById, refundViews, type Refund, type StoredLine } from './refunds.views.ts';

/**
 * 退款: a request (the counter), an approval by someone else, then the money goes back — in cash or
 * by transfer at once, or through the payment's provider (`original`: processing until it says so).
 * Entries are posted when it succeeds (refunds-post.ts). Limits are checked when asked (400) and
 * again under the locks when approved (409 if they no longer hold).
 */
type Payment = typeof payments.$inferSelect;

/** our refund number: RF + Shanghai time to the second + 8 hex (24 chars, fine for WeChat and Alipay) */
const newOutRefundNo = () => `RF${businessNow().format('YYYYMMDDHHmmss')}${randomBytes(4).toString('hex')}`;
const entity = (r: Pick<Refund, 'id' | 'projectId'>) => ({ type: 'refund', id: r.id, projectId: r.projectId });

function exceeds(maxFen: number, status: 400 | 409) {
  const make = status === 400 ? badRequest : conflict;
  return make(`退款金额超过可退金额：最多可退 ${fenToYuanDecimal(maxFen)} 元`, [{ path: 'body.amountFen', message: 'exceeds_refundable', maxFen }]);
}

const refusePayment = (p: Payment) => {
  if (p.status === 'voided') throw conflict('该收款已作废，不能退款', [{ path: 'params.id', message: 'payment_voided' }]);
};

/** 退款申请 (from a payment): lines planned now — its prepaid part first, then its allocations newest bill first (or the named ones). */
export async function requestPaymentRefund(tx: Tx, actor: Actor, paymentId: string, input: z.output<typeof ZPaymentRefundCreate>) {
  // room first, then the payment (the order void, invoicing and the approval take them in)
  const [seen] = await tx.select({ roomId: payments.roomId, projectId: payments.projectId }).from(payments)
    .where(and(eq(payments.companyId, requireCompany(actor)), eq(payments.id, paymentId)));
  if (!seen || !canSeeProject(actor, seen.projectId)) throw notFound('收款');
  await tx.execute(sql`select id from rooms where company_id = ${actor.companyId} and id = ${seen.roomId} for no key update`);
  const p = await lockInScope(tx, payments, actor, paymentId, '收款');
  refusePayment(p);
  if (input.channel === 'original' && p.channel !== 'online') {
    throw badRequest('只有线上收款可以原路退回', [{ path: 'body.channel', message: 'original_needs_online' }]);
  }
  const { caps, maxFen, allocations } = await paymentCapacity(tx, p, REQUEST_CLAIMS, null, input.allocationIds);
  const unknown = (input.allocationIds ?? []).findIndex((id) => !allocations.has(id));
  if (unknown >= 0) throw badRequest('不是该收款的分配明细', [{ path: `body.allocationIds.${unknown}`, message: 'not_found' }]);
  const lines = input.amountFen <= maxFen ? planLines(input.amountFen, caps) : null;
  if (!lines) throw exceeds(maxFen, 400);
  const [r] = await tx.insert(refunds).values({
    companyId: p.companyId, projectId: p.projectId, roomId: p.roomId, source: 'payment', paymentId: p.id, amountFen: input.amountFen,
    channel: input.channel, reason: input.reason, outRefundNo: newOutRefundNo(), lines, requestedBy: actor.userId,
  }).returning();
  const view = (await refundById(tx, actor, p.companyId, r!.id))!;
  await record(tx, actor, 'payment.refund_requested', entity(r!), null, view);
  return view;
}

/** 退预存 / 退押金 申请: at most the balance now, less what other open refunds of it would take. */
export async function requestBalanceRefund(tx: Tx, actor: Actor, input: z.output<typeof ZBalanceRefundCreate>) {
  const room = await getRoom(tx, actor, input.roomId);
  await tx.execute(sql`select id from rooms where company_id = ${room.companyId} and id = ${room.id} for no key update`);
  const feeItemId = input.feeItemId;
  if (feeItemId) {
    const item = await getFeeItem(tx, room.companyId, feeItemId, 'body.feeItemId');
    if ((input.source === 'deposit') !== (item.category === 'deposit')) {
      throw badRequest(input.source === 'deposit' ? `「${item.name}」不是押金类收费项目` : '押金类收费项目不能作为预存专款',
        [{ path: 'body.feeItemId', message: input.source === 'deposit' ? 'not_deposit_item' : 'deposit_item' }]);
    }
  } else if (input.source === 'deposit') {
    throw badRequest('退押金须指定押金收费项目', [{ path: 'body.feeItemId', message: 'required' }]);
  }
  const balance = await heldBalance(tx, room.companyId, room.id, input.source, feeItemId);
  const claimed = await claimedOfBalance(tx, room.companyId, room.id, input.source, feeItemId, REQUEST_CLAIMS, null);
  const availableFen = Math.max(0, balance - claimed);
  if (input.amountFen > availableFen) throw insufficient(input.source, availableFen);
  const lines: StoredLine[] = [{ allocationId: input.source, amountFen: input.amountFen }];
  const [r] = await tx.insert(refunds).values({
    companyId: room.companyId, projectId: room.projectId, roomId: room.id, source: input.source, feeItemId, amountFen: input.amountFen,
    channel: input.channel, reason: input.reason, outRefundNo: newOutRefundNo(), lines, requestedBy: actor.userId,
  }).returning();
  const view = (await refundById(tx, actor, room.companyId, r!.id))!;
  await record(tx, actor, 'payment.refund_requested', entity(r!), null, view);
  return view;
}

export async function listRefunds(db: AppDb, actor: Actor, q: z.output<typeof ZRefundQuery>) {
  const companyId = requireCompany(actor);
  const conds: SQL[] = [projectScope(actor, refunds.projectId, q.projectId)];
  if (q.status) conds.push(eq(refunds.status, q.status));
  if (q.source) conds.push(eq(refunds.source, q.source));
  if (q.roomId) conds.push(eq(refunds.roomId, q.roomId));
  if (q.paymentId) conds.push(eq(refunds.paymentId, q.paymentId));
  const day = sql`(${refunds.createdAt} at time zone 'Asia/Shanghai')::date`;
  if (q.from) conds.push(sql`${day} >= ${q.from}::date`);
  if (q.to) conds.push(sql`${day} <= ${q.to}::date`);
  const cond = and(...conds)!;
  const [items, total] = await Promise.all([refundViews(db, actor, companyId, cond, q.pageSize, (q.page - 1) * q.pageSize), countRefunds(db, companyId, cond)]);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function getRefund(db: AppDb, actor: Actor, id: string) {
  const v = await refundById(db, actor, requireCompany(actor), id);
  if (!v || !canSeeProject(actor, v.projectId)) throw notFound('退款');
  return v;
}

/** The refund locked, at the caller's version, still awaiting a decision. */
async function pending(tx: Tx, actor: Actor, id: string, version: number) {
  const r = await lockInScope(tx, refunds, actor, id, '退款', version);
  if (r.status !== 'requested') throw conflict(`该退款已${statusName[r.status]}，不能再审批`, [{ path: 'status', message: r.status }]);
  return r;
}
const statusName: Record<Refund['status'], string> = { requested: '待审批', approved: '批准', processing: '在退款中', succeeded: '退款成功', rejected: '驳回', failed: '退款失败' };

/**
 * The limits again, under the locks, as an approval sees them: only refunds already approved or on
 * their way count against this one. 409 when they no longer hold (nothing written).
 */
async function recheck(tx: Tx, r: Refund, p: Payment | null, statuses: Claimers) {
  if (p) {
    refusePayment(p);
    const { caps, maxFen } = await paymentCapacity(tx, p, statuses, r.id);
    const cap = new Map(caps.map((c) => [c.target, c.capFen]));
    const short = (r.lines as StoredLine[]).some((l) => l.amountFen > (cap.get(l.allocationId) ?? 0));
    if (r.amountFen > maxFen || short) throw exceeds(Math.min(maxFen, r.amountFen), 409);
    return;
  }
  const account = r.source as 'prepaid' | 'deposit';
  const balance = await heldBalance(tx, r.companyId, r.roomId, account, r.feeItemId);
  const claimed = await claimedOfBalance(tx, r.companyId, r.roomId, account, r.feeItemId, statuses, r.id);
  if (r.amountFen > balance - claimed) throw insufficient(account, Math.max(0, balance - claimed));
}

/**
 * 批准退款: four eyes, under the refund's, the room's, the payment's, its balances' and the bills'
 * locks (that order), the limits re-checked. Cash and transfer are paid out and posted now; the
 * original channel commits `processing` first, then asks the provider, then posts on its success
 * in a second transaction (a provider that says processing leaves it to the notification or the sweep).
 */
export async function approveRefund(db: AppDb, ctx: AppContext, actor: Actor, id: string, input: z.output<typeof ZRefundApprove>) {
  const companyId = requireCompany(actor);
  const decided = await db.transaction(async (tx) => {
    const r = await pending(tx, actor, id, input.version);
    if (r.requestedBy === actor.userId) throw forbidden('不能审批自己提交的退款申请');
    const p = await lockForPosting(tx, r);
    await recheck(tx, r, p, APPROVE_CLAIMS);
    if (r.channel === 'original' && !ctx.payProviders.get(p!.provider!)) {
      throw conflict('原支付渠道当前不可用，请改为现金或转账退款', [{ path: 'channel', message: 'provider_unavailable' }]);
    }
    const next = r.channel === 'original' ? 'processing' : 'succeeded';
    const [after] = await tx.update(refunds).set({
      status: next, decidedBy: actor.userId, decidedAt: new Date(), decisionNote: input.note ?? null, version: sql`${refunds.version} + 1`,
      ...(next === 'succeeded' ? { completedAt: new Date() } : {}),
    }).where(and(eq(refunds.id, r.id), eq(refunds.version, r.version))).returning();
    await record(tx, actor, 'payment.refund_approved', entity(r), { status: r.status, version: r.version }, { status: next, version: after!.version, note: input.note ?? null });
    if (next === 'succeeded') await postRefund(tx, ctx, actor, after!, p);
    return after!;
  });
  if (decided.status === 'processing') await callProvider(db, ctx, decided.id);
  return (await refundById(db, actor, companyId, id))!;
}

export function rejectRefund(db: AppDb, actor: Actor, id: string, input: z.output<typeof ZRefundReject>) {
  return db.transaction(async (tx) => {
    const r = await pending(tx, actor, id, input.version);
    await tx.update(refunds).set({ status: 'rejected', decidedBy: actor.userId, decidedAt: new Date(), decisionNote: input.note, version: sql`${refunds.version} + 1` })
      .where(eq(refunds.id, r.id));
    const view = (await refundById(tx, actor, r.companyId, r.id))!;
    await record(tx, actor, 'payment.refund_rejected', entity(r), { status: r.status, version: r.version }, { status: view.status, version: view.version, note: input.note });
    return view;
  });
}

/** processing refunds the sweep looks at (oldest first) */
export async function processingRefunds(db: AppDb, limit = 50, olderThanSeconds = 30) {
  return db.select({ id: refunds.id }).from(refunds)
    .where(and(inArray(refunds.status, ['processing']), sql`coalesce(${refunds.decidedAt}, ${refunds.createdAt}) < now() - make_interval(secs => ${olderThanSeconds})`))
    .orderBy(refunds.decidedAt).limit(limit);
}
