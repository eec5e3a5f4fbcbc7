const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL = ['', '拾', '佰', '仟'];
const BIG = ['', '万', '亿', '万亿'];

/** The 大写 of an amount in 分, as written on invoices and receipts: 12345.60 元 → 壹万贰仟叁佰肆拾伍元陆角整. */
export function amountInWords(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new Error('amount must be an integer number of 分');
  if (fen < 0) return `（负数）${amountInWords(-fen)}`;
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  let out = '';
  if (yuan > 0) {
    const groups: number[] = [];
    for (let y = yuan; y > 0; y = Math.floor(y / 10000)) groups.push(y % 10000);
    let zero = false;
    for (let g = groups.length - 1; g >= 0; g--) {
      const n = groups[g]!;
      if (n === 0) { zero = out.length > 0; continue; }
      if (out.length > 0 && (n < 1000 || zero)) out += '零';
      zero = false;
      let part = '';
      let gap = false;
      for (let i = 3; i >= 0; i--) {
        const d = Math.floor(n / 10 ** i) % 10;
        if (d === 0) { gap = part.length > 0; continue; }
        if (gap) part += '零';
        gap = false;
        part += DIGITS[d] + SMALL[i]!;
      }
      out += part + BIG[g]!;
    }
    out += '元';
  }
  if (jiao === 0 && cents === 0) return (out || '零元') + '整';
  if (jiao > 0) out += DIGITS[jiao] + '角';
  else if (yuan > 0) out += '零';
  if (cents > 0) out += DIGITS[cents] + '分';
  else out += '整';
  return out;
}
