import { parse } from 'csv-parse/sync';
import { parseYuan } from '@wuye/shared';
import { badRequest } from '../../lib/errors.ts';

/**
 * A provider's statement file (对账单) as rows we can match, or a 400 listing every bad row and
 * column. Two formats, told apart by the header:
 * - WeChat Pay's trade bill (交易账单, as downloaded from the merchant platform or `tradebill`):
 *   `交易时间,公众账号ID,商户号,…,微信订单号,商户订单号,…,交易状态,…,应结订单总金额,…`, every value
 *   prefixed with a backtick, then the summary lines `总交易单数,…` and their values;
 * - a canonical CSV: `provider_txn_id,out_trade_no,amount_yuan,paid_at,status`.
 * Only SUCCESS rows are payments to match; REFUND / REVOKED rows are counted as skipped.
 */

export interface StatementRow {
  /** the line of the file (header = 1) */
  line: number;
  providerTxnId: string;
  outTradeNo: string | null;
  amountFen: number;
  paidAt: string;
}
export interface ParsedStatement { format: 'wechat' | 'canonical'; rows: StatementRow[]; skipped: number }
export interface FileError { path: 'body.file'; message: string; row?: number; column?: string; value?: string }

const CANONICAL = ['provider_txn_id', 'out_trade_no', 'amount_yuan', 'paid_at', 'status'];
const WECHAT_NEEDS = ['交易时间', '微信订单号', '商户订单号', '交易状态', '应结订单总金额'];
const TXN = /^[A-Za-z0-9_\-]{1,64}$/;
const TIME = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const MAX_ERRORS = 100;
const PAID = new Set(['SUCCESS']);
const NOT_PAYMENTS = new Set(['REFUND', 'REVOKED', 'CLOSED']);

/** WeChat writes every value as `` `value `` so spreadsheets keep long numbers as text */
const clean = (v: string | undefined) => (v ?? '').trim().replace(/^`/, '').trim();

export function parseStatement(data: Buffer): ParsedStatement {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(data, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true, relax_quotes: true }) as any;
  } catch (e: any) {
    throw badRequest('对账单不是有效的 CSV 文件', [{ path: 'body.file', message: 'not_csv', row: e?.lines, value: String(e?.message ?? '').slice(0, 120) }]);
  }
  const header = records[0]?.record.map(clean) ?? [];
  const errors: FileError[] = [];
  const fail = (e: Omit<FileError, 'path'>) => { if (errors.length < MAX_ERRORS) errors.push({ path: 'body.file', ...e }); };

  let format: ParsedStatement['format'];
  let col: Record<'txn' | 'out' | 'amount' | 'time' | 'status', number>;
  let amountName: string;
  if (header.length === CANONICAL.length && header.every((h, i) => h.toLowerCase() === CANONICAL[i])) {
    format = 'canonical';
    col = { txn: 0, out: 1, amount: 2, time: 3, status: 4 };
    amountName = 'amount_yuan';
  } else if (WECHAT_NEEDS.every((h) => header.includes(h))) {
    format = 'wechat';
    col = { txn: header.indexOf('微信订单号'), out: header.indexOf('商户订单号'), amount: header.indexOf('应结订单总金额'), time: header.indexOf('交易时间'), status: header.indexOf('交易状态') };
    amountName = '应结订单总金额';
  } else {
    throw badRequest('无法识别的对账单格式：表头应为微信支付交易账单或 provider_txn_id,out_trade_no,amount_yuan,paid_at,status', [
      { path: 'body.file', message: 'unknown_header', row: 1, value: header.join(',').slice(0, 200) },
    ]);
  }
  const names = { txn: header[col.txn]!, out: header[col.out]!, time: header[col.time]!, status: header[col.status]! };

  const rows: StatementRow[] = [];
  const seen = new Map<string, number>();
  let skipped = 0;
  let dataRows = 0;
  let summary: { line: number; count: string } | null = null;
  for (let i = 1; i < records.length; i++) {
    const { record, info } = records[i]!;
    const line = info.lines;
    const cells = record.map(clean);
    if (format === 'wechat' && cells[0] === '总交易单数') {
      const values = records[i + 1];
      summary = { line: values?.info.lines ?? line, count: clean(values?.record[0]) };
      if (records.length > i + 2) fail({ row: records[i + 2]!.info.lines, message: 'rows_after_summary' });
      break;
    }
    if (cells.every((c) => c === '')) continue;
    dataRows++;
    if (cells.length < header.length) { fail({ row: line, message: 'missing_columns', value: String(cells.length) }); continue; }
    const status = cells[col.status]!.toUpperCase();
    if (NOT_PAYMENTS.has(status)) { skipped++; continue; }
    if (!PAID.has(status)) { fail({ row: line, column: names.status, message: 'bad_status', value: cells[col.status]!.slice(0, 40) }); continue; }
    const txn = cells[col.txn]!;
    const out = cells[col.out]!;
    const time = cells[col.time]!;
    const amount = parseYuan(cells[col.amount]!);
    let ok = true;
    if (!TXN.test(txn)) { fail({ row: line, column: names.txn, message: txn ? 'bad_txn_id' : 'missing_txn_id', value: txn.slice(0, 80) }); ok = false; }
    if (out && !TXN.test(out)) { fail({ row: line, column: names.out, message: 'bad_out_trade_no', value: out.slice(0, 80) }); ok = false; }
    if (!amount.ok || amount.value <= 0) { fail({ row: line, column: amountName, message: 'bad_amount', value: cells[col.amount]!.slice(0, 40) }); ok = false; }
    if (!TIME.test(time)) { fail({ row: line, column: names.time, message: 'bad_time', value: time.slice(0, 40) }); ok = false; }
    if (ok && seen.has(txn)) { fail({ row: line, column: names.txn, message: 'duplicate_txn_id', value: `${txn} (第 ${seen.get(txn)} 行)` }); ok = false; }
    if (!ok) continue;
    seen.set(txn, line);
    rows.push({ line, providerTxnId: txn, outTradeNo: out || null, amountFen: (amount as { value: number }).value, paidAt: time });
  }
  if (format === 'wechat' && summary && summary.count !== String(dataRows)) {
    fail({ row: summary.line, column: '总交易单数', message: 'summary_count_mismatch', value: `${summary.count} ≠ ${dataRows}` });
  }
  if (errors.length) throw badRequest(`对账单有 ${errors.length} 处错误，未导入`, errors);
  return { format, rows, skipped };
}
