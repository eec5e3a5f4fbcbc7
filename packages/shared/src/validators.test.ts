import { describe, expect, it } from 'vitest';
import { isValidChineseId, isValidPlate } from './validators.ts';

describe('Chinese ID numbers', () => {
  it('accepts valid check digits and refuses wrong ones, bad dates and shapes', () => {
    expect(isValidChineseId('11010519491231002X')).toBe(true);
    expect(isValidChineseId('110105194912310021')).toBe(false); // wrong check digit
    expect(isValidChineseId('11010519490231002X')).toBe(false); // 31 Feb… not a date
    expect(isValidChineseId('440524188001010014')).toBe(false); // before 1900
    expect(isValidChineseId('1101051949123100')).toBe(false);
  });
});

describe('licence plates', () => {
  it('accepts ordinary and new-energy plates, refuses I/O letters and wrong lengths', () => {
    for (const p of ['京A12345', '沪B8K9Z1', '粤BD12345', '粤B12345D', '川A1234学', '苏EF98765']) expect(isValidPlate(p)).toBe(true);
    for (const p of ['京A1234', '京I12345', 'AA12345', '京A123456X', '粤BD123']) expect(isValidPlate(p)).toBe(false);
  });
});
