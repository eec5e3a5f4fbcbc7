import { sql } from 'drizzle-orm';
import { fenToYuanDecimal } from '@wuye/shared';
import type { Tx } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { requireCompany, type Actor } from '../../lib/actor.ts';
import { badRequest, conflict } from '../../lib/errors.ts';
import { record } from '../audit/audit.service.ts';
import { getRoom } from '../estate/rooms.service.ts';
import { creditHeld, guardMoney } from '../billing/held-balances.ts';
import { postLateFees, today } from '../billing/late-fees.service.ts';
import { ledgerEntries } from '../billing/ledger.table.ts';
import { earmarkOf } from '../billing/prepaid.service.ts';
import { getProjectBillingSettings } from '../billing/project-settings.service.ts';
import { allocate, type AllocationPlan } from './allocate.ts';
import { owedBills, totalDue, type OwedBillRow } from './owed-bills.ts';
import { paymentAllocations, payments } from './payments.table.ts';
import { issueReceipt } from './receipts.service.ts';

export interface PostPaymentInput {
  roomId: string;
  channel: 'cash' | 'transfer' | 'pos' | 'online';
  amountFen: number;
  /** the bills to pay (oldest due first, the last possibly in part); undefined = every owed bill of the room */
  billIds?: string[];
  prepayRemainder: boolean;
  prepaidFeeItemId?: string | null;
  tenderedFen?: number;
  reference?: string;
  payerName?: string;
  note?: string;
  /** online only */
  provider?: 'sandbox' | 'wechat' | 'alipay';
  providerTxnId?: string;
  orderId?: string;
  /** bills of an online order that were paid meanwhile are skipped rather than refused: the money is already in */
  skipSettledBills?: boolean;
}

export interface PaymentPlan {
  owed: OwedBillRow[];
  plan: AllocationPlan;
  changeFen: number | null;
}

/**
 * Which bills the money goes to, checked the same way for the preview and the posting: selected
 * bills must be the room's, live and owing (409 otherwise); money beyond what is owed needs
 * `prepayRemainder` (400 with the most that can be paid); cash tendered must cover the amount.
 */
export async function planPayment(tx: Tx | Parameters<typeof owedBills>[0], actor: Actor, projectId: string, input: PostPaymentInput, asOf: string): Promise<PaymentPlan> {
  const companyId = requireCompany(actor);
  if (input.billIds) await checkSelectedBills(tx, companyId, input.roomId, input.billIds, !!input.skipSettledBills);
  const owed = await owedBills(tx, companyId, input.roomId, asOf, input.billIds);
  const order = (await getProjectBillingSettings(tx, companyId, projectId)).settleOrder;
  // the posting settles today's late fee too: plan on what settling costs today
  const plan = allocate(input.amountFen, owed.map((b) => ({
    billId: b.billId, principalOutstandingFen: b.principalOutstandingFen, lateFeeOutstandingFen: b.lateFeePostedOutstandingFen + b.lateFeeUnpostedFen,
  })), order);
  if (plan.remainderFen > 0 && !input.prepayRemainder) {
    const maxFen = owed.reduce((s, b) => s + totalDue(b), 0);
    throw badRequest(`金额超过应缴 ${fenToYuanDecimal(maxFen)} 元；多余部分可转入预存`, [{ path: 'body.amountFen', message: 'exceeds_outstanding', maxFen }]);
  }
  let changeFen: number | null = null;
  if (input.tenderedFen !== undefined) {
    if (input.channel !== 'cash') throw badRequest('只有现金收款可以填写实收金额', [{ path: 'body.tenderedFen', message: 'cash_only' }]);
    if (input.tenderedFen < input.amountFen) throw badRequest('实收金额少于本次收款', [{ path: 'body.tenderedFen', message: 'less_than_amount' }]);
    changeFen = input.tenderedFen - input.amountFen;
  } else if (input.channel === 'cash') changeFen = 0;
  return { owed, plan, changeFen };
}

async function checkSelectedBills(tx: Parameters<typeof owedBills>[0], companyId: string, roomId: string, billIds: string[], skipSettled: boolean) {
  const ids = [...new Set(billIds)];
  const rows = rowsOf(await tx.execute(sql`
    select b.id, b.room_id, b.status, (select coalesce(sum(e.amount_fen), 0) from ledger_entries e
      where e.company_id = b.company_id and e.bill_id = b.id and e.account = 'receivable')::bigint as outstanding
    from bills b where b.company_id = ${companyId} and b.id = any(${sql.param(ids)}::uuid[])`));
  const byId = new Map(rows.map((r) => [r.id as string, r]));
  const details: { path: string; message: string }[] = [];
  billIds.forEach((id, i) => {
    const r = byId.get(id);
    if (!r || r.room_id !== roomId) details.push({ path: `body.billIds.${i}`, message: 'not_found' });
  });
  if (details.length) throw badRequest('所选账单不属于该房间', details);
  if (skipSettled) return;
  billIds.forEach((id, i) => {
    const r = byId.get(id)!;
    if (r.status === 'void') details.push({ path: `body.billIds.${i}`, message: 'bill_void' });
    else if (Number(r.outstanding) <= 0) details.push({ path: `body.billIds.${i}`, message: 'bill_paid' });
  });
  if (details.length) throw conflict(details[0]!.message === 'bill_void' ? '所选账单已作废' : '所选账单已缴清', details);
}

/**
 * Posts money received for a room in the caller's transaction: the room is locked first (so two
 * payments, a deduction or a refund of the same room take turns), today's late fees of the bills it
 * pays are put on the ledger, then one `payment` entry per bill component (−), the remainder as
 * `prepay_deposit` (+) with its balance, the allocations, and a receipt whose number comes from the
 * project's counter row in this same transaction (a rollback leaves no gap).
 */
export async function postPayment(tx: Tx, actor: Actor, input: PostPaymentInput) {
  const companyId = requireCompany(actor);
  const room = await getRoom(tx, actor, input.roomId);
  await tx.execute(sql`select id from rooms where company_id = ${companyId} and id = ${room.id} for no key update`);
  const businessDate = today();
  const earmark = input.prepayRemainder ? await earmarkOf(tx, companyId, input.prepaidFeeItemId, true) : null;

  // today's late fee onto the ledger for the bills the money may reach (postLateFees locks them, id order)
  const candidates = await owedBills(tx, companyId, room.id, businessDate, input.billIds);
  const accruing = candidates.filter((b) => b.lateFees && b.lateFeeUnpostedFen > 0).map((b) => b.billId);
  if (accruing.length > 0) await postLateFees(tx, actor, accruing, businessDate);
  await tx.execute(sql`select id from bills where company_id = ${companyId} and id = any(${sql.param(candidates.map((b) => b.billId))}::uuid[]) order by id for no key update`);
  const { owed, plan, changeFen } = await planPayment(tx, actor, room.projectId, input, businessDate);

  return guardMoney('prepaid', async () => {
    const [p] = await tx.insert(payments).values({
      companyId, projectId: room.projectId, roomId: room.id, channel: input.channel, provider: input.provider ?? null, providerTxnId: input.providerTxnId ?? null,
      orderId: input.orderId ?? null, amountFen: input.amountFen, billsFen: plan.billsFen, prepaidFen: plan.remainderFen, prepaidFeeItemId: earmark,
      tenderedFen: input.tenderedFen ?? null, changeFen, reference: input.reference ?? null, payerName: input.payerName ?? null, note: input.note ?? null,
      businessDate, createdBy: input.channel === 'online' ? null : actor.userId,
    }).returning();
    const payment = p!;
    const bill = new Map(owed.map((b) => [b.billId, b]));
    const base = { companyId, projectId: room.projectId, roomId: room.id, kind: 'payment' as const, account: 'receivable' as const, entryDate: businessDate, paymentId: payment.id, createdBy: actor.userId };
    const lines = plan.parts.flatMap((part) => ([['principal', part.principalFen], ['late_fee', part.lateFeeFen]] as const)
      .filter(([, fen]) => fen > 0).map(([component, fen]) => ({ part, component, fen })));
    if (lines.length > 0) {
      const entries = await tx.insert(ledgerEntries).values(lines.map((l) => ({
        ...base, feeItemId: bill.get(l.part.billId)!.feeItemId, billId: l.part.billId, component: l.component, amountFen: -l.fen,
      }))).returning({ id: ledgerEntries.id });
      await tx.insert(paymentAllocations).values(lines.map((l, i) => ({
        companyId, paymentId: payment.id, billId: l.part.billId, component: l.component, amountFen: l.fen, entryId: entries[i]!.id,
      })));
    }
    if (plan.remainderFen > 0) {
      await tx.insert(ledgerEntries).values({ ...base, kind: 'prepay_deposit', account: 'prepaid', feeItemId: earmark, amountFen: plan.remainderFen, note: '收款余额转预存' });
      await creditHeld(tx, { companyId, projectId: room.projectId, roomId: room.id }, 'prepaid', earmark, plan.remainderFen);
    }
    // last: the counter row is the one lock all payments of the project share, so it is held briefly
    const receipt = await issueReceipt(tx, companyId, room.projectId, payment.id, payment.createdAt);
    await record(tx, actor, 'payment.collected', { type: 'payment', id: payment.id, projectId: room.projectId }, null, {
      roomId: room.id, channel: input.channel, amountFen: input.amountFen, billsFen: plan.billsFen, prepaidFen: plan.remainderFen, receipt: receipt.number,
      providerTxnId: input.providerTxnId ?? null, allocations: plan.parts,
    });
    return { payment, receipt, plan };
  });
}
