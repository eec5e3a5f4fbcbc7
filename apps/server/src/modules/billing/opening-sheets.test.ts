import { describe, expect, it } from 'vitest';
import { excelSerialDate, zBillDay, zYuanFen } from './opening-sheets.ts';

describe('期初 amounts and dates', () => {
  it('parses 元 to integer 分 exactly, refusing more than two decimals, zero, negatives and junk', () => {
    const fen = (s: string) => zYuanFen.safeParse(s);
    expect(fen('1234.5').data).toBe(123450);
    expect(fen('0.1').data).toBe(10);
    expect(fen('0.29').data).toBe(29); // 0.29 * 100 is 28.999999999999996 in floating point
    expect(fen('1,234,567.89').data).toBe(123456789);
    expect(fen('19999999.99').data).toBe(1999999999);
    expect(fen('0.1').data! + fen('0.2').data!).toBe(30);
    for (const [s, code] of [['1.234', 'amount_decimals'], ['0', 'amount_positive'], ['0.00', 'amount_positive'], ['-5', 'amount_positive'],
      ['1e3', 'amount_format'], ['12,34', 'amount_format'], ['¥12', 'amount_format'], ['99999999999999999', 'amount_too_large']] as const) {
      const r = fen(s);
      expect(r.success, s).toBe(false);
      expect(r.error!.issues[0]!.message, s).toBe(code);
    }
  });

  it('reads ISO, Chinese-style and Excel serial dates; refuses impossible ones', () => {
    expect(excelSerialDate('45292')).toBe('2024-01-01');
    expect(excelSerialDate('45351')).toBe('2024-02-29');
    expect(zBillDay.parse('2024/3/5')).toBe('2024-03-05');
    expect(zBillDay.parse('2024年12月31日')).toBe('2024-12-31');
    expect(zBillDay.parse('45657')).toBe('2024-12-31');
    expect(zBillDay.safeParse('2024-02-30').success).toBe(false);
    expect(zBillDay.safeParse('上月').success).toBe(false);
  });
});
