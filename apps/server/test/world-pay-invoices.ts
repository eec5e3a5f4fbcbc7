import { sql } from 'drizzle-orm';
import { systemActor } from '../src/lib/actor.ts';
import { issueInvoice } from '../src/modules/payments/einvoice/issue.ts';
import { requestInvoice } from '../src/modules/payments/invoices.service.ts';
import type { TestApp } from './harness.ts';

/**
 * Permission-matrix fixtures of the payments slice "invoices" (issue 8): per target, a posted cash
 * payment on the world's bill (w.accounts[target].billId) with an issued blue invoice (PDF stored), and
 * a second payment not invoiced yet (the POST bodies). Its result is `w.payments.invoices`.
 */
type Target = 'own' | 'otherProject' | 'otherCompany';
type Fixture = { id: (w: any, target: Target) => string | null; body?: (w: any, target: Target) => unknown };
const targets: Target[] = ['own', 'otherProject', 'otherCompany'];

export async function create(t: TestApp, w: any): Promise<Record<string, unknown>> {
  const db = t.ctx.database.db;
  const rows = async (q: ReturnType<typeof sql>) => ((await db.execute(q)) as any).rows as any[];
  const out: Record<string, { paymentId: string; freePaymentId: string; invoiceId: string }> = {};
  for (const target of targets) {
    const tenant = target === 'otherCompany' ? w.theirs : w.ours;
    const projectId = target === 'otherProject' ? w.ours.projectB : tenant.projectA;
    const roomId = w.rooms[target].roomId;
    const billId = w.accounts[target].billId;
    const pay = async (fen: number) => {
      const [p] = await rows(sql`insert into payments (id, company_id, project_id, room_id, channel, amount_fen, bills_fen, business_date)
        values (uuid_v7(), ${tenant.companyId}, ${projectId}, ${roomId}, 'cash', ${fen}, ${fen}, current_date) returning id`);
      const [e] = await rows(sql`insert into ledger_entries (id, company_id, project_id, room_id, fee_item_id, bill_id, kind, account, component, amount_fen, entry_date, payment_id)
        select uuid_v7(), company_id, project_id, room_id, fee_item_id, id, 'payment', 'receivable', 'principal', ${-fen}, current_date, ${p.id} from bills where id = ${billId} returning id`);
      await rows(sql`insert into payment_allocations (id, company_id, payment_id, bill_id, component, amount_fen, entry_id)
        values (uuid_v7(), ${tenant.companyId}, ${p.id}, ${billId}, 'principal', ${fen}, ${e.id})`);
      return p.id as string;
    };
    const paymentId = await pay(1_000);
    const freePaymentId = await pay(500);
    const inv = await db.transaction((tx) => requestInvoice(tx, t.ctx, systemActor(tenant.companyId, 'matrix'), { paymentIds: [paymentId], buyerType: 'personal', buyerName: '矩阵业主' }));
    await issueInvoice(t.ctx, inv.id);
    out[target] = { paymentId, freePaymentId, invoiceId: inv.id };
  }
  return out;
}

const invoiceOf = (w: any, target: Target) => w.payments.invoices[target].invoiceId as string;
export const fixtures: Record<string, Fixture> = {
  '/api/invoices/:id': { id: invoiceOf },
  '/api/invoices/:id/pdf': { id: invoiceOf },
  '/api/invoices/:id/red': { id: invoiceOf },
  '/api/invoices/:id/retry': { id: invoiceOf },
  '/api/me/invoices/:id': { id: invoiceOf },
  '/api/me/invoices/:id/pdf': { id: invoiceOf },
};
const request = (w: any, target: Target) => ({ paymentIds: [w.payments.invoices[target].freePaymentId], buyerType: 'personal', buyerName: '矩阵业主' });
export const bodies: Record<string, (w: any, target: Target) => unknown> = {
  'POST /api/invoices': request,
  'POST /api/me/invoices': request,
  'POST /api/invoices/:id/red': () => ({ reason: '矩阵红冲' }),
};
