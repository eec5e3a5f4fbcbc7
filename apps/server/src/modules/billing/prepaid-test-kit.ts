import { sql } from 'drizzle-orm';
import type { TestApp } from '../../../test/harness.ts';

/** Shared by the prepaid tests: SQL helpers, bills inserted with their charge, the balance invariant. */
export function kit(t: () => TestApp) {
  const exec = (q: ReturnType<typeof sql>) => t().ctx.database.db.execute(q);
  const rows = async (q: ReturnType<typeof sql>) => ((await exec(q)) as any).rows as any[];
  const as: TestApp['as'] = (...a) => t().as(...a);

  /** a live periodic bill of one month and its charge entry, as a bill run would post them */
  async function bill(o: { companyId: string; projectId: string; roomId: string; feeItemId: string; month: string; due: string; principalFen: number }) {
    const from = `${o.month}-01`, to = `${o.month}-28`;
    const [b] = await rows(sql`insert into bills (id, company_id, project_id, room_id, fee_item_id, kind, period_from, period_to, due_date, principal_fen)
      values (uuid_v7(), ${o.companyId}, ${o.projectId}, ${o.roomId}, ${o.feeItemId}, 'periodic', ${from}, ${to}, ${o.due}, ${o.principalFen}) returning id`);
    await exec(sql`insert into ledger_entries (id, company_id, project_id, room_id, fee_item_id, bill_id, kind, account, component, amount_fen, entry_date)
      values (uuid_v7(), ${o.companyId}, ${o.projectId}, ${o.roomId}, ${o.feeItemId}, ${b.id}, 'charge', 'receivable', 'principal', ${o.principalFen}, ${from})`);
    return b.id as string;
  }

  /** a bill's outstanding by component: Σ of its receivable entries */
  async function outstanding(billId: string) {
    const [r] = await rows(sql`select coalesce(sum(amount_fen) filter (where component = 'principal'), 0)::bigint as p,
      coalesce(sum(amount_fen) filter (where component = 'late_fee'), 0)::bigint as l from ledger_entries where bill_id = ${billId} and account = 'receivable'`);
    return { principal: Number(r.p), lateFee: Number(r.l) };
  }

  /** the prepaid / deposit balance rows of a room: { 'prepaid:<earmark|general>': fen } */
  async function balances(roomId: string) {
    const list = await rows(sql`select account, fee_item_id, balance_fen from account_balances where room_id = ${roomId}`);
    return Object.fromEntries(list.map((r) => [`${r.account}:${r.fee_item_id ?? 'general'}`, Number(r.balance_fen)]));
  }

  /**
   * Every held balance of the company equals Σ of its account's entries per (room, earmark), none is
   * negative, and no bill is paid past zero. Returns the mismatches (empty = all good).
   */
  async function invariantBreaks(companyId: string): Promise<string[]> {
    const bad = await rows(sql`
      with sums as (
        select room_id, account, fee_item_id, sum(amount_fen)::bigint as fen from ledger_entries
        where company_id = ${companyId} and account in ('prepaid', 'deposit') group by 1, 2, 3
      )
      select coalesce(b.room_id, s.room_id) as room_id, coalesce(b.account, s.account) as account, coalesce(b.fee_item_id, s.fee_item_id) as fee_item_id,
        b.balance_fen, s.fen
      from (select * from account_balances where company_id = ${companyId}) b
      full join sums s on s.room_id = b.room_id and s.account = b.account and s.fee_item_id is not distinct from b.fee_item_id
      where coalesce(b.balance_fen, 0) <> coalesce(s.fen, 0) or b.balance_fen < 0`);
    const overpaid = await rows(sql`select bill_id, component, sum(amount_fen)::bigint as fen from ledger_entries
      where company_id = ${companyId} and account = 'receivable' and bill_id is not null group by 1, 2 having sum(amount_fen) < 0`);
    return [...bad.map((r) => `balance ${JSON.stringify(r)}`), ...overpaid.map((r) => `bill ${JSON.stringify(r)}`)];
  }

  return { exec, rows, as, bill, outstanding, balances, invariantBreaks };
}

export const feeItemBody = (code: string, o: { name?: string; category?: string; feeCategory?: string; taxRateBp?: number; invoiceCategory?: string; lateFee?: object | null } = {}) => ({
  code, name: o.name ?? code, category: o.category ?? 'periodic', feeCategory: o.feeCategory ?? 'property_fee', taxRateBp: o.taxRateBp ?? 600,
  invoiceCategory: o.invoiceCategory ?? '物业服务', defaultPayer: 'owner',
  ...(o.lateFee !== undefined ? { lateFee: o.lateFee } : {}),
});
