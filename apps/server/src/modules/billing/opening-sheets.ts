import { z } from 'zod';
import { parseYuan } from '@wuye/shared';
import { normDate, zText } from '../estate/excel/row-parse.ts';
import type { SheetSpec } from '../estate/excel/sheet-spec.ts';

/** 期初余额 template: two data sheets, found by name (欠费, 预存); either may be left empty or out. */
export const arrearsSheet: SheetSpec = {
  kind: 'opening_balances', title: '欠费',
  columns: [
    { key: 'roomCode', header: '房号', required: true, text: true, hint: '房间编码，与房屋档案一致（如 1-1-0101）' },
    { key: 'feeItemCode', header: '收费项目编码', required: true, text: true, hint: '收费项目的编码；押金类项目不能导入欠费' },
    { key: 'periodFrom', header: '账期开始', required: true, hint: '日期，如 2024-01-01' },
    { key: 'periodTo', header: '账期结束', required: true, hint: '日期（含当天），如 2024-03-31' },
    { key: 'amount', header: '欠费金额（元）', required: true, text: true, hint: '大于 0，最多两位小数' },
    { key: 'dueDate', header: '到期日', hint: '日期；默认账期结束日' },
    { key: 'note', header: '备注', hint: '写入账单明细：期初欠费 + 备注' },
  ],
};

export const prepaidSheet: SheetSpec = {
  kind: 'opening_balances', title: '预存',
  columns: [
    { key: 'roomCode', header: '房号', required: true, text: true, hint: '房间编码，与房屋档案一致' },
    { key: 'feeItemCode', header: '收费项目编码', text: true, hint: '专款预存的收费项目编码；留空为通用预存' },
    { key: 'amount', header: '预存余额（元）', required: true, text: true, hint: '大于 0，最多两位小数' },
    { key: 'note', header: '备注' },
  ],
};

export const openingNotes = [
  '项目按上传时选择的项目；金额单位为元，按分精确入账（不做四舍五入，超过两位小数的行报错）。',
  '同一房屋、同一收费项目的欠费账期不能互相重叠，也不能与系统中已有的账单重叠；重复导入同一文件时这些行会报错。',
  '同一房屋、同一收费项目（或通用）的期初预存只能导入一次，一个房屋一行。',
  '入账日期为导入当天；当月已关账时无法导入。',
];

const amountErrors = { format: 'amount_format', too_many_decimals: 'amount_decimals', negative: 'amount_positive', zero: 'amount_positive', too_large: 'amount_too_large' } as const;
// 1,234.50 as a legacy export writes it; only well-placed thousands separators are dropped
const THOUSANDS = /^\d{1,3}(,\d{3})+(\.\d+)?$/;

/** 元 with at most two decimals → integer 分, exactly (decimal string arithmetic, never a float). */
export const zYuanFen = z.string().transform((s, ctx) => {
  const text = THOUSANDS.test(s) ? s.replaceAll(',', '') : s;
  const r = parseYuan(text);
  if (!r.ok || r.value <= 0) {
    ctx.addIssue({ code: 'custom', message: r.ok ? 'amount_positive' : amountErrors[r.error] });
    return z.NEVER;
  }
  return r.value;
});

// days from 1899-12-30 (Excel's 1900 date system, its phantom 1900-02-29 included) to 1970-01-01
const EXCEL_EPOCH = 25569;
/** An Excel serial day number (a date cell saved as General, e.g. 45292) → YYYY-MM-DD; anything else as typed. */
export const excelSerialDate = (s: string) => {
  if (!/^\d{5}$/.test(s)) return s;
  return new Date((Number(s) - EXCEL_EPOCH) * 86_400_000).toISOString().slice(0, 10);
};

export const zBillDay = z.string().transform((s) => normDate(excelSerialDate(s))).pipe(z.iso.date('invalid_date'));

export const ZArrearsRow = z.object({
  roomCode: zText(32), feeItemCode: zText(32), periodFrom: zBillDay, periodTo: zBillDay, amount: zYuanFen,
  dueDate: zBillDay.optional(), note: zText(200).optional(),
}).refine((r) => r.periodTo >= r.periodFrom, {
  path: ['periodTo'], message: 'period_order',
  // checked even when another column failed (the report names every problem of the row at once), once both dates parsed
  when: (p) => !p.issues.some((i) => i.path?.[0] === 'periodFrom' || i.path?.[0] === 'periodTo'),
});
export type ArrearsRow = z.output<typeof ZArrearsRow>;

export const ZPrepaidRow = z.object({ roomCode: zText(32), feeItemCode: zText(32).optional(), amount: zYuanFen, note: zText(200).optional() });
export type PrepaidRow = z.output<typeof ZPrepaidRow>;
