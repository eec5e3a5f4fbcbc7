import { systemActor } from '../src/lib/actor.ts';
import { paymentOrders } from '../src/modules/payments/payments.table.ts';
import { postPayment } from '../src/modules/payments/post-payment.ts';
import type { TestApp } from './harness.ts';

/**
 * Permission-matrix fixtures of the payments core (counter, online orders, receipts): per target a
 * 1 元 cash payment on the world's bill of that room, and a pending online order of that room.
 */
type Target = 'own' | 'otherProject' | 'otherCompany';
type Fixture = { id: (w: any, target: Target) => string | null; body?: (w: any, target: Target) => unknown };
const targets: Target[] = ['own', 'otherProject', 'otherCompany'];

export async function create(t: TestApp, w: any): Promise<Record<string, unknown>> {
  const db = t.ctx.database.db;
  const out: Record<string, { paymentId: string; orderId: string }> = {};
  for (const target of targets) {
    const companyId = target === 'otherCompany' ? w.theirs.companyId : w.ours.companyId;
    const roomId = w.rooms[target].roomId as string;
    const { payment } = await db.transaction((tx) => postPayment(tx, systemActor(companyId, 'matrix'), { roomId, channel: 'cash', amountFen: 100, prepayRemainder: false }));
    const [order] = await db.insert(paymentOrders).values({
      companyId, projectId: payment.projectId, roomId, outTradeNo: `PMATRIX${target}${Date.now()}`.slice(0, 32), provider: 'sandbox', amountFen: 100,
      description: '矩阵订单', expiresAt: new Date(Date.now() + 3_600_000),
    }).returning();
    out[target] = { paymentId: payment.id, orderId: order!.id };
  }
  return out;
}

const payment = (w: any, t: Target) => w.payments.core[t].paymentId as string;
const order = (w: any, t: Target) => w.payments.core[t].orderId as string;

export const fixtures: Record<string, Fixture> = {
  '/api/payments/counter/rooms/:id': { id: (w, t) => w.rooms[t].roomId },
  '/api/payments/:id': { id: payment },
  '/api/payments/:id/void': { id: payment, body: () => ({ reason: '矩阵作废', version: 1 }) },
  '/api/payments/:id/receipt.pdf': { id: payment },
  '/api/payments/orders/:id': { id: order },
  '/api/me/payment-orders/:id': { id: order },
  '/api/me/payments/:id': { id: payment },
  '/api/me/payments/:id/receipt.pdf': { id: payment },
};

const roomOf = (w: any, t: Target) => w.rooms[t].roomId as string;
export const bodies: Record<string, (w: any, target: Target) => unknown> = {
  'POST /api/payments': (w, t) => ({ roomId: roomOf(w, t), channel: 'cash', amountFen: 1 }),
  'POST /api/payments/counter/preview': (w, t) => ({ roomId: roomOf(w, t), channel: 'cash', amountFen: 1 }),
  'POST /api/payments/orders': (w, t) => ({ roomId: roomOf(w, t), billIds: [], prepaidFen: 100 }),
  'POST /api/me/payment-orders': (w, t) => ({ roomId: roomOf(w, t), billIds: [], prepaidFen: 100 }),
};
