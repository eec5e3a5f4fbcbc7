import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { requireCompany, type Actor } from '../../lib/actor.ts';
import { conflict, staleVersion } from '../../lib/errors.ts';
import { record } from '../audit/audit.service.ts';
import { debitHeld, guardMoney } from '../billing/held-balances.ts';
import { today } from '../billing/late-fees.service.ts';
import { paymentDetail } from './payments-query.service.ts';

/**
 * 作废 a counter payment taken today (a cashier's mistake, voided by whoever holds payment.void — the
 * project manager by default — before the day is handed over):
 * every entry it posted is reversed (dated today), the prepaid it added taken back (409 if already
 * spent), the payment and its receipt marked void — the receipt keeps its number. Online money is
 * never voided (the provider holds it): that is a refund. Refunded or invoiced payments are 409.
 */
export async function voidPayment(tx: Tx, actor: Actor, id: string, input: { reason: string; version: number }) {
  const companyId = requireCompany(actor);
  const before = await paymentDetail(tx, actor, id);
  await tx.execute(sql`select id from rooms where company_id = ${companyId} and id = ${before.roomId} for no key update`);
  const [p] = rowsOf(await tx.execute(sql`select * from payments where company_id = ${companyId} and id = ${id} for update`));
  if (Number(p.version) !== input.version) throw staleVersion();
  if (p.status !== 'posted') throw conflict('该收款已作废', [{ path: 'params.id', message: 'already_voided' }]);
  if (p.channel === 'online') throw conflict('线上支付不能作废，请走退款', [{ path: 'params.id', message: 'online_payment' }]);
  if (String(p.business_date).slice(0, 10) !== today()) throw conflict('只能作废当日的收款；以前的收款请走退款', [{ path: 'params.id', message: 'not_same_day' }]);
  const [open] = rowsOf(await tx.execute(sql`
    select (select count(*) from refunds where company_id = ${companyId} and payment_id = ${id} and status <> 'rejected' and status <> 'failed')::int as refunds,
      (select count(*) from invoice_payments where company_id = ${companyId} and payment_id = ${id} and active)::int as invoices`));
  if (open.refunds > 0) throw conflict('该收款已有退款，不能作废', [{ path: 'params.id', message: 'has_refunds' }]);
  if (open.invoices > 0) throw conflict('该收款已开票，请先红冲发票', [{ path: 'params.id', message: 'invoiced' }]);

  return guardMoney('prepaid', async () => {
    const day = today();
    if (Number(p.prepaid_fen) > 0) {
      await debitHeld(tx, { companyId, projectId: p.project_id, roomId: p.room_id }, 'prepaid', p.prepaid_fee_item_id, Number(p.prepaid_fen), 'params.id');
    }
    await tx.execute(sql`
      insert into ledger_entries (id, company_id, project_id, room_id, parking_space_id, fee_item_id, bill_id, kind, account, component, amount_fen,
        reverses, entry_date, payment_id, note, created_by)
      select uuid_v7(), e.company_id, e.project_id, e.room_id, e.parking_space_id, e.fee_item_id, e.bill_id, 'reversal', e.account, e.component, -e.amount_fen,
        e.id, ${day}::date, e.payment_id, ${`作废收款：${input.reason}`}, ${actor.userId}::uuid
      from ledger_entries e where e.company_id = ${companyId} and e.payment_id = ${id} and e.kind in ('payment', 'prepay_deposit')`);
    await tx.execute(sql`update payments set status = 'voided', void_reason = ${input.reason}, voided_by = ${actor.userId}, voided_at = now(), version = version + 1
      where id = ${id}`);
    await tx.execute(sql`update receipts set status = 'voided', void_reason = ${input.reason}, voided_at = now() where payment_id = ${id}`);
    const after = await paymentDetail(tx, actor, id);
    await record(tx, actor, 'payment.voided', { type: 'payment', id, projectId: p.project_id }, { status: 'posted' }, { status: 'voided', reason: input.reason, receipt: after.receipt?.number });
    return after;
  });
}
