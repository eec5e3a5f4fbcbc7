import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZReminderBill, ZReminderCandidate } from '@wuye/shared';
import type { Executor } from '../../db/client.ts';
import { BUSINESS_TZ, businessNow, dayjs } from '../../lib/time.ts';

export type ReminderBill = z.infer<typeof ZReminderBill>;
export type Candidate = z.infer<typeof ZReminderCandidate>;

export const todayInShanghai = () => businessNow().format('YYYY-MM-DD');
/** the day `days` before a business date */
export const daysBefore = (day: string, days: number) => dayjs.tz(day, BUSINESS_TZ).subtract(days, 'day').format('YYYY-MM-DD');

export interface CandidateFilter {
  companyId: string;
  projectId: string;
  /** bills count when due strictly before this day (today − daysOverdue) */
  dueBefore: string;
  /** Σ outstanding of those bills per room at least this (0 = anything owed) */
  minAmountFen: number;
  roomIds?: readonly string[];
  buildingId?: string;
  /** a rule's run: skip rooms this rule reminded within `repeatDays` business days up to `asOf` */
  rule?: { id: string; repeatDays: number; asOf: string };
  limit?: number;
}

const rows = (r: unknown) => (r as { rows: any[] }).rows;
const n = (v: unknown) => Number(v ?? 0);

/**
 * The owing rooms of one project, set-based: each live bill due before `dueBefore` with what its
 * receivable entries still sum to (principal and posted late fees; billing-plan "sign conventions"),
 * grouped per room with a snapshot of the bills (oldest due first), most owed last by code order.
 */
export async function findCandidates(db: Executor, f: CandidateFilter): Promise<Candidate[]> {
  const filters: SQL[] = [];
  if (f.roomIds?.length) filters.push(sql` and b.room_id = any(${sql.param([...f.roomIds])}::uuid[])`);
  if (f.buildingId) filters.push(sql` and exists (select 1 from rooms ro where ro.id = b.room_id and ro.company_id = b.company_id and ro.building_id = ${f.buildingId})`);
  const repeat = f.rule
    ? sql` and not exists (select 1 from reminders rm where rm.company_id = ${f.companyId} and rm.room_id = t.room_id and rm.rule_id = ${f.rule.id}
                             and (rm.sent_at at time zone ${BUSINESS_TZ})::date > ${daysBefore(f.rule.asOf, f.rule.repeatDays)}::date)`
    : sql``;
  const res = await db.execute(sql`
    with o as materialized (
      select b.id as bill_id, b.room_id, b.fee_item_id, b.period_from, b.period_to, b.due_date,
             sum(e.amount_fen) as amount, coalesce(sum(e.amount_fen) filter (where e.component = 'late_fee'), 0) as late
        from bills b
        join ledger_entries e on e.company_id = b.company_id and e.bill_id = b.id and e.account = 'receivable'
       where b.company_id = ${f.companyId} and b.project_id = ${f.projectId} and b.status = 'live' and b.room_id is not null
         and b.due_date < ${f.dueBefore}::date ${sql.join(filters)}
       group by b.id
      having sum(e.amount_fen) > 0),
    t as (
      select o.room_id, sum(o.amount) as total, count(*) as bill_count, to_char(min(o.due_date), 'YYYY-MM-DD') as oldest,
             jsonb_agg(jsonb_build_object(
               'billId', o.bill_id, 'feeItemName', fi.name,
               'periodFrom', to_char(o.period_from, 'YYYY-MM-DD'), 'periodTo', to_char(o.period_to, 'YYYY-MM-DD'),
               'dueDate', to_char(o.due_date, 'YYYY-MM-DD'),
               'principalFen', o.amount - o.late, 'lateFeeFen', o.late, 'outstandingFen', o.amount)
               order by o.due_date, o.period_from, fi.name) as bills
        from o join fee_items fi on fi.id = o.fee_item_id
       group by o.room_id
      having sum(o.amount) >= ${f.minAmountFen})
    select t.*, r.code, bd.name as building_name,
           (select count(distinct m.user_id) from resident_rooms rr join memberships m on m.id = rr.membership_id
             where rr.company_id = ${f.companyId} and rr.room_id = t.room_id and rr.status = 'active' and m.status = 'active') as residents
      from t join rooms r on r.id = t.room_id
      left join buildings bd on bd.id = r.building_id
     where true ${repeat}
     order by r.code
     ${f.limit ? sql`limit ${f.limit}` : sql``}`);
  return rows(res).map((r) => ({
    roomId: r.room_id, code: r.code, buildingName: r.building_name ?? null,
    billCount: n(r.bill_count), totalFen: n(r.total), oldestDueDate: r.oldest, residents: n(r.residents),
    bills: (typeof r.bills === 'string' ? JSON.parse(r.bills) : r.bills).map((b: any) => ({
      ...b, principalFen: n(b.principalFen), lateFeeFen: n(b.lateFeeFen), outstandingFen: n(b.outstandingFen),
    })),
  }));
}
