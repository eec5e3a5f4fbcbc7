import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountBalances, applyEntry, EMPTY_ACCOUNT, type AccountEntry, type AccountState } from './account.ts';
import { vacancyDiscount } from './allocation.ts';
import { addDays, monthEnd } from './dates.ts';
import { lateFee, type SettleOrder } from './late-fee.ts';
import { periodicCharge } from './periodic-charge.ts';

/**
 * 10,000 random sequences of bill runs (prorated area × price charges, vacancy discounts),
 * late fees, waivers, payments, prepay deposits, deductions, refunds and reversals over three
 * rooms, all computed by the core. After every step, for every room:
 *   billed + late fees = paid + waived + outstanding, every balance ≥ 0 (prepaid ≥ 0),
 * money in − money out = paid + prepaid, and a refused entry leaves the room untouched.
 */
const ROOMS = 3;
const room = fc.integer({ min: 0, max: ROOMS - 1 });
const order = fc.constantFrom<SettleOrder>('principal_first', 'late_fee_first');
const money = fc.integer({ min: 0, max: 2_000_000 });

type Cmd =
  | { t: 'bill_run'; month: number; months: 1 | 3 | 6 | 12; startDay: number; vacant: boolean[] }
  | { t: 'late_fee'; room: number; grace: number; days: number; ppm: number }
  | { t: 'waiver'; room: number; pBp: number; lBp: number; over: boolean }
  | { t: 'payment'; room: number; amount: number; order: SettleOrder }
  | { t: 'prepay_deposit'; room: number; amount: number }
  | { t: 'prepay_deduction'; room: number; amount: number; order: SettleOrder }
  | { t: 'refund'; room: number; amount: number }
  | { t: 'reverse_payment'; room: number; pBp: number; lBp: number }
  | { t: 'reverse_charge'; room: number; amount: number };

const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  fc.record({ t: fc.constant('bill_run' as const), month: fc.integer({ min: 0, max: 47 }), months: fc.constantFrom(1 as const, 3 as const, 6 as const, 12 as const),
    startDay: fc.integer({ min: 1, max: 28 }), vacant: fc.array(fc.boolean(), { minLength: ROOMS, maxLength: ROOMS }) }),
  fc.record({ t: fc.constant('late_fee' as const), room, grace: fc.integer({ min: 0, max: 15 }), days: fc.integer({ min: 0, max: 400 }), ppm: fc.integer({ min: 0, max: 1000 }) }),
  fc.record({ t: fc.constant('waiver' as const), room, pBp: fc.integer({ min: 0, max: 10_000 }), lBp: fc.integer({ min: 0, max: 10_000 }), over: fc.boolean() }),
  fc.record({ t: fc.constant('payment' as const), room, amount: money, order }),
  fc.record({ t: fc.constant('prepay_deposit' as const), room, amount: money }),
  fc.record({ t: fc.constant('prepay_deduction' as const), room, amount: money, order }),
  fc.record({ t: fc.constant('refund' as const), room, amount: money }),
  fc.record({ t: fc.constant('reverse_payment' as const), room, pBp: fc.integer({ min: 0, max: 10_000 }), lBp: fc.integer({ min: 0, max: 10_000 }) }),
  fc.record({ t: fc.constant('reverse_charge' as const), room, amount: money }),
);
const roomBasis = fc.record({ area: fc.integer({ min: 100, max: 50_000 }), unitPrice: fc.integer({ min: 1, max: 100_000 }) });

const part = (x: number, bp: number) => Math.floor((x * bp) / 10_000);

interface Tally { cashIn: number; cashOut: number; charged: number; lateFees: number }

function entriesFor(c: Cmd, s: AccountState[], bases: { area: number; unitPrice: number }[]): [number, AccountEntry][] {
  switch (c.t) {
    case 'bill_run': {
      const y = 2023 + Math.floor(c.month / 12), m = (c.month % 12) + 1;
      const from = `${y}-${String(m).padStart(2, '0')}-${String(c.startDay).padStart(2, '0')}`;
      const to = monthEnd(addDays(from, 30 * (c.months - 1))); // first month may be partial
      return bases.map((b, r) => {
        const line = periodicCharge({ ...b, from, to }).amountFen;
        const net = c.vacant[r] ? vacancyDiscount(line, 5000).netFen : line;
        return [r, { kind: 'charge', amountFen: net }];
      });
    }
    case 'late_fee': {
      const principalFen = s[c.room]!.principalOutstandingFen;
      const fee = lateFee({ principalFen, dueDate: '2024-01-31', graceDays: c.grace, dailyRatePpm: c.ppm, capBp: 1000, asOf: addDays('2024-01-31', c.days), payments: [] });
      return [[c.room, { kind: 'late_fee', amountFen: fee.amountFen }]];
    }
    case 'waiver': {
      const st = s[c.room]!;
      const extra = c.over ? 1 : 0; // one 分 more than outstanding must be refused
      return [[c.room, { kind: 'waiver', principalFen: part(st.principalOutstandingFen, c.pBp) + extra, lateFeeFen: part(st.lateFeeOutstandingFen, c.lBp) }]];
    }
    case 'payment': return [[c.room, { kind: 'payment', amountFen: c.amount, order: c.order }]];
    case 'prepay_deposit': return [[c.room, { kind: 'prepay_deposit', amountFen: c.amount }]];
    case 'prepay_deduction': return [[c.room, { kind: 'prepay_deduction', amountFen: c.amount, order: c.order }]];
    case 'refund': return [[c.room, { kind: 'refund', amountFen: c.amount }]];
    case 'reverse_payment': {
      const st = s[c.room]!;
      return [[c.room, { kind: 'reversal', of: 'payment', principalFen: part(st.paidPrincipalFen, c.pBp), lateFeeFen: part(st.paidLateFeeFen, c.lBp) }]];
    }
    case 'reverse_charge': return [[c.room, { kind: 'reversal', of: 'charge', principalFen: c.amount, lateFeeFen: 0 }]];
  }
}

/** Whether the model should accept the entry, decided independently of applyEntry. */
function acceptable(s: AccountState, e: AccountEntry): boolean {
  const out = s.principalOutstandingFen + s.lateFeeOutstandingFen;
  switch (e.kind) {
    case 'waiver': return e.principalFen <= s.principalOutstandingFen && e.lateFeeFen <= s.lateFeeOutstandingFen;
    case 'prepay_deduction': return e.amountFen <= s.prepaidFen && e.amountFen <= out;
    case 'refund': return e.amountFen <= s.prepaidFen;
    case 'reversal': return e.of === 'charge' ? e.principalFen <= s.principalOutstandingFen : e.of === 'payment' ? e.principalFen <= s.paidPrincipalFen && e.lateFeeFen <= s.paidLateFeeFen : e.lateFeeFen <= s.lateFeeOutstandingFen;
    default: return true;
  }
}

function track(t: Tally, e: AccountEntry): void {
  switch (e.kind) {
    case 'charge': t.charged += e.amountFen; break;
    case 'late_fee': t.lateFees += e.amountFen; break;
    case 'payment': case 'prepay_deposit': t.cashIn += e.amountFen; break;
    case 'refund': t.cashOut += e.amountFen; break;
    case 'reversal':
      if (e.of === 'payment') t.cashOut += e.principalFen + e.lateFeeFen;
      if (e.of === 'charge') t.charged -= e.principalFen;
      if (e.of === 'late_fee') t.lateFees -= e.lateFeeFen;
      break;
    default: break;
  }
}

describe('account model over random sequences', () => {
  it('keeps billed + late fees = paid + waived + outstanding and prepaid ≥ 0 for every room', () => {
    fc.assert(fc.property(fc.array(roomBasis, { minLength: ROOMS, maxLength: ROOMS }), fc.array(cmd, { minLength: 1, maxLength: 20 }), (bases, cmds) => {
      const states: AccountState[] = Array.from({ length: ROOMS }, () => EMPTY_ACCOUNT);
      const tallies: Tally[] = Array.from({ length: ROOMS }, () => ({ cashIn: 0, cashOut: 0, charged: 0, lateFees: 0 }));
      for (const c of cmds) {
        for (const [r, e] of entriesFor(c, states, bases)) {
          const before = states[r]!;
          const res = applyEntry(before, e);
          expect(res.ok).toBe(acceptable(before, e));
          if (!res.ok) continue;
          states[r] = res.state;
          track(tallies[r]!, e);
        }
        states.forEach((s, r) => {
          const t = tallies[r]!;
          expect(accountBalances(s)).toBe(true);
          expect(s.billedFen + s.lateFeeFen).toBe(s.paidPrincipalFen + s.paidLateFeeFen + s.waivedPrincipalFen + s.waivedLateFeeFen + s.principalOutstandingFen + s.lateFeeOutstandingFen);
          expect(s.prepaidFen).toBeGreaterThanOrEqual(0);
          expect(s.billedFen).toBe(t.charged);
          expect(s.lateFeeFen).toBe(t.lateFees);
          expect(t.cashIn - t.cashOut).toBe(s.paidPrincipalFen + s.paidLateFeeFen + s.prepaidFen);
        });
      }
    }), { numRuns: 10_000 });
  });

  it('refuses what would overdraw a balance and leaves the state as it was', () => {
    const s: AccountState = { ...EMPTY_ACCOUNT, billedFen: 100, principalOutstandingFen: 100, prepaidFen: 50 };
    expect(applyEntry(s, { kind: 'prepay_deduction', amountFen: 51, order: 'principal_first' }).ok).toBe(false);
    expect(applyEntry(s, { kind: 'waiver', principalFen: 101, lateFeeFen: 0 }).ok).toBe(false);
    expect(applyEntry(s, { kind: 'refund', amountFen: 51 }).ok).toBe(false);
    expect(applyEntry(s, { kind: 'reversal', of: 'payment', principalFen: 1, lateFeeFen: 0 }).ok).toBe(false);
    expect(applyEntry(s, { kind: 'reversal', of: 'charge', principalFen: 0, lateFeeFen: 1 }).ok).toBe(false);
    expect(applyEntry(s, { kind: 'charge', amountFen: -1 }).ok).toBe(false);
    const paid = applyEntry(s, { kind: 'payment', amountFen: 130, order: 'principal_first' });
    expect(paid).toEqual({ ok: true, state: { ...s, paidPrincipalFen: 100, principalOutstandingFen: 0, prepaidFen: 80 } });
  });
});
