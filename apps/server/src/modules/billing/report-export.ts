import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { ageingBucketLabels, ageingBucketValues, type AgeingReport, type CollectionReport, type IncomeReport } from '@wuye/shared';
import type { AppDb } from '../../db/client.ts';
import { requireCompany, type Actor } from '../../lib/actor.ts';
import { formatYuan, PDF_MIME, renderPdf, type PdfColumn } from '../../lib/pdf.ts';
import { businessNow } from '../../lib/time.ts';
import { record } from '../audit/audit.service.ts';
import { XLSX_MIME } from '../estate/excel/workbook.ts';

/**
 * One table per report, written either as an xlsx (amounts as numbers in 元 with two decimals,
 * rates as percentages, the way finance staff sum them further) or as an A4 PDF.
 */

type Cell = string | number | null;
interface Col { header: string; width: number; kind?: 'money' | 'rate' | 'int' }
interface Table { title: string; subtitle: string; stamp: string; params: [string, string][]; cols: Col[]; rows: Cell[][]; total?: Cell[]; notes: string[] }

export interface ExportFile { name: string; mime: string; data: Buffer }

const rateText = (bp: number | null) => (bp === null ? '—' : `${(bp / 100).toFixed(2)}%`);
const groupHeader: Record<string, string> = { project: '项目', building: '楼栋', feeItem: '收费项目', month: '月份' };

export function collectionTable(r: CollectionReport, projectName: string): Table {
  const line = (x: CollectionReport['rows'][number]): Cell[] => [x.label, x.current.billedFen, x.current.waivedFen, x.current.numeratorFen, x.current.rateBp,
    x.withArrears.openingFen, x.withArrears.billedFen, x.withArrears.waivedFen, x.withArrears.numeratorFen, x.withArrears.rateBp];
  return {
    title: '收缴率报表', subtitle: `${r.from} 至 ${r.to}`, stamp: `${r.from}至${r.to}`,
    params: [['项目', projectName], ['期间', `${r.from} 至 ${r.to}`], ['本期实收截至', r.asOf], ['分组', groupHeader[r.groupBy]!]],
    cols: [{ header: groupHeader[r.groupBy]!, width: 16 }, { header: '本期应收', width: 12, kind: 'money' }, { header: '本期减免', width: 11, kind: 'money' },
      { header: '本期实收', width: 12, kind: 'money' }, { header: '本期收缴率', width: 10, kind: 'rate' }, { header: '期初欠费', width: 12, kind: 'money' },
      { header: '本期新增应收', width: 12, kind: 'money' }, { header: '减免', width: 11, kind: 'money' }, { header: '实收（含欠费）', width: 12, kind: 'money' },
      { header: '含欠费收缴率', width: 10, kind: 'rate' }],
    rows: r.rows.map(line), total: line(r.total),
    notes: [
      '本期收缴率 = 本期账单截至日期前的实收本金（缴费 + 预存抵扣）÷（本期账单应收本金 − 本期账单减免本金）',
      '含欠费收缴率 = 期间内对到期账单的实收本金 ÷（期初欠费 + 期间新增应收 − 期间减免），账单以到期日不晚于期末为限',
    ],
  };
}

export function ageingTable(r: AgeingReport, projectName: string): Table {
  const line = (x: AgeingReport['rows'][number]): Cell[] => [x.label, ...ageingBucketValues.map((b) => x.buckets[b]), x.totalFen, x.bills];
  return {
    title: '欠费账龄报表', subtitle: `截至 ${r.asOf}`, stamp: r.asOf,
    params: [['项目', projectName], ['截至日期', r.asOf], ['分组', groupHeader[r.groupBy]!]],
    cols: [{ header: groupHeader[r.groupBy]!, width: 18 }, ...ageingBucketValues.map((b) => ({ header: ageingBucketLabels[b], width: 12, kind: 'money' as const })),
      { header: '欠费合计', width: 13, kind: 'money' }, { header: '账单数', width: 8, kind: 'int' }],
    rows: r.rows.map(line), total: line(r.total),
    notes: ['欠费 = 截至日期已逾期账单的应收余额（本金 + 已计提滞纳金）；账龄 = 截至日期 − 到期日（天）'],
  };
}

export function incomeTable(r: IncomeReport, projectName: string): Table {
  const rows: Cell[][] = r.rows.map((x) => [x.commonIncome ? '公共收益' : '经营收入', x.feeItemName, x.month, x.billedFen, x.collectedFen]);
  rows.push(['经营收入小计', '', '', r.operating.billedFen, r.operating.collectedFen], ['公共收益小计', '', '', r.commonIncome.billedFen, r.commonIncome.collectedFen]);
  return {
    title: '收入报表', subtitle: `${r.from} 至 ${r.to}`, stamp: `${r.from}至${r.to}`,
    params: [['项目', projectName], ['期间', `${r.from} 至 ${r.to}`]],
    cols: [{ header: '类别', width: 12 }, { header: '收费项目', width: 18 }, { header: '月份', width: 10 }, { header: '应收（权责）', width: 14, kind: 'money' },
      { header: '实收', width: 14, kind: 'money' }],
    rows, total: ['合计', '', '', r.total.billedFen, r.total.collectedFen],
    notes: ['应收 = 计费 + 滞纳金 − 减免（按记账日期）；实收 = 缴费 + 预存抵扣'],
  };
}

async function toXlsx(t: Table): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(t.title, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = t.cols.map((c) => ({
    header: c.kind === 'money' ? `${c.header}（元）` : c.header, width: c.width + 4,
    style: c.kind === 'money' ? { numFmt: '#,##0.00' } : c.kind === 'rate' ? { numFmt: '0.00%' } : {},
  }));
  ws.getRow(1).font = { bold: true };
  const cell = (c: Col, v: Cell) => (v === null || typeof v === 'string' ? v : c.kind === 'money' ? v / 100 : c.kind === 'rate' ? v / 10_000 : v);
  for (const r of t.rows) ws.addRow(t.cols.map((c, i) => cell(c, r[i] ?? null)));
  if (t.total) ws.addRow(t.cols.map((c, i) => cell(c, t.total![i] ?? null))).font = { bold: true };
  const info = wb.addWorksheet('说明');
  info.columns = [{ header: '项目', width: 16 }, { header: '内容', width: 90 }];
  info.getRow(1).font = { bold: true };
  for (const [k, v] of t.params) info.addRow([k, v]);
  info.addRow(['导出时间', businessNow().format('YYYY-MM-DD HH:mm')]);
  for (const n of t.notes) info.addRow(['口径', n]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function toPdf(t: Table): Promise<Buffer> {
  const cols: PdfColumn[] = t.cols.map((c) => ({ header: c.header, width: c.width, money: c.kind === 'money', align: c.kind ? 'right' : 'left' }));
  const text = (c: Col, v: Cell) => (c.kind === 'rate' ? rateText(v as number | null) : c.kind === 'money' && typeof v === 'number' ? formatYuan(v) : v);
  const rows = t.rows.map((r) => t.cols.map((c, i) => text(c, r[i] ?? null)));
  return renderPdf((w) => {
    w.title(t.title, t.subtitle).keyValues([...t.params, ['打印时间', businessNow().format('YYYY-MM-DD HH:mm')], ['金额单位', '元']])
      .table(cols, rows, t.total ? t.cols.map((c, i) => text(c, t.total![i] ?? null)) : undefined);
    for (const n of t.notes) w.paragraph(n);
  }, { title: t.title, landscape: t.cols.length > 6 });
}

/** 项目 as the file names it: the one asked for, else all the actor may see */
export async function scopeName(db: AppDb, actor: Actor, projectId?: string): Promise<string> {
  const pick = projectId ?? actor.selectedProjectId ?? undefined;
  if (!pick) return actor.projectIds === 'all' ? '全部项目' : '全部负责项目';
  const res: any = await db.execute(sql`select name from projects where company_id = ${requireCompany(actor)} and id = ${pick}`);
  return res.rows[0]?.name ?? '—';
}

/** Writes the file and audits who took which figures out (billing.report_exported). */
export async function exportReport(db: AppDb, actor: Actor, report: 'collection' | 'ageing' | 'income', table: Table, format: 'xlsx' | 'pdf',
  query: unknown, projectId: string | null): Promise<ExportFile> {
  const data = format === 'xlsx' ? await toXlsx(table) : await toPdf(table);
  await db.transaction((tx) => record(tx, actor, 'billing.report_exported', { type: 'company', id: requireCompany(actor), projectId }, null,
    { report, format, query, rows: table.rows.length }));
  return { name: `${table.title}-${table.stamp}.${format}`, mime: format === 'xlsx' ? XLSX_MIME : PDF_MIME, data };
}
