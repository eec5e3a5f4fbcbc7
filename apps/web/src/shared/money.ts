import { fenToYuanDecimal, parseYuan } from '@wuye/shared/billing/units';

/** 123456 分 → "1,234.56" (元, 2 decimals, grouped); from integers only, never through a float. */
export function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '–';
  const s = fenToYuanDecimal(fen);
  const neg = s.startsWith('-');
  const [int, frac] = (neg ? s.slice(1) : s).split('.');
  return `${neg ? '-' : ''}${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

/** "12.3" 元 as typed → 1230 分 exactly; null when it is not a non-negative amount with ≤ 2 decimals. */
export function fenOf(text: string | null | undefined): number | null {
  if (text === null || text === undefined || text.trim() === '') return null;
  const r = parseYuan(text);
  return r.ok ? r.value : null;
}

/** a form rule: empty, or 元 with at most 2 decimals */
export const YUAN_PATTERN = /^\d{1,13}(\.\d{1,2})?$/;
