import Fastify from 'fastify';
import pg from 'pg';

/** What the baseline is told per request: everything the app works out itself (room, bills, amounts). */
export interface BarePay { key: string; roomId: string; bills: { id: string; feeItemId: string; fen: number }[]; amountFen: number; outTradeNo?: string; providerTxnId?: string }

/**
 * The floor: bare Fastify 5 and a `pg` Pool of the app's size writing, per request and in one
 * transaction, the same rows the app writes for a payment — the room lock, the payment, three
 * ledger entries and three allocations, the receipt counter and the receipt, the audit row(s), and
 * for the counter the Idempotency-Key record, for a callback the order update and the notification
 * log — with no session, validation, reads, planning or checks.
 */
export async function startBarePayments(o: { databaseUrl: string; poolSize: number; companyId: string; projectId: string; cashierId: string }) {
  const pool = new pg.Pool({ connectionString: o.databaseUrl, max: o.poolSize, application_name: 'wuye-bench-bare' });
  const app = Fastify({ logger: false });
  const year = new Date().getFullYear();

  async function write(b: BarePay, online: boolean) {
    const c = await pool.connect();
    try {
      await c.query('begin');
      let orderId: string | null = null;
      if (online) orderId = (await c.query('select id from payment_orders where out_trade_no = $1 for update', [b.outTradeNo])).rows[0].id;
      await c.query('select id from rooms where company_id = $1 and id = $2 for no key update', [o.companyId, b.roomId]);
      const p = (await c.query(`insert into payments (id, company_id, project_id, room_id, channel, provider, provider_txn_id, order_id, amount_fen, bills_fen, business_date, created_by, change_fen)
        values (uuid_v7(), $1, $2, $3, $4, $5, $6, $7, $8, $8, current_date, $9, $10) returning id`,
      [o.companyId, o.projectId, b.roomId, online ? 'online' : 'cash', online ? 'sandbox' : null, b.providerTxnId ?? null, orderId, b.amountFen, online ? null : o.cashierId, online ? null : 0])).rows[0].id;
      const entries = (await c.query(`insert into ledger_entries (id, company_id, project_id, room_id, fee_item_id, bill_id, kind, account, component, amount_fen, entry_date, payment_id)
        select uuid_v7(), $1, $2, $3, x.fee_item_id, x.bill_id, 'payment', 'receivable', 'principal', -x.fen, current_date, $4
        from unnest($5::uuid[], $6::uuid[], $7::bigint[]) as x(bill_id, fee_item_id, fen) returning id, bill_id, -amount_fen as fen`,
      [o.companyId, o.projectId, b.roomId, p, b.bills.map((x) => x.id), b.bills.map((x) => x.feeItemId), b.bills.map((x) => x.fen)])).rows;
      await c.query(`insert into payment_allocations (id, company_id, payment_id, bill_id, component, amount_fen, entry_id)
        select uuid_v7(), $1, $2, x.bill_id, 'principal', x.fen, x.entry_id from unnest($3::uuid[], $4::bigint[], $5::uuid[]) as x(bill_id, fen, entry_id)`,
      [o.companyId, p, entries.map((e) => e.bill_id), entries.map((e) => e.fen), entries.map((e) => e.id)]);
      const seq = (await c.query(`insert into receipt_counters (company_id, project_id, year, last_seq) values ($1, $2, $3, 1)
        on conflict (company_id, project_id, year) do update set last_seq = receipt_counters.last_seq + 1 returning last_seq`, [o.companyId, o.projectId, year])).rows[0].last_seq;
      await c.query(`insert into receipts (id, company_id, project_id, payment_id, year, seq, number) values (uuid_v7(), $1, $2, $3, $4, $5, $6)`,
        [o.companyId, o.projectId, p, year, seq, `SJ-PB-${year}-${String(seq).padStart(6, '0')}`]);
      const audit = `insert into audit_log (id, company_id, project_id, actor_id, actor_kind, action, entity_type, entity_id, after) values (uuid_v7(), $1, $2, $3, $4, $5, $6, $7, $8)`;
      await c.query(audit, [o.companyId, o.projectId, online ? null : o.cashierId, online ? 'system' : 'user', 'payment.collected', 'payment', p, JSON.stringify({ roomId: b.roomId, amountFen: b.amountFen })]);
      if (online) {
        await c.query(`update payment_orders set status = 'paid', payment_id = $1, provider_txn_id = $2, paid_at = now(), version = version + 1 where id = $3`, [p, b.providerTxnId, orderId]);
        await c.query(audit, [o.companyId, o.projectId, null, 'system', 'payment.order_paid', 'payment_order', orderId, JSON.stringify({ status: 'paid', paymentId: p })]);
      } else {
        await c.query(`insert into idempotency_keys (company_id, principal, key, route, request_hash, response_status, response_body) values ($1, $2, $3, 'POST /api/payments', 'bare', 200, $4)`,
          [o.companyId, o.cashierId, b.key, JSON.stringify({ id: p })]);
      }
      await c.query('commit');
      if (online) {
        await c.query(`insert into payment_notifications (id, company_id, provider, kind, out_trade_no, provider_txn_id, amount_fen, verdict, order_id, payment_id)
          values (uuid_v7(), $1, 'sandbox', 'payment', $2, $3, $4, 'posted', $5, $6)`, [o.companyId, b.outTradeNo, b.providerTxnId, b.amountFen, orderId, p]);
      }
      return { id: p };
    } catch (e) {
      await c.query('rollback').catch(() => {});
      throw e;
    } finally {
      c.release();
    }
  }

  app.post('/pay', (req) => write(req.body as BarePay, false));
  app.post('/notify', (req) => write(req.body as BarePay, true));
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { port: (app.server.address() as { port: number }).port, async close() { await app.close(); await pool.end(); } };
}
