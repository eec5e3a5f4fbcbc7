import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { createTenant, loginAs, type Tenant } from '../../../test/factories.ts';
import { businessNow } from '../../lib/time.ts';
import { multipartWith } from './finance-test-kit.ts';
import { sweepOrders } from './online.service.ts';
import { month, paymentsKit } from './payments-test-kit.ts';
import type { SandboxProvider } from './providers/sandbox.provider.ts';

/**
 * The day reconciles end to end: residents pay online through the sandbox provider, the provider's
 * own statement of the day is downloaded and imported. A payment the provider took whose
 * notification came with a wrong amount shows as `extra` with that notification beside it; once the
 * sweep has posted it (the provider's query gives the right amount), a re-import matches everything
 * and the day is marked reconciled.
 */
let t: TestApp;
let ours: Tenant;
let hq: string;
let resident: string;
let fee: string;
let rooms: string[];
let sandbox: SandboxProvider;
const k = paymentsKit(() => t);
const due = businessNow().add(-3, 'day').format('YYYY-MM-DD');

beforeAll(async () => {
  t = await startTestApp();
  ours = await createTenant(t);
  [hq, resident] = await loginAs(t, ours, 'hq_admin', 'resident');
  fee = await k.feeItem(hq, 'WYF');
  rooms = await k.rooms(hq, ours.projectA, '3', 3, '80');
  await k.bindResident(ours, ours.projectA, rooms);
  sandbox = t.ctx.payProviders.get('sandbox') as SandboxProvider;
});
afterAll(async () => t?.close());

const order = async (roomId: string, fen: number, m: number) => {
  const billId = await k.bill({ companyId: ours.companyId, projectId: ours.projectA, roomId, feeItemId: fee, month: month(m), due, principalFen: fen });
  const res = await t.app.inject({ method: 'POST', url: '/api/me/payment-orders', headers: { cookie: resident }, payload: { roomId, billIds: [billId] } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const notify = (d: { url: string; headers: Record<string, string>; payload: string }) =>
  t.app.inject({ method: 'POST', url: new URL(d.url, 'http://x').pathname, headers: d.headers, payload: d.payload });
const importDay = async (day: string) => {
  const csv = await t.app.inject({ method: 'GET', url: `/sandbox/pay/statement?date=${day}` });
  expect(csv.statusCode).toBe(200);
  const m = multipartWith({ provider: 'sandbox', date: day }, `sandbox-${day}.csv`, csv.rawPayload);
  return t.app.inject({ method: 'POST', url: '/api/payments/reconciliations', headers: { cookie: hq, ...m.headers }, payload: m.payload });
};

describe('the day reconciles with the sandbox provider\'s statement', () => {
  it('matches the posted payments, shows the wrongly notified one as extra until it is posted, then reconciles', async () => {
    const day = businessNow().format('YYYY-MM-DD');
    const paid = [await order(rooms[0]!, 12_300, -3), await order(rooms[1]!, 4_560, -3)];
    for (const o of paid) {
      const row = await sandbox.markPaid(o.outTradeNo, { silent: true });
      expect((await notify(sandbox.notification(row!, null))).statusCode).toBeLessThan(300);
    }
    const odd = await order(rooms[2]!, 7_890, -3);
    const row = await sandbox.markPaid(odd.outTradeNo, { silent: true });
    expect((await notify(sandbox.notification(row!, null, { wrongAmount: true }))).statusCode).toBe(400);

    const first = await importDay(day);
    expect(first.statusCode, first.body).toBe(200);
    const r = first.json();
    expect(r).toMatchObject({ format: 'wechat', rowCount: 3, matched: 2, matchedFen: 12_300 + 4_560, missing: 0, extra: 1, mismatched: 0 });
    const extra = r.items[0];
    expect(extra).toMatchObject({ kind: 'extra', outTradeNo: odd.outTradeNo, theirAmountFen: 7_890 });
    expect(extra.notifications.map((n: any) => n.verdict)).toEqual(['amount_mismatch']);

    // the sweep asks the provider, which answers the true amount: posted
    await k.exec(sql`update payment_orders set created_at = now() - interval '5 minutes' where id = ${odd.id}`);
    expect((await sweepOrders(t.ctx)).posted).toBe(1);
    const second = (await importDay(day)).json();
    expect(second).toMatchObject({ matched: 3, matchedFen: 12_300 + 4_560 + 7_890, extra: 0, missing: 0, mismatched: 0, unresolved: 0 });
    const done = await k.as(hq)('POST', `/api/payments/reconciliations/${second.id}/reconcile`, { version: second.version, note: '对平' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe('reconciled');
    // the first import of the day stays open with its difference: the history shows both
    const list = (await k.as(hq)('GET', '/api/payments/reconciliations')).json();
    expect(list.items.map((x: any) => [x.id, x.status])).toEqual([[second.id, 'reconciled'], [r.id, 'open']]);
  });
});
