import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZWoStatsQuery } from '@wuye/shared';
import type { Executor } from '../../db/client.ts';
import { requireCompany, type Actor } from '../../lib/actor.ts';
import { BUSINESS_TZ, businessNow } from '../../lib/time.ts';
import { percent } from '../estate/views.service.ts';
import { orderScope } from './access.ts';

type Query = z.output<typeof ZWoStatsQuery>;

const keyOf: Record<Query['groupBy'], { key: SQL; label: SQL; join: SQL }> = {
  project: { key: sql`work_orders.project_id::text`, label: sql`max(p.name)`, join: sql`join projects p on p.id = work_orders.project_id` },
  category: { key: sql`work_orders.category_id::text`, label: sql`coalesce(max(c.name), '未分类')`, join: sql`left join wo_categories c on c.id = work_orders.category_id` },
  assignee: { key: sql`work_orders.assignee_user_id::text`, label: sql`coalesce(max(work_orders.assignee_name), '未派单')`, join: sql`` },
  month: { key: sql`to_char(work_orders.created_at at time zone ${BUSINESS_TZ}, 'YYYY-MM')`, label: sql`to_char(min(work_orders.created_at) at time zone ${BUSINESS_TZ}, 'YYYY-MM')`, join: sql`` },
  day: { key: sql`to_char(work_orders.created_at at time zone ${BUSINESS_TZ}, 'YYYY-MM-DD')`, label: sql`to_char(min(work_orders.created_at) at time zone ${BUSINESS_TZ}, 'YYYY-MM-DD')`, join: sql`` },
};

const measures = sql`
  count(*)::int as count,
  (count(*) filter (where work_orders.status <> 'cancelled'))::int as live,
  (count(*) filter (where work_orders.completed_at is not null))::int as completed,
  round(avg(extract(epoch from work_orders.accepted_at - work_orders.created_at) / 60) filter (where work_orders.accepted_at is not null))::int as avg_response,
  round(avg(extract(epoch from work_orders.completed_at - work_orders.created_at) / 60) filter (where work_orders.completed_at is not null))::int as avg_handling,
  (count(*) filter (where work_orders.overdue or (work_orders.status in ('submitted','assigned','accepted','in_progress','paused') and work_orders.paused_at is null and work_orders.complete_due_at < now())))::int as overdue,
  (count(*) filter (where work_orders.rating is not null or work_orders.revisit_result in ('satisfied','neutral','unsatisfied')))::int as rated,
  (count(*) filter (where work_orders.rating >= 4 or (work_orders.rating is null and work_orders.revisit_result = 'satisfied')))::int as satisfied,
  round(avg(work_orders.rating)::numeric, 2)::text as avg_rating,
  (count(*) filter (where work_orders.revisit_status = 'done'))::int as revisited`;

function view(r: any, key: string | null, label: string) {
  return {
    key, label, count: r.count, completed: r.completed, completionRate: percent(r.completed, r.live),
    avgResponseMinutes: r.avg_response, avgHandlingMinutes: r.avg_handling, overdue: r.overdue, overdueRate: percent(r.overdue, r.live),
    rated: r.rated, satisfied: r.satisfied, satisfactionRate: percent(r.satisfied, r.rated), avgRating: r.avg_rating, revisited: r.revisited,
  };
}

/**
 * 工单统计 over orders created in [from, to] (Asia/Shanghai days): count, completion and overdue
 * rates, average response (to acceptance) and handling (to completion) time, satisfaction — ratings
 * of 4–5, or a revisit that found the resident satisfied — grouped by project, category, person or period.
 */
export async function workOrderStats(db: Executor, actor: Actor, q: Query) {
  const companyId = requireCompany(actor);
  const to = q.to ?? businessNow().format('YYYY-MM-DD');
  // default: the last six full months and the current one (a trend, not a single month)
  const from = q.from ?? businessNow().subtract(6, 'month').startOf('month').format('YYYY-MM-DD');
  const g = keyOf[q.groupBy];
  const where = sql`work_orders.company_id = ${companyId} and ${orderScope(actor, q.projectId)}
    and work_orders.created_at >= (${from}::date)::timestamp at time zone ${BUSINESS_TZ} and work_orders.created_at < ((${to}::date + 1)::timestamp at time zone ${BUSINESS_TZ})`;
  const [rows, total]: any[] = await Promise.all([
    db.execute(sql`select ${g.key} as key, ${g.label} as label, ${measures} from work_orders ${g.join} where ${where} group by 1 order by 1`),
    db.execute(sql`select ${measures} from work_orders where ${where}`),
  ]);
  return {
    from, to,
    total: view(total.rows[0], null, '合计'),
    rows: (rows.rows as any[]).map((r) => view(r, r.key, r.label)),
  };
}
