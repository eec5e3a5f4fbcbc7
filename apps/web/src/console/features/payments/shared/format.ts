import { fenToYuanDecimal } from '@wuye/shared/billing/units';

export { fenOf, yuan } from '../../../../shared/money.ts';

/** 1230 分 → "12.30", as an input's text (no grouping, so it parses back exactly); '' for 0 */
export function fenToYuanInput(fen: number): string {
  return fen > 0 ? fenToYuanDecimal(fen) : '';
}
