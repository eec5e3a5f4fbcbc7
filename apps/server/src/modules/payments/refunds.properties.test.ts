import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { createTenant, login, type Tenant } from '../../../test/factories.ts';
import { feeItemBody, kit } from '../billing/prepaid-test-kit.ts';
import { identityViolations } from '../billing/test-bills.ts';
import { businessNow } from '../../lib/time.ts';
import { voidKit } from './refunds-test-kit.ts';

/**
 * Refunds under random sequences through the real routes, each on a fresh room: bills, cash
 * payments (the rest into prepaid), refund requests of a payment (any amount, sometimes naming an
 * allocation), prepaid refund requests, approvals, rejections, prepaid paid out or deducted
 * elsewhere meanwhile. After every step: billed + late fees = paid + waived + outstanding per bill and
 * nothing over-paid; balances = Σ entries and ≥ 0; per payment refunded_fen = Σ its succeeded
 * refunds ≤ amount, per allocation refunded_fen = Σ its succeeded lines; a succeeded refund's entries
 * add up to its amount, any other refund has none. Every answer is 200 or the refusal it should be.
 * Voids of those (same-day counter) payments too, by the manager (payment.void) or, refused, by the
 * cashier, sometimes with a stale version: the answer is the one the rows call for (refunded, spent
 * prepaid, already void → 409), a refused void writes nothing, and a voided payment's entries are all
 * reversed, its receipt void, and no refund of it can be asked for.
 */
// enough that every outcome below is reached in practically every run (each sequence is short, many steps find nothing to act on)
const SEQUENCES = Number(process.env.REFUND_SEQUENCES ?? 150);

let t: TestApp;
let ours: Tenant;
let cashier: string;
let pm: string;
let fee: string;
let building: string;
let roomNo = 0;
const k = kit(() => t);
const v = voidKit(() => t);
/** how each void ended, to show the sequences reached both sides */
const voidOutcomes = new Map<string, number>();
const month = (offset: number) => businessNow().add(offset, 'month').format('YYYY-MM');
const day = (offset: number) => businessNow().add(offset, 'day').format('YYYY-MM-DD');

type Cmd =
  | { t: 'bill'; fen: number }
  | { t: 'pay'; fen: number }
  | { t: 'refund'; payment: number; share: number; named: boolean }
  | { t: 'prepaidRefund'; fen: number }
  | { t: 'approve'; refund: number }
  | { t: 'reject'; refund: number }
  | { t: 'spend'; fen: number }
  | { t: 'void'; payment: number; flaw: 'none' | 'stale' | 'cashier' };

const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  fc.record({ t: fc.constant('bill' as const), fen: fc.integer({ min: 1, max: 20_000 }) }),
  fc.record({ t: fc.constant('pay' as const), fen: fc.integer({ min: 1, max: 30_000 }) }),
  // twice: voids take payments (and their prepaid) away from the refunds, and a sequence without one exercises nothing
  fc.record({ t: fc.constant('pay' as const), fen: fc.integer({ min: 1, max: 30_000 }) }),
  fc.record({ t: fc.constant('refund' as const), payment: fc.nat(5), share: fc.double({ min: 0.01, max: 1.3, noNaN: true }), named: fc.boolean() }),
  fc.record({ t: fc.constant('refund' as const), payment: fc.nat(5), share: fc.double({ min: 0.01, max: 1.3, noNaN: true }), named: fc.boolean() }),
  fc.record({ t: fc.constant('prepaidRefund' as const), fen: fc.integer({ min: 1, max: 10_000 }) }),
  fc.record({ t: fc.constant('prepaidRefund' as const), fen: fc.integer({ min: 1, max: 10_000 }) }),
  fc.record({ t: fc.constant('approve' as const), refund: fc.nat(7) }),
  fc.record({ t: fc.constant('approve' as const), refund: fc.nat(7) }),
  // a third time (and prepaid refunds twice): voids take prepaid back, yet prepaid refunds must get paid out now and then
  fc.record({ t: fc.constant('approve' as const), refund: fc.nat(7) }),
  fc.record({ t: fc.constant('reject' as const), refund: fc.nat(7) }),
  fc.record({ t: fc.constant('spend' as const), fen: fc.integer({ min: 1, max: 5_000 }) }),
  fc.record({ t: fc.constant('void' as const), payment: fc.nat(5), flaw: fc.constantFrom('none' as const, 'none' as const, 'none' as const, 'stale' as const, 'cashier' as const) }),
  fc.record({ t: fc.constant('void' as const), payment: fc.nat(5), flaw: fc.constant('none' as const) }),
);

beforeAll(async () => {
  t = await startTestApp();
  ours = await createTenant(t);
  const hq = await login(t, ours.users.hq_admin!.phone);
  [cashier, pm] = await Promise.all(['cashier', 'project_manager'].map((r) => login(t, ours.users[r]!.phone)));
  fee = (await k.as(hq)('POST', '/api/billing/fee-items', feeItemBody('WYF'))).json().id;
  const g = await k.as(hq)('POST', `/api/projects/${ours.projectA}/buildings/generate`, {
    code: 'P', name: 'P栋', units: 1, floors: Math.ceil(SEQUENCES / 20), roomsPerFloor: 20, areas: Array(20).fill({ buildingArea: '90' }),
  });
  expect(g.statusCode, g.body).toBe(200);
  building = g.json().buildingId;
});
afterAll(async () => t?.close());

async function breaks(roomId: string): Promise<string[]> {
  const bad = [...await identityViolations(t, ours.companyId), ...await k.invariantBreaks(ours.companyId), ...await v.voidBreaks(roomId)];
  const pays = await k.rows(sql`select p.id, p.amount_fen::bigint as amount, p.refunded_fen::bigint as refunded,
      coalesce((select sum(amount_fen) from refunds r where r.payment_id = p.id and r.status = 'succeeded'), 0)::bigint as succeeded
    from payments p where p.room_id = ${roomId}`);
  for (const p of pays) if (Number(p.refunded) !== Number(p.succeeded) || Number(p.refunded) > Number(p.amount)) bad.push(`payment ${JSON.stringify(p)}`);
  const allocs = await k.rows(sql`select a.id, a.refunded_fen::bigint as refunded,
      coalesce((select sum((l->>'amountFen')::bigint) from refunds r cross join lateral jsonb_array_elements(r.lines) l
        where r.payment_id = a.payment_id and r.status = 'succeeded' and l->>'allocationId' = a.id::text), 0)::bigint as lines
    from payment_allocations a join payments p on p.id = a.payment_id where p.room_id = ${roomId}`);
  for (const a of allocs) if (Number(a.refunded) !== Number(a.lines)) bad.push(`allocation ${JSON.stringify(a)}`);
  const refunds = await k.rows(sql`select r.id, r.status, r.amount_fen::bigint as amount,
      coalesce((select sum(case when e.kind = 'reversal' then e.amount_fen else -e.amount_fen end) from ledger_entries e where e.refund_id = r.id), 0)::bigint as posted,
      (select count(*) from ledger_entries e where e.refund_id = r.id)::int as n
    from refunds r where r.room_id = ${roomId}`);
  for (const r of refunds) {
    if (r.status === 'succeeded' ? Number(r.posted) !== Number(r.amount) : r.n !== 0) bad.push(`refund ${JSON.stringify(r)}`);
  }
  return bad;
}

/**
 * One void, its answer checked against what the rows call for before it: the cashier lacks
 * payment.void (403), a stale version is 409 stale_version, otherwise voidPayment's own refusals in
 * its order; any refusal leaves the room exactly as it was.
 */
async function voidStep(roomId: string, paymentId: string, flaw: 'none' | 'stale' | 'cashier') {
  const p = (await k.as(pm)('GET', `/api/payments/${paymentId}`)).json();
  const refusal = flaw === 'cashier' ? 'forbidden' : flaw === 'stale' ? 'stale_version' : await v.expectedRefusal(paymentId);
  const before = await v.footprint(roomId);
  const res = await k.as(flaw === 'cashier' ? cashier : pm)('POST', `/api/payments/${paymentId}/void`, { reason: '随机作废', version: p.version + (flaw === 'stale' ? 1 : 0) });
  voidOutcomes.set(refusal ?? 'voided', (voidOutcomes.get(refusal ?? 'voided') ?? 0) + 1);
  if (refusal === null) {
    expect(res.statusCode, res.body).toBe(200);
    expect([res.json().status, res.json().receipt?.status]).toEqual(['voided', 'voided']);
    return;
  }
  if (refusal === 'forbidden') expect(res.statusCode, res.body).toBe(403);
  else if (refusal === 'stale_version') expect([res.statusCode, res.json().error.code], res.body).toEqual([409, 'stale_version']);
  else expect([res.statusCode, res.json().error.details?.[0]?.message], res.body).toEqual([409, refusal]);
  expect(await v.footprint(roomId)).toBe(before);
}

describe('refund sequences', () => {
  it('keep the ledger, the payments and the refunds consistent', { timeout: 600_000 }, async () => {
    const roomIds: string[] = (await k.as(cashier)('GET', `/api/rooms?buildingId=${building}&pageSize=200`)).json().items.map((r: any) => r.id);
    await fc.assert(fc.asyncProperty(fc.array(cmd, { minLength: 3, maxLength: 12 }), async (cmds) => {
      const roomId = roomIds[roomNo++ % roomIds.length]!;
      const payments: string[] = [];
      const refunds: { id: string; version: number }[] = [];
      let m = -12 - roomNo * 13;
      for (const c of cmds) {
        let res;
        if (c.t === 'bill') {
          await k.bill({ companyId: ours.companyId, projectId: ours.projectA, roomId, feeItemId: fee, month: month(m++), due: day(-5), principalFen: c.fen });
          continue;
        } else if (c.t === 'pay') {
          res = await k.as(cashier)('POST', '/api/payments', { roomId, channel: 'cash', amountFen: c.fen, prepayRemainder: true });
          expect(res.statusCode, res.body).toBe(200);
          payments.push(res.json().id);
        } else if (c.t === 'refund') {
          if (payments.length === 0) continue;
          const pid = payments[c.payment % payments.length]!;
          const p = (await k.as(cashier)('GET', `/api/payments/${pid}`)).json();
          const amountFen = Math.max(1, Math.round((p.amountFen - p.refundedFen) * c.share));
          const allocationIds = c.named && p.allocations.length ? [p.allocations[0].id] : undefined;
          res = await k.as(cashier)('POST', `/api/payments/${pid}/refunds`, { amountFen, channel: 'cash', reason: '随机', ...(allocationIds ? { allocationIds } : {}) });
          if (p.status === 'voided') {
            expect([res.statusCode, res.json().error.details[0].message]).toEqual([409, 'payment_voided']);
          } else if (res.statusCode === 200) {
            expect(res.json().lines.reduce((s: number, l: any) => s + l.amountFen, 0)).toBe(amountFen);
            refunds.push(res.json());
          } else {
            expect(res.statusCode, res.body).toBe(400);
            expect(res.json().error.details[0].maxFen).toBeLessThan(amountFen);
          }
        } else if (c.t === 'prepaidRefund') {
          res = await k.as(cashier)('POST', '/api/refunds', { roomId, source: 'prepaid', amountFen: c.fen, channel: 'cash', reason: '随机' });
          if (res.statusCode === 200) refunds.push(res.json());
          else expect([res.statusCode, res.json().error.details[0].message]).toEqual([409, 'insufficient_balance']);
        } else if (c.t === 'approve' || c.t === 'reject') {
          if (refunds.length === 0) continue;
          const r = refunds[c.refund % refunds.length]!;
          res = await k.as(pm)('POST', `/api/refunds/${r.id}/${c.t}`, { version: r.version, ...(c.t === 'reject' ? { note: '随机驳回' } : {}) });
          if (res.statusCode === 200) refunds[refunds.indexOf(r)] = res.json();
          else expect(res.statusCode, res.body).toBe(409);
        } else if (c.t === 'void') {
          if (payments.length === 0) continue;
          await voidStep(roomId, payments[c.payment % payments.length]!, c.flaw);
        } else {
          res = await k.as(cashier)('POST', `/api/rooms/${roomId}/prepaid/refund`, { amountFen: c.fen, reason: '柜台直接退' });
          expect([200, 409]).toContain(res.statusCode);
        }
        expect(await breaks(roomId), JSON.stringify(c)).toEqual([]);
      }
    }), { numRuns: SEQUENCES });
    // the sequences reached every outcome: refunds of both sources paid out, refused approvals, rejections
    const seen = await k.rows(sql`select source, status, count(*)::int as n from refunds where company_id = ${ours.companyId} group by 1, 2 order by 1, 2`);
    const n = (source: string, status: string) => seen.find((r) => r.source === source && r.status === status)?.n ?? 0;
    expect(n('payment', 'succeeded') > 0 && n('prepaid', 'succeeded') > 0 && n('payment', 'rejected') + n('prepaid', 'rejected') > 0, JSON.stringify(seen)).toBe(true);
    const ended = Object.fromEntries(voidOutcomes);
    expect((ended.voided ?? 0) > 0 && (ended.has_refunds ?? 0) + (ended.already_voided ?? 0) + (ended.insufficient_balance ?? 0) > 0, JSON.stringify(ended)).toBe(true);
  });
});
