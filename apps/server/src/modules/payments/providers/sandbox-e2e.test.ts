import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../../test/harness.ts';
import { createTenant, login, type Tenant } from '../../../../test/factories.ts';
import { feeItemBody, kit } from '../../billing/prepaid-test-kit.ts';

/**
 * The sandbox against the real callback endpoint (POST /api/payments/notify/sandbox, the payments
 * core): an order made through the API, paid on the sandbox's page, is posted exactly once from its
 * signed notification, whatever faults the tester chose. JOBS=0: the sandbox delivers in process.
 */
let t: TestApp;
let ours: Tenant;
let cashier: string;
let rooms: string[];
const k = kit(() => t);
const rows = async (q: ReturnType<typeof sql>) => { const r: any = await t.ctx.database.db.execute(q); return (r.rows ?? r) as any[]; };

beforeAll(async () => {
  t = await startTestApp({ env: { PAY_SANDBOX_RETRY_SCALE: '0.00002' } });
  ours = await createTenant(t);
  const hq = await login(t, ours.users.hq_admin!.phone);
  cashier = await login(t, ours.users.cashier!.phone);
  await k.as(hq)('POST', '/api/billing/fee-items', feeItemBody('WYF'));
  const g = await k.as(hq)('POST', `/api/projects/${ours.projectA}/buildings/generate`, { code: '1', name: '1号楼', units: 1, floors: 1, roomsPerFloor: 6, areas: Array(6).fill({ buildingArea: '90' }) });
  rooms = (await k.as(hq)('GET', `/api/rooms?buildingId=${g.json().buildingId}`)).json().items.map((r: any) => r.id);
});
afterAll(async () => t?.close());

async function newOrder(room: string, prepaidFen = 5_000) {
  const res = await t.app.inject({ method: 'POST', url: '/api/payments/orders', headers: { cookie: cashier }, payload: { roomId: room, billIds: [], prepaidFen } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: string; outTradeNo: string; payUrl: string; amountFen: number };
}
const pay = (no: string, faults: Record<string, unknown> = {}) => t.app.inject({ method: 'POST', url: `/sandbox/pay/${no}/pay`, payload: faults });
const payments = async (no: string) => rows(sql`select p.id, p.amount_fen from payments p join payment_orders o on o.payment_id = p.id where o.out_trade_no = ${no}`);
const postedOnce = async (no: string) => Number((await rows(sql`select count(*)::int as n from payments where provider = 'sandbox' and provider_txn_id =
  (select transaction_id from sandbox_pay_orders where out_trade_no = ${no})`))[0].n);
const verdicts = async (no: string) => (await rows(sql`select verdict from payment_notifications where out_trade_no = ${no} order by received_at`)).map((r) => r.verdict);
const until = async (cond: () => Promise<boolean>, ms = 5000) => {
  const end = Date.now() + ms;
  while (!(await cond()) && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
};
const orderStatus = async (id: string) => (await t.app.inject({ method: 'GET', url: `/api/payments/orders/${id}`, headers: { cookie: cashier } })).json().status;

describe('sandbox → POST /api/payments/notify/sandbox', () => {
  it('an order paid on the sandbox page is posted from its notification', async () => {
    const o = await newOrder(rooms[0]!);
    expect(o.payUrl).toMatch(new RegExp(`/sandbox/pay/${o.outTradeNo}$`));
    expect((await t.app.inject({ method: 'GET', url: new URL(o.payUrl).pathname })).statusCode).toBe(200);
    expect((await pay(o.outTradeNo)).statusCode).toBe(200);
    expect(await orderStatus(o.id)).toBe('paid');
    expect((await payments(o.outTradeNo)).map((p) => Number(p.amount_fen))).toEqual([5_000]);
    expect(await verdicts(o.outTradeNo)).toEqual(['posted']);
    const [s] = await rows(sql`select notify_attempts, notified_at from sandbox_pay_orders where out_trade_no = ${o.outTradeNo}`);
    expect(s.notify_attempts).toBe(1);
    expect(s.notified_at).not.toBeNull();
  });

  it('20 duplicates at once post once', async () => {
    const o = await newOrder(rooms[1]!);
    await pay(o.outTradeNo, { duplicates: 20 });
    expect(await postedOnce(o.outTradeNo)).toBe(1);
    const v = await verdicts(o.outTradeNo);
    expect(v).toHaveLength(21);
    expect(v.filter((x) => x === 'posted')).toHaveLength(1);
  });

  it('a bad signature is refused (nothing posted), the properly signed retry posts', async () => {
    const o = await newOrder(rooms[2]!);
    await pay(o.outTradeNo, { badSignature: true });
    await until(async () => (await verdicts(o.outTradeNo)).includes('posted'));
    const v = await verdicts(o.outTradeNo);
    // the forged copy is logged as bad_signature without its order number (nothing unsigned is trusted)
    expect(v).toEqual(['posted']);
    expect(v.at(-1)).toBe('posted');
    expect(await postedOnce(o.outTradeNo)).toBe(1);
  });

  it('a wrong amount is refused and keeps being retried, never posted', async () => {
    const o = await newOrder(rooms[3]!);
    await pay(o.outTradeNo, { wrongAmount: true });
    await until(async () => (await verdicts(o.outTradeNo)).length >= 3);
    expect(new Set(await verdicts(o.outTradeNo))).toEqual(new Set(['amount_mismatch']));
    expect(await payments(o.outTradeNo)).toEqual([]);
  });

  it('silent: nothing arrives; the order is still pending here and paid at the sandbox', async () => {
    const o = await newOrder(rooms[4]!);
    await pay(o.outTradeNo, { silent: true });
    await new Promise((r) => setTimeout(r, 200));
    expect(await verdicts(o.outTradeNo)).toEqual([]);
    expect(await orderStatus(o.id)).toBe('pending');
    expect(await t.ctx.payProviders.get('sandbox')!.queryOrder(o.outTradeNo)).toMatchObject({ status: 'paid', amountFen: 5_000 });
  });
});
