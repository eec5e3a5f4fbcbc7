import { refunds } from '../src/modules/payments/payments.table.ts';
import type { TestApp } from './harness.ts';

/**
 * Permission-matrix fixtures of the payments slice "refunds" (issue 8): per target a requested
 * refund of the core slice's 1 元 cash payment of that room (written directly: the request's own
 * rules are tested in refunds.test.ts). Its result is `w.payments.refunds`.
 */
type Target = 'own' | 'otherProject' | 'otherCompany';
type Fixture = { id: (w: any, target: Target) => string | null; body?: (w: any, target: Target) => unknown };
const targets: Target[] = ['own', 'otherProject', 'otherCompany'];

export async function create(t: TestApp, w: any): Promise<Record<string, unknown>> {
  const db = t.ctx.database.db;
  const out: Record<string, { refundId: string }> = {};
  for (const target of targets) {
    const tenant = target === 'otherCompany' ? w.theirs : w.ours;
    const projectId = target === 'own' ? w.ours.projectA : target === 'otherProject' ? w.ours.projectB : w.theirs.projectA;
    const [r] = await db.insert(refunds).values({
      companyId: tenant.companyId, projectId, roomId: w.rooms[target].roomId, source: 'payment', paymentId: w.payments.core[target].paymentId,
      amountFen: 50, channel: 'cash', reason: '矩阵退款', outRefundNo: `RFMATRIX${target}${Date.now()}`.slice(0, 32),
      lines: [], requestedBy: tenant.users.cashier.userId,
    }).returning();
    out[target] = { refundId: r!.id };
  }
  return out;
}

const refund = (w: any, t: Target) => w.payments.refunds[t].refundId as string;

export const fixtures: Record<string, Fixture> = {
  '/api/payments/:id/refunds': { id: (w, t) => w.payments.core[t].paymentId, body: () => ({ amountFen: 10, channel: 'cash', reason: '矩阵退款' }) },
  '/api/refunds/:id': { id: refund },
  '/api/refunds/:id/approve': { id: refund, body: () => ({ version: 1 }) },
  '/api/refunds/:id/reject': { id: refund, body: () => ({ version: 1, note: '矩阵驳回' }) },
};
export const bodies: Record<string, (w: any, target: Target) => unknown> = {
  'POST /api/refunds': (w, t) => ({ roomId: w.rooms[t].roomId, source: 'prepaid', feeItemId: null, amountFen: 10, channel: 'cash', reason: '矩阵退预存' }),
};
