import { createHash, createHmac } from 'node:crypto';
import { fenToYuanDecimal } from '@wuye/shared';
import { formatYuan, renderPdf } from '../../../lib/pdf.ts';
import { businessNow, dayjs, BUSINESS_TZ } from '../../../lib/time.ts';
import { amountInWords } from './amount-words.ts';
import type { EInvoiceProvider, EInvoiceRequest, EInvoiceResult } from './provider.ts';

/** the sandbox refuses this buyer tax id (a 税号校验失败), so a test or a demo can see a failure and its retry */
export const SANDBOX_REJECTED_TAX_ID = '000000000000000';

const digits = (seed: string, n: number) => {
  const v = BigInt(`0x${createHash('sha256').update(seed).digest('hex')}`) % 10n ** BigInt(n);
  return v.toString().padStart(n, '0');
};

/**
 * The 20-digit number of a 数电票: two digits of the year, then 18 digits derived from our invoice id
 * (SHA-256 mod 10^18 — a collision needs ~10^9 invoices in a year). The same request gives the same
 * number, as a real platform deduplicates on the request serial.
 */
export const sandboxInvoiceNo = (id: string, at: Date) => `${dayjs(at).tz(BUSINESS_TZ).format('YY')}${digits(`no:${id}`, 18)}`;

const rate = (bp: number) => `${bp % 100 === 0 ? bp / 100 : (bp / 100).toFixed(2)}%`;

/** The layout file: 电子发票（普通发票）, its number and check code, seller and buyer, lines with 税率 / 税额, 价税合计 in 元 and 大写. */
export function invoicePdf(inv: EInvoiceRequest, no: string, checkCode: string, at: Date, blue?: { invoiceNo: string }) {
  const red = inv.kind === 'red';
  const net = (l: { amountFen: number; taxFen: number }) => l.amountFen - l.taxFen;
  return renderPdf((w) => {
    w.title(red ? '电子发票（普通发票）红字' : '电子发票（普通发票）', red ? `红字发票 · 对应蓝字发票号码：${blue?.invoiceNo ?? ''}` : '沙箱环境开具 · 仅供测试');
    w.keyValues([
      ['发票号码', no], ['开票日期', dayjs(at).tz(BUSINESS_TZ).format('YYYY年MM月DD日')],
      ['校验码', checkCode], ['发票类型', red ? '红字发票' : '蓝字发票'],
    ]);
    w.keyValues([
      ['购买方名称', inv.buyer.name], ['购买方纳税人识别号', inv.buyer.taxId ?? '—'],
      ['销售方名称', inv.seller.name], ['销售方纳税人识别号', inv.seller.taxId],
    ]);
    w.table([
      { header: '项目名称', width: 3 }, { header: '金额（元）', width: 1.5, money: true }, { header: '税率', width: 1, align: 'right' },
      { header: '税额（元）', width: 1.5, money: true }, { header: '价税合计（元）', width: 1.6, money: true },
    ], inv.lines.map((l) => [`*${l.invoiceCategory}*${l.name}`, net(l), rate(l.taxRateBp), l.taxFen, l.amountFen]),
    ['合计', net(inv), '', inv.taxFen, inv.amountFen]);
    w.keyValues([['价税合计（大写）', amountInWords(inv.amountFen)], ['（小写）', `¥${formatYuan(inv.amountFen)}`]]);
    w.paragraph(`备注：${inv.remark}${red ? `；红字冲销蓝字发票 ${blue?.invoiceNo ?? ''}` : ''}`);
  }, { title: `${red ? '红字' : ''}电子发票 ${no}` });
}

/**
 * The sandbox e-invoice platform: issues at once, deterministically per request id, with a PDF
 * set in the CJK font; refuses the tax id {@link SANDBOX_REJECTED_TAX_ID}. `query` answers what it
 * issued in this process.
 */
export function sandboxEInvoice(opts: { now?: () => Date } = {}): EInvoiceProvider {
  const issued = new Map<string, EInvoiceResult>();
  const now = opts.now ?? (() => businessNow().toDate());

  async function make(inv: EInvoiceRequest, blue?: { invoiceNo: string }): Promise<EInvoiceResult> {
    const providerRef = `SBX-${inv.id}`;
    const known = issued.get(providerRef);
    if (known) return known;
    if (inv.buyer.taxId === SANDBOX_REJECTED_TAX_ID) {
      return { status: 'failed', invoiceNo: null, checkCode: null, pdf: null, providerRef, failReason: '购买方纳税人识别号校验失败（沙箱）' };
    }
    const total = inv.lines.reduce((s, l) => s + l.amountFen, 0);
    if (total !== inv.amountFen || inv.lines.length === 0) {
      return { status: 'failed', invoiceNo: null, checkCode: null, pdf: null, providerRef, failReason: `明细合计 ${fenToYuanDecimal(total)} 与价税合计不符（沙箱）` };
    }
    const at = now();
    const invoiceNo = sandboxInvoiceNo(inv.id, at);
    const checkCode = digits(`check:${invoiceNo}:${createHmac('sha256', 'sandbox').update(inv.id).digest('hex')}`, 20);
    const pdf = await invoicePdf(inv, invoiceNo, checkCode, at, blue);
    const result: EInvoiceResult = { status: 'issued', invoiceNo, checkCode, pdf, providerRef, failReason: null, issuedAt: at };
    issued.set(providerRef, result);
    // what query() can answer stays small: a sandbox, not an archive (the files module keeps the PDFs)
    if (issued.size > 200) issued.delete(issued.keys().next().value!);
    return result;
  }

  return {
    name: 'sandbox',
    issue: (inv) => make(inv),
    red: (inv, blue) => make(inv, blue),
    async query(providerRef) {
      return issued.get(providerRef) ?? { status: 'failed', invoiceNo: null, checkCode: null, pdf: null, providerRef, failReason: '沙箱中没有这张发票' };
    },
  };
}
