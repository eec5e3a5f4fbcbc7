import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { badRequest } from '../../../lib/errors.ts';
import type { SheetSpec } from './sheet-spec.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** the column a report adds; ignored when the corrected report is uploaded again */
export const ERROR_HEADER = '错误说明';
const TEMPLATE_ROWS = 5000;

export interface SheetRow { line: number; cells: string[] }
export interface ParsedSheet { headers: string[]; rows: SheetRow[] }

// full-width brackets are what a Chinese IME types: 欠费金额(元) and 欠费金额（元） are the same header
const normHeader = (h: string) => h.replace(/[\s*＊]/g, '').replace(/（/g, '(').replace(/）/g, ')');

/** Excel cell values (numbers, dates, rich text, formulas, hyperlinks) as the text a person typed. */
function cellText(v: unknown): string {
  if (v == null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10); // date cells are UTC midnight of the day shown
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: string; result?: unknown; error?: string };
    if (o.richText) return o.richText.map((p) => p.text).join('').trim();
    if (o.text !== undefined) return String(o.text).trim();
    if ('result' in o) return cellText(o.result);
    return '';
  }
  return String(v).trim();
}

export interface NamedSheet extends ParsedSheet { name: string }

/** Reads the first `limit` worksheets: each one's name, header row and every non-empty row after it (with its sheet line number). */
export async function readBook(data: Buffer, limit = Infinity): Promise<NamedSheet[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([data]), { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit', hyperlinks: 'ignore' } as any);
  const book: NamedSheet[] = [];
  try {
    for await (const ws of reader as any) {
      if (book.length >= limit) break;
      let headers: string[] | null = null;
      const rows: SheetRow[] = [];
      for await (const row of ws) {
        const values: unknown[] = (row.values as unknown[]).slice(1);
        const cells = values.map(cellText);
        if (!headers) { headers = cells; continue; }
        if (cells.some((c) => c !== '')) rows.push({ line: row.number, cells });
      }
      book.push({ name: String(ws.name ?? ''), headers: headers ?? [], rows });
    }
  } catch {
    throw badRequest('无法读取文件：请上传 Excel（.xlsx）文件', [{ path: 'body.file', message: 'not_xlsx' }]);
  }
  return book;
}

/** Reads the first worksheet: data lives there, the template's instructions are on the second. */
export async function readSheet(data: Buffer): Promise<ParsedSheet> {
  const [first] = await readBook(data, 1);
  return first ?? { headers: [], rows: [] };
}

const blank = (s: ParsedSheet) => s.rows.length === 0 && s.headers.every((h) => h === '');

/**
 * The sheet of each spec in a workbook. One spec: the first sheet, whatever its name (a list saved
 * from another system). Several: by sheet name (the spec's title); a workbook naming none of them
 * is taken in order. A spec without its sheet (or with an empty one) gets null: it has no rows.
 */
export function pickSheets(specs: readonly SheetSpec[], book: NamedSheet[]): (ParsedSheet | null)[] {
  if (specs.length === 1) return [book[0] ?? null];
  const byName = specs.map((s) => book.find((b) => normHeader(b.name) === normHeader(s.title)) ?? null);
  const picked = byName.some(Boolean) ? byName : specs.map((_, i) => book[i] ?? null);
  return picked.map((s) => (s && !blank(s) ? s : null));
}

/** Maps header positions to the spec's columns; wrong or missing headers are refused with what is wrong. */
export function mapHeaders(spec: SheetSpec, headers: string[]): (string | null)[] {
  const byHeader = new Map(spec.columns.map((c) => [normHeader(c.header), c.key]));
  const unknown: string[] = [];
  const keys = headers.map((h) => {
    const n = normHeader(h);
    if (!n || n === ERROR_HEADER) return null;
    const key = byHeader.get(n);
    if (!key) unknown.push(h);
    return key ?? null;
  });
  const missing = spec.columns.filter((c) => c.required && !keys.includes(c.key)).map((c) => c.header);
  if (unknown.length || missing.length) {
    const parts = [missing.length ? `缺少列：${missing.join('、')}` : '', unknown.length ? `无法识别的列：${unknown.join('、')}` : ''].filter(Boolean);
    throw badRequest(`表头与「${spec.title}」模板不一致（${parts.join('；')}），请使用下载的模板`, [
      ...missing.map((m) => ({ path: `file.header.${m}`, message: 'missing_column' })),
      ...unknown.map((u) => ({ path: `file.header.${u}`, message: 'unknown_column' })),
    ]);
  }
  return keys;
}

/** A sheet laid out like the template (headers, widths, text columns, drop-downs) holding `records`. */
function dataSheet(wb: ExcelJS.Workbook, spec: SheetSpec, records: (string | number | null)[][], extraHeader?: string) {
  const ws = wb.addWorksheet(spec.title, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    ...spec.columns.map((c) => ({ header: c.required ? `${c.header}*` : c.header, key: c.key, width: c.width ?? Math.max(10, c.header.length * 2 + 4), style: c.text ? { numFmt: '@' } : {} })),
    ...(extraHeader ? [{ header: extraHeader, key: '_error', width: 60 }] : []),
  ];
  const head = ws.getRow(1);
  head.font = { bold: true };
  spec.columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    if (c.required) cell.font = { bold: true, color: { argb: 'FFC0392B' } };
    if (c.hint) cell.note = c.hint;
  });
  for (const r of records) ws.addRow(r);
  const last = Math.max(records.length + 1, TEMPLATE_ROWS);
  spec.columns.forEach((c, i) => {
    if (!c.choices) return;
    const col = ws.getColumn(i + 1).letter;
    (ws as any).dataValidations.add(`${col}2:${col}${last}`, {
      type: 'list', allowBlank: !c.required, showErrorMessage: true, errorTitle: c.header, error: `请从下拉列表选择${c.header}`,
      formulae: [`"${Object.keys(c.choices).join(',')}"`],
    });
  });
  return ws;
}

/** 填写说明: each data sheet's columns (with the sheet named when there are several) and the kind's notes. */
function instructions(wb: ExcelJS.Workbook, specs: readonly SheetSpec[], notes: readonly string[] = []) {
  const ws = wb.addWorksheet('填写说明');
  ws.columns = [{ header: '列', width: 18 }, { header: '必填', width: 8 }, { header: '说明', width: 60 }, { header: '可选值', width: 50 }];
  ws.getRow(1).font = { bold: true };
  for (const spec of specs) {
    if (specs.length > 1) ws.addRow([`【${spec.title}】`]).font = { bold: true };
    for (const c of spec.columns) ws.addRow([c.header, c.required ? '是' : '', c.hint ?? '', c.choices ? Object.keys(c.choices).join('、') : '']);
  }
  ws.addRow([]);
  const where = specs.map((s) => `「${s.title}」`).join('、');
  ws.addRow(['', '', `数据填写在${where}工作表第 2 行起；带 * 的列必填；请勿修改表头${specs.length > 1 ? '和工作表名称' : ''}。`]);
  for (const n of notes) ws.addRow(['', '', n]);
}

const toBuffer = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

/** An empty template: one data sheet per spec, then 填写说明. */
export async function templateWorkbook(spec: SheetSpec | readonly SheetSpec[], notes?: readonly string[]) {
  const specs: readonly SheetSpec[] = 'columns' in spec ? [spec] : spec;
  const wb = new ExcelJS.Workbook();
  for (const s of specs) dataSheet(wb, s, []);
  instructions(wb, specs, notes);
  return toBuffer(wb);
}

export async function exportWorkbook(spec: SheetSpec, records: (string | number | null)[][]) {
  const wb = new ExcelJS.Workbook();
  dataSheet(wb, spec, records);
  return toBuffer(wb);
}

/** One sheet of an uploaded workbook as validated: its spec, header keys, rows and the errors by row index. */
export interface ReportPart { spec: SheetSpec; keys: (string | null)[]; rows: SheetRow[]; errors: Map<number, string[]> }

/**
 * The uploaded sheets again, in the template's column order, with an error column: rows that failed
 * are shaded and say why, so the user corrects them in place and uploads the same file again.
 */
export async function reportBook(parts: readonly ReportPart[]) {
  const wb = new ExcelJS.Workbook();
  for (const { spec, keys, rows, errors } of parts) {
    const order = spec.columns.map((c) => keys.indexOf(c.key));
    const records = rows.map((r, i) => [...order.map((p) => (p >= 0 ? r.cells[p] ?? '' : '')), errors.get(i)?.join('；') ?? '']);
    const ws = dataSheet(wb, spec, records, ERROR_HEADER);
    const fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE2E1' } } as const;
    rows.forEach((_, i) => {
      if (!errors.has(i)) return;
      const row = ws.getRow(i + 2);
      for (let c = 1; c <= spec.columns.length + 1; c++) row.getCell(c).fill = fill;
      row.getCell(spec.columns.length + 1).font = { color: { argb: 'FFC0392B' } };
    });
  }
  return toBuffer(wb);
}
