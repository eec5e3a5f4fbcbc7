import { sql } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import type { Executor, Tx } from '../db/client.ts';
import { rowsOf } from '../db/rows.ts';
import type { Actor } from '../lib/actor.ts';
import { businessNow } from '../lib/time.ts';
import { loadMember } from '../modules/auth/actor.repo.ts';
import { memberActor } from '../modules/auth/member-actor.ts';
import { createOneOffCharge } from '../modules/billing/bills.service.ts';
import { today } from '../modules/billing/late-fees.service.ts';
import { issueInvoice } from '../modules/payments/einvoice/issue.ts';
import { requestInvoice } from '../modules/payments/invoices.service.ts';
import { createOrder, settlePaid } from '../modules/payments/online.service.ts';
import { owedBills, totalDue } from '../modules/payments/owed-bills.ts';
import { postPayment, type PostPaymentInput } from '../modules/payments/post-payment.ts';
import type { SandboxProvider } from '../modules/payments/providers/sandbox.provider.ts';
import { approveRefund, requestPaymentRefund } from '../modules/payments/refunds.service.ts';
import { createRule } from '../modules/payments/reminders.service.ts';
import { createShift, previewShift } from '../modules/payments/shifts.service.ts';
import { voidPayment } from '../modules/payments/void.service.ts';

/** how many rooms the counter takes money from (the rest of the owing rooms stay owing for the reminders) */
const COUNTER_ROOMS = 40;
const channels = ['cash', 'transfer', 'pos', 'cash', 'transfer'] as const;

/** The actor a demo account acts as: its membership resolved the way its session would resolve it. */
export async function demoActor(db: Executor, companyId: string, username: string): Promise<Actor> {
  const member = await loadMember(db, companyId, username);
  if (!member) throw new Error(`demo account ${username} has no membership`);
  return memberActor(member, { sessionId: null, ip: null });
}

/**
 * The demo's payments at 阳光花园, all through the real services: a day at the counter (陈收费
 * takes cash, transfers and POS from 40 owing rooms, several bills at once, one with a prepaid
 * top-up), one payment voided by the manager and taken again, a cash refund asked by the cashier and
 * approved by 张经理, an invoice issued through the e-invoice sandbox, the demo resident's online
 * payment through the pay sandbox (and one bill still owed), two reminder rules and the cashier's
 * hand-over.
 *
 * Dates: everything is dated the day the seed runs. postPayment dates a payment, its ledger entries
 * and its receipt today, and ledger entries are append-only (a trigger refuses updates), so
 * backdating the payments into November would leave them on a different day from their entries;
 * voids (same day only) and the hand-over (since the start of today) also only work on today's money.
 * Only the counter payments' and receipts' created_at are moved, within today (spreadOverTheDay).
 */
export async function seedDemoPayments(ctx: AppContext, companyId: string, projectId: string, homeRoomId: string) {
  const db = ctx.database.db;
  const [cashier, pm] = [await demoActor(db, companyId, 'cashier'), await demoActor(db, companyId, 'pm')];
  const day = today();

  const { toVoid, toRefund, toInvoice } = await db.transaction(async (tx) => {
    // owing rooms across the estate (md5 of the code: spread over buildings, the same every seed), with their owner's name
    const rooms = rowsOf(await tx.execute(sql`
      select r.id, (select p.name from room_residents x join persons p on p.id = x.person_id
                     where x.room_id = r.id and x.relation = 'owner' and x.valid_to is null order by x.valid_from, p.id limit 1) as owner
        from rooms r
       where r.company_id = ${companyId} and r.project_id = ${projectId} and r.id <> ${homeRoomId}
         and exists (select 1 from ledger_entries e where e.company_id = r.company_id and e.room_id = r.id and e.account = 'receivable'
                      group by e.bill_id having sum(e.amount_fen) > 0)
       order by md5(r.code) limit ${COUNTER_ROOMS}`)) as { id: string; owner: string | null }[];
    const posted: { id: string; channel: string; roomId: string; prepaidFen: number; payer: string | null }[] = [];
    for (const [i, { id: roomId, owner }] of rooms.entries()) {
      const owed = await owedBills(tx, companyId, roomId, day);
      if (owed.length === 0) continue;
      const channel = channels[i % channels.length]!;
      const allFen = owed.reduce((s, b) => s + totalDue(b), 0);
      // most pay everything owed; every fifth only its oldest bill, every seventh a round sum (the last bill in part),
      // the sixth (cash) rounds up to a top-up of 500 元
      const oldestOnly = i % 5 === 1 && owed.length > 1;
      const roundSum = i % 7 === 3 && allFen > 20_000 ? Math.floor(allFen / 2 / 10_000) * 10_000 : 0;
      const billsFen = oldestOnly ? totalDue(owed[0]!) : roundSum || allFen;
      const topUp = i === 5 ? 50_000 : 0;
      const amountFen = billsFen + topUp;
      const input: PostPaymentInput = {
        roomId, channel, amountFen, billIds: oldestOnly ? [owed[0]!.billId] : undefined, prepayRemainder: topUp > 0, payerName: owner ?? undefined,
        ...(channel === 'cash' ? { tenderedFen: Math.ceil(amountFen / 10_000) * 10_000 } : {}),
        ...(channel === 'transfer' ? { reference: `网银转账 ${String(620000 + i * 37).padStart(6, '0')}` } : {}),
        ...(channel === 'pos' ? { reference: `POS凭证 ${String(100200 + i * 13)}` } : {}),
        ...(topUp ? { note: '多缴部分转预存' } : {}),
      };
      const { payment } = await postPayment(tx, cashier, input);
      posted.push({ id: payment.id, channel, roomId, prepaidFen: payment.prepaidFen, payer: owner });
    }
    await spreadOverTheDay(tx, posted.map((p) => p.id));
    return {
      toVoid: posted.filter((p) => p.channel === 'cash').at(-1)!,
      toRefund: posted.find((p) => p.prepaidFen > 0)!,
      toInvoice: posted.find((p) => p.channel === 'transfer')!,
    };
  });

  // a cash payment keyed in with the wrong amount: 张经理 voids it (voids are the manager's), the cashier takes it again
  await db.transaction(async (tx) => {
    await voidPayment(tx, pm, toVoid.id, { reason: '金额录入错误，作废后重新收款', version: 1 });
    const owed = await owedBills(tx, companyId, toVoid.roomId, day);
    const amountFen = owed.reduce((s, b) => s + totalDue(b), 0);
    await postPayment(tx, cashier, { roomId: toVoid.roomId, channel: 'pos', amountFen, prepayRemainder: false, reference: 'POS凭证 100999', note: '作废后重新收款' });
  });

  // part of the top-up goes back in cash: asked at the counter, approved by the manager (four eyes)
  const refund = await db.transaction((tx) => requestPaymentRefund(tx, cashier, toRefund.id, { amountFen: 20_000, channel: 'cash', reason: '业主多预存，退回部分现金' }));
  await approveRefund(db, ctx, pm, refund.id, { version: refund.version, note: '已核实，同意退回' });

  // an invoice for a transfer; issued here rather than left to the job (the queue may not run, issuing twice is a no-op)
  const invoice = await db.transaction((tx) => requestInvoice(tx, ctx, cashier, { paymentIds: [toInvoice.id], buyerType: 'personal', buyerName: toInvoice.payer ?? '业主' }));
  await issueInvoice(ctx, invoice.id);

  await seedResidentOnlinePayment(ctx, companyId, homeRoomId, cashier);

  await db.transaction(async (tx) => {
    await createRule(tx, pm, { projectId, name: '逾期30天催缴', daysOverdue: 30, minAmountFen: 10_000, repeatDays: 7, channels: ['inapp', 'sms'], enabled: true });
    await createRule(tx, pm, { projectId, name: '逾期90天上门催缴（试行）', daysOverdue: 90, minAmountFen: 50_000, repeatDays: 14, channels: ['inapp'], enabled: false });
  });

  // the cashier hands the drawer over to the manager, counted to the fen
  const preview = await previewShift(db, cashier, projectId);
  await createShift(db, cashier, { projectId, cashCountedFen: preview.totals.expectedCashFen, handedTo: pm.userId!, note: '现金已清点，交张经理' });
}

/**
 * One transaction stamps every row with the same now(): the counter's payments (and their
 * receipts, in receipt order) are given times, a little irregular, from 08:30 (or just after midnight, when the seed runs
 * before that) up to now, so the list reads like a day at the counter. Their business date stays
 * today, as do the entries (the daily report goes by business date); besides the list's order only
 * the hand-over reads these timestamps, and its window starts at the beginning of today.
 */
async function spreadOverTheDay(tx: Tx, paymentIds: string[]) {
  const now = businessNow();
  const opening = now.startOf('day').add(8.5, 'hour');
  const from = opening.isBefore(now.subtract(1, 'hour')) ? opening : now.startOf('day').add(1, 'minute');
  const stepMs = Math.floor(now.diff(from) / (paymentIds.length + 1));
  if (stepMs < 1000) return;
  await tx.execute(sql`
    with numbered as (select r.payment_id, row_number() over (order by r.seq) as n
                        from receipts r where r.payment_id = any(${sql.param(paymentIds)}::uuid[])),
         stamped as (select payment_id, ${from.toISOString()}::timestamptz + make_interval(secs => (n + 0.45 * sin(n * 2.3)) * ${stepMs / 1000}) as at from numbered),
         p as (update payments set created_at = s.at from stamped s where payments.id = s.payment_id returning payments.id)
    update receipts set created_at = s.at from stamped s where receipts.payment_id = s.payment_id`);
}

/**
 * 吴业主's home gets two water charges: one paid online through the pay sandbox (order → the
 * sandbox's 确认支付 → the settlement a notification would make), so 我的缴费 shows it, and one left
 * owing for 去缴费. Skipped when the sandbox is off (a demo on real providers).
 */
async function seedResidentOnlinePayment(ctx: AppContext, companyId: string, homeRoomId: string, cashier: Actor) {
  const db = ctx.database.db;
  const sandbox = ctx.payProviders.get('sandbox') as SandboxProvider | null;
  if (!sandbox || ctx.payProviders.active !== 'sandbox') return;
  const resident = await demoActor(db, companyId, 'resident');
  const [water] = rowsOf(await db.execute(sql`select id from fee_items where company_id = ${companyId} and code = 'SF'`));
  const dueDate = businessNow().add(15, 'day').format('YYYY-MM-DD');
  const origin = (ctx.config.PUBLIC_URL ?? `http://localhost:${ctx.config.PORT}`).replace(/\/+$/, '');
  const order = await db.transaction(async (tx) => {
    const paid = await createOneOffCharge(tx, cashier, { roomId: homeRoomId, feeItemId: water.id, amountFen: 6_210, dueDate, description: '10月水费（18吨）' });
    await createOneOffCharge(tx, cashier, { roomId: homeRoomId, feeItemId: water.id, amountFen: 7_935, dueDate, description: '11月水费（23吨）' });
    return createOrder(tx, ctx, resident, { roomId: homeRoomId, billIds: [paid.id], prepaidFen: 0, prepaidFeeItemId: null }, {
      notifyUrl: (provider) => `${origin}/api/payments/notify/${provider}`, returnUrl: (id) => `${origin}/m/resident/#/pay/orders/${id}`,
    }, true);
  });
  const row = await sandbox.markPaid(order.outTradeNo, {});
  if (!row?.transactionId) throw new Error('the pay sandbox did not take the demo order');
  await settlePaid(db, 'sandbox', { outTradeNo: row.outTradeNo, providerTxnId: row.transactionId, amountFen: row.amountFen, paidAt: row.paidAt ?? undefined });
}
