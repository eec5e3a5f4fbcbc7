import { sql } from 'drizzle-orm';
import type { TestApp } from '../../../test/harness.ts';
import { addMember, createUser, type Tenant } from '../../../test/factories.ts';
import { BUSINESS_TZ, businessNow, dayjs } from '../../lib/time.ts';
import { residentRooms } from '../org/org.table.ts';
import { paymentsKit } from './payments-test-kit.ts';

export const today = () => businessNow().format('YYYY-MM-DD');
/** the business day `n` days before today */
export const ago = (n: number) => dayjs.tz(today(), BUSINESS_TZ).subtract(n, 'day').format('YYYY-MM-DD');

/** Shared by the reminder tests: bills with their charge, late fees and payments as entries, residents, rooms. */
export function remindKit(t: () => TestApp) {
  const k = paymentsKit(t);

  /** a live bill due on `due`, with its charge entry; each bill gets a month of its own (live bills never overlap) */
  let months = 0;
  async function bill(o: { tenant: Tenant; projectId: string; roomId: string; feeItemId: string; due: string; principalFen: number }) {
    const from = dayjs('2015-01-01').add(months++, 'month');
    const [b] = await k.rows(sql`insert into bills (id, company_id, project_id, room_id, fee_item_id, kind, period_from, period_to, due_date, principal_fen)
      values (uuid_v7(), ${o.tenant.companyId}, ${o.projectId}, ${o.roomId}, ${o.feeItemId}, 'periodic', ${from.format('YYYY-MM-DD')}, ${from.endOf('month').format('YYYY-MM-DD')}, ${o.due}, ${o.principalFen}) returning id`);
    await k.exec(sql`insert into ledger_entries (id, company_id, project_id, room_id, fee_item_id, bill_id, kind, account, component, amount_fen, entry_date)
      values (uuid_v7(), ${o.tenant.companyId}, ${o.projectId}, ${o.roomId}, ${o.feeItemId}, ${b.id}, 'charge', 'receivable', 'principal', ${o.principalFen}, ${from.format('YYYY-MM-DD')})`);
    return b.id as string;
  }

  /** a receivable entry on a bill: a posted late fee (+) or a payment (−) */
  async function entry(billId: string, kind: 'late_fee' | 'payment', amountFen: number) {
    await k.exec(sql`insert into ledger_entries (id, company_id, project_id, room_id, fee_item_id, bill_id, kind, account, component, amount_fen, entry_date)
      select uuid_v7(), company_id, project_id, room_id, fee_item_id, id, ${kind}, 'receivable', ${kind === 'late_fee' ? 'late_fee' : 'principal'}, ${amountFen}, ${today()}
        from bills where id = ${billId}`);
  }

  /** a resident account (with a phone) bound to the room */
  async function resident(tenant: Tenant, projectId: string, roomId: string) {
    const u = await createUser(t());
    const m = await addMember(t(), tenant.companyId, u.userId, 'resident', []);
    await t().ctx.database.db.insert(residentRooms).values({ companyId: tenant.companyId, projectId, membershipId: m, roomId, relation: 'owner', status: 'active' });
    return u;
  }

  /** an owner in the archive (room_residents) */
  async function owner(tenant: Tenant, projectId: string, roomId: string, name: string) {
    const [p] = await k.rows(sql`insert into persons (id, company_id, name) values (uuid_v7(), ${tenant.companyId}, ${name}) returning id`);
    await k.exec(sql`insert into room_residents (id, company_id, project_id, room_id, person_id, relation, share_bp, valid_from)
      values (uuid_v7(), ${tenant.companyId}, ${projectId}, ${roomId}, ${p.id}, 'owner', 10000, '2020-01-01')`);
  }

  return { ...k, bill, entry, resident, owner };
}
