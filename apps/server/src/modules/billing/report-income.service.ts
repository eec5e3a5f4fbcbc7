import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { IncomeReport, ZIncomeQuery } from '@wuye/shared';
import type { AppDb, Executor } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { effectiveKind, inScope, monthEnd, monthRange, monthStart, n, reportScope, readReport } from './reports.service.ts';

/**
 * 收入 by fee item and month of the entry date: billed = charges + late fees − waivers (accrual;
 * 期初 opening balances were accrued in the legacy system and are left out), collected = payments +
 * prepaid deductions. 公共收益 items (fee_items.common_income) are totalled apart.
 */
async function incomeReportIn(db: Executor, actor: Actor, q: z.output<typeof ZIncomeQuery>): Promise<IncomeReport> {
  const scope = await reportScope(db, actor, q.projectId);
  const { from, to } = monthRange(q);
  const res: any = await db.execute(sql`
    select x.fee_item_id::text as fee_item_id, f.name, f.common_income, x.m,
           sum(case when x.ek in ('charge', 'late_fee', 'waiver') then x.amount_fen else 0 end) as billed,
           -sum(case when x.ek in ('payment', 'prepay_deduction') then x.amount_fen else 0 end) as collected
      from (select e.fee_item_id, to_char(e.entry_date, 'YYYY-MM') as m, e.amount_fen, ${effectiveKind('e')} as ek
              from ledger_entries e
             where e.company_id = ${scope.companyId} ${inScope(scope, sql`e.project_id`)} and e.account = 'receivable'
               and e.entry_date between ${monthStart(from)} and ${monthEnd(to)}) x
      join fee_items f on f.id = x.fee_item_id
     group by 1, 2, 3, 4
    having sum(case when x.ek in ('charge', 'late_fee', 'waiver', 'payment', 'prepay_deduction') then 1 else 0 end) > 0
     order by f.common_income, f.name, x.m`);
  const rows = res.rows.map((r: any) => ({
    feeItemId: r.fee_item_id, feeItemName: r.name, commonIncome: r.common_income === true || r.common_income === 't', month: r.m,
    billedFen: n(r.billed), collectedFen: n(r.collected),
  }));
  const sum = (pick: (r: (typeof rows)[number]) => boolean) => rows.filter(pick).reduce(
    (s: { billedFen: number; collectedFen: number }, r: any) => ({ billedFen: s.billedFen + r.billedFen, collectedFen: s.collectedFen + r.collectedFen }), { billedFen: 0, collectedFen: 0 });
  return { from, to, rows, operating: sum((r) => !r.commonIncome), commonIncome: sum((r) => r.commonIncome), total: sum(() => true) };
}

export const incomeReport = (db: AppDb, actor: Actor, q: z.output<typeof ZIncomeQuery>) => readReport(db, (tx) => incomeReportIn(tx, actor, q));
