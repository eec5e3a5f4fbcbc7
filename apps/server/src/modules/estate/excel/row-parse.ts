import { z } from 'zod';
import type { SheetColumn, SheetSpec } from './sheet-spec.ts';
import type { SheetRow } from './workbook.ts';

/** What a person reads in the report next to a column, for each message code the row schemas use. */
const messages: Record<string, string> = {
  required: '必填',
  invalid_area: '面积应为正数，最多两位小数',
  invalid_phone: '手机号格式不正确',
  invalid_id_card: '身份证号码有误（校验位不符）',
  invalid_plate: '车牌号格式不正确',
  invalid_code: '只能填写字母、数字（最多 8 位）',
  invalid_place_code: '只能填写汉字、字母、数字或 -（最多 32 位）',
  invalid_date: '日期格式不正确（如 2024-05-01）',
  future_date: '日期不能晚于今天',
  not_in_list: '不在下拉列表的可选值中',
  invalid_int: '应为整数',
  invalid_floor: '楼层应为 -10 至 200 之间的非零整数',
  invalid_share: '产权份额应为 0.01 至 100 之间的数，最多两位小数',
  too_long: '内容过长',
  inside_exceeds: '不能大于建筑面积',
  share_only_owners: '仅业主 / 共有人填写产权份额',
  amount_format: '应为金额（元），如 1234.50',
  amount_decimals: '金额最多两位小数',
  amount_positive: '金额应大于 0',
  amount_too_large: '金额过大',
  period_order: '不能早于账期开始',
};

const DATE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;
/** 2024/5/1, 2024.05.01, 2024年5月1日 → 2024-05-01 */
export const normDate = (s: string) => {
  const m = DATE.exec(s);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : s;
};

export const zText = (max: number) => z.string().max(max, 'too_long');
export const zInt = z.string().regex(/^-?\d{1,6}$/, 'invalid_int').transform(Number);
export const zDay = z.string().transform(normDate).pipe(z.iso.date('invalid_date'));
export const zCode = z.string().regex(/^[A-Za-z0-9]{1,8}$/, 'invalid_code');
/** percent with up to two decimals → basis points (50 → 5000) */
export const zShare = z.string().regex(/^\d{1,3}(\.\d{1,2})?$/, 'invalid_share').transform((s) => {
  const [i, f = ''] = s.split('.');
  return Number(i) * 100 + Number(f.padEnd(2, '0'));
}).refine((bp) => bp >= 1 && bp <= 10000, 'invalid_share');

/** One row as `{ key: text }` (empty cells left out), drop-down labels turned into stored values. */
export function rowObject(spec: SheetSpec, keys: (string | null)[], row: SheetRow) {
  const out: Record<string, string> = {};
  const cols = new Map<string, SheetColumn>(spec.columns.map((c) => [c.key, c]));
  keys.forEach((k, i) => {
    const v = row.cells[i];
    if (!k || v === undefined || v === '') return;
    const choices = cols.get(k)?.choices;
    out[k] = choices ? (choices[v] ?? (Object.values(choices).includes(v) ? v : `\u0000${v}`)) : v;
  });
  return out;
}

export type RowResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** Validates a row object; failures become "列名：问题" texts for the report. */
export function parseRow<T>(spec: SheetSpec, schema: z.ZodType<T>, obj: Record<string, string>): RowResult<T> {
  const r = schema.safeParse(obj);
  if (r.success) return { ok: true, value: r.data };
  const header = new Map(spec.columns.map((c) => [c.key, c.header]));
  const errors = r.error.issues.map((i) => {
    const key = String(i.path[0] ?? '');
    const raw = obj[key];
    const code = raw?.startsWith('\u0000') ? 'not_in_list' : raw === undefined && i.code === 'invalid_type' ? 'required' : i.message;
    return `${header.get(key) ?? key}：${messages[code] ?? '格式不正确'}`;
  });
  return { ok: false, errors: [...new Set(errors)] };
}

/** Collects row errors by row index; a row with any error is not imported. */
export class RowErrors {
  readonly map = new Map<number, string[]>();
  add(i: number, ...msgs: string[]) {
    const list = this.map.get(i) ?? [];
    list.push(...msgs);
    this.map.set(i, list);
  }
  has(i: number) { return this.map.has(i); }
  get size() { return this.map.size; }
}
