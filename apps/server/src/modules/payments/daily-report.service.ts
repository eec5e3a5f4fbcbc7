import { sql, type SQL } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { paymentChannelValues, type DailyReport } from '@wuye/shared';
import type { AppDb, Executor } from '../../db/client.ts';
import { listProjects, requireCompany, type Actor } from '../../lib/actor.ts';
import { PDF_MIME, renderPdf, type PdfColumn } from '../../lib/pdf.ts';
import { businessNow } from '../../lib/time.ts';
import { record } from '../audit/audit.service.ts';
import { XLSX_MIME } from '../estate/excel/workbook.ts';
import { scopeName } from '../billing/report-export.ts';
import { checkProject } from '../org/projects.service.ts';

/**
 * 收费日报: one business day's payments of a project (or every visible one), optionally of one
 * cashier. Collected = every payment of the day; voids = those voided (voids are same-day only);
 * refunds = refunds that succeeded that day (by the requester for a cashier's report). By channel
 * and by fee item count only live payments, so each sums to collected − voids.
 */

export interface DailyQuery { projectId?: string; date?: string; cashierId?: string }
export const channelNames: Record<string, string> = { cash: '现金', transfer: '转账', pos: 'POS 刷卡', online: '在线支付' };

const inList = (col: SQL, ids: 'all' | string[]) =>
  ids === 'all' ? sql`true` : ids.length ? sql`${col} in (${sql.join(ids.map((x) => sql`${x}::uuid`), sql`, `)})` : sql`false`;

export async function dailyReport(db: Executor, actor: Actor, q: DailyQuery): Promise<DailyReport> {
  const companyId = requireCompany(actor);
  if (q.projectId) await checkProject(db, actor, q.projectId);
  const date = q.date ?? businessNow().format('YYYY-MM-DD');
  const ids = listProjects(actor, q.projectId);
  const pays = sql`p.company_id = ${companyId} and ${inList(sql`p.project_id`, ids)} and p.business_date = ${date}::date
    ${q.cashierId ? sql`and p.created_by = ${q.cashierId}` : sql``}`;
  const rows = async (s: SQL) => ((await db.execute(s)) as any).rows as any[];
  const [totals, channels, refunds, fees, prepaid, cashiers, cashierName] = await Promise.all([
    rows(sql`select count(*)::int as n, coalesce(sum(amount_fen), 0)::bigint as fen,
      count(*) filter (where status = 'voided')::int as vn, coalesce(sum(amount_fen) filter (where status = 'voided'), 0)::bigint as vfen
      from payments p where ${pays}`),
    rows(sql`select channel, count(*)::int as n, sum(amount_fen)::bigint as fen from payments p where ${pays} and status = 'posted' group by 1`),
    rows(sql`select case when r.channel = 'original' then coalesce(p.channel, 'cash') else r.channel end as channel, count(*)::int as n, sum(r.amount_fen)::bigint as fen
      from refunds r left join payments p on p.id = r.payment_id
      where r.company_id = ${companyId} and ${inList(sql`r.project_id`, ids)} and r.status = 'succeeded'
        and (r.completed_at at time zone 'Asia/Shanghai')::date = ${date}::date ${q.cashierId ? sql`and r.requested_by = ${q.cashierId}` : sql``}
      group by 1`),
    rows(sql`select f.id, f.name, coalesce(sum(a.amount_fen) filter (where a.component = 'principal'), 0)::bigint as principal,
        coalesce(sum(a.amount_fen) filter (where a.component = 'late_fee'), 0)::bigint as late_fee
      from payments p join payment_allocations a on a.company_id = p.company_id and a.payment_id = p.id
      join bills b on b.id = a.bill_id join fee_items f on f.id = b.fee_item_id
      where ${pays} and p.status = 'posted' group by 1, 2 order by 2, 1`),
    rows(sql`select p.prepaid_fee_item_id as id, f.name, sum(p.prepaid_fen)::bigint as fen
      from payments p left join fee_items f on f.id = p.prepaid_fee_item_id
      where ${pays} and p.status = 'posted' and p.prepaid_fen > 0 group by 1, 2 order by 2 nulls first`),
    rows(sql`select p.created_by as id, u.name, count(*)::int as n, sum(p.amount_fen)::bigint as fen
      from payments p left join users u on u.id = p.created_by where ${pays} and p.status = 'posted' group by 1, 2 order by 2 nulls last`),
    q.cashierId ? rows(sql`select name from users where id = ${q.cashierId}`) : Promise.resolve([]),
  ]);
  const t = totals[0]!;
  const refundTotal = refunds.reduce((s, r) => s + Number(r.fen), 0);
  const collected = { count: Number(t.n), amountFen: Number(t.fen) };
  const voids = { count: Number(t.vn), amountFen: Number(t.vfen) };
  return {
    date, projectId: q.projectId ?? null, projectName: await scopeName(db as AppDb, actor, q.projectId),
    cashierId: q.cashierId ?? null, cashierName: cashierName[0]?.name ?? null,
    collected, voids,
    refunds: { count: refunds.reduce((s, r) => s + Number(r.n), 0), amountFen: refundTotal },
    netFen: collected.amountFen - voids.amountFen - refundTotal,
    byChannel: paymentChannelValues.map((c) => {
      const x = channels.find((r) => r.channel === c);
      return { channel: c, count: Number(x?.n ?? 0), amountFen: Number(x?.fen ?? 0), refundsFen: Number(refunds.find((r) => r.channel === c)?.fen ?? 0) };
    }),
    byFeeItem: [
      ...fees.map((f) => ({ feeItemId: f.id, feeItemName: f.name, kind: 'bill' as const, principalFen: Number(f.principal), lateFeeFen: Number(f.late_fee), amountFen: Number(f.principal) + Number(f.late_fee) })),
      ...prepaid.map((p) => ({ feeItemId: p.id, feeItemName: p.name ? `预存（${p.name}）` : '通用预存', kind: 'prepaid' as const, principalFen: Number(p.fen), lateFeeFen: 0, amountFen: Number(p.fen) })),
    ],
    byCashier: cashiers.map((c) => ({ cashierId: c.id, cashierName: c.name ?? '在线支付', count: Number(c.n), amountFen: Number(c.fen) })),
  };
}

type Cell = string | number;
interface Section { title: string; cols: { header: string; money?: boolean; width: number }[]; rows: Cell[][] }

function sections(r: DailyReport): Section[] {
  return [
    {
      title: '汇总', cols: [{ header: '项目', width: 14 }, { header: '笔数', width: 8 }, { header: '金额', width: 14, money: true }],
      rows: [['收款', r.collected.count, r.collected.amountFen], ['作废', r.voids.count, r.voids.amountFen], ['退款', r.refunds.count, r.refunds.amountFen], ['净收款', '', r.netFen]],
    },
    {
      title: '按收款方式', cols: [{ header: '收款方式', width: 14 }, { header: '笔数', width: 8 }, { header: '收款', width: 14, money: true }, { header: '退款', width: 14, money: true }],
      rows: r.byChannel.map((c) => [channelNames[c.channel]!, c.count, c.amountFen, c.refundsFen]),
    },
    {
      title: '按收费项目', cols: [{ header: '收费项目', width: 18 }, { header: '本金', width: 14, money: true }, { header: '滞纳金', width: 12, money: true }, { header: '合计', width: 14, money: true }],
      rows: r.byFeeItem.map((f) => [f.feeItemName, f.principalFen, f.lateFeeFen, f.amountFen]),
    },
    {
      title: '按收银员', cols: [{ header: '收银员', width: 14 }, { header: '笔数', width: 8 }, { header: '金额', width: 14, money: true }],
      rows: r.byCashier.map((c) => [c.cashierName, c.count, c.amountFen]),
    },
  ];
}

export async function exportDailyReport(db: AppDb, actor: Actor, q: DailyQuery, format: 'xlsx' | 'pdf') {
  const r = await dailyReport(db, actor, q);
  const title = '收费日报';
  const params: [string, string][] = [['项目', r.projectName], ['日期', r.date], ['收银员', r.cashierName ?? '全部'], ['金额单位', '元']];
  let data: Buffer;
  if (format === 'xlsx') {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(title);
    ws.columns = [{ width: 22 }, { width: 14 }, { width: 16 }, { width: 16 }];
    ws.addRow([title]).font = { bold: true, size: 14 };
    for (const [k, v] of params) ws.addRow([k, v]);
    for (const s of sections(r)) {
      ws.addRow([]);
      ws.addRow([s.title]).font = { bold: true };
      ws.addRow(s.cols.map((c) => (c.money ? `${c.header}（元）` : c.header))).font = { bold: true };
      for (const row of s.rows) {
        const added = ws.addRow(row.map((v, i) => (s.cols[i]!.money && typeof v === 'number' ? v / 100 : v)));
        s.cols.forEach((c, i) => { if (c.money) added.getCell(i + 1).numFmt = '#,##0.00'; });
      }
    }
    ws.addRow([]);
    ws.addRow(['导出时间', businessNow().format('YYYY-MM-DD HH:mm')]);
    data = Buffer.from(await wb.xlsx.writeBuffer());
  } else {
    data = await renderPdf((w) => {
      w.title(title, `${r.projectName} ${r.date}`).keyValues([...params, ['打印时间', businessNow().format('YYYY-MM-DD HH:mm')]]);
      for (const s of sections(r)) {
        w.paragraph(s.title);
        const cols: PdfColumn[] = s.cols.map((c) => ({ header: c.header, width: c.width, money: c.money }));
        w.table(cols, s.rows);
      }
      w.paragraph('收银员签字：____________    复核：____________');
    }, { title });
  }
  await db.transaction((tx) => record(tx, actor, 'payment.report_exported', { type: 'company', id: requireCompany(actor), projectId: q.projectId ?? null }, null,
    { report: 'daily', format, query: q, netFen: r.netFen }));
  return { name: `${title}-${r.projectName}-${r.date}.${format}`, mime: format === 'xlsx' ? XLSX_MIME : PDF_MIME, data, report: r };
}
