import { and, eq, gte, lt, isNotNull } from 'drizzle-orm';
import { fenToYuanDecimal } from '@wuye/shared';
import type { Database } from '../../../db/client.ts';
import { dayjs, BUSINESS_TZ } from '../../../lib/time.ts';
import { sandboxPayOrders, sandboxPayRefunds } from '../payments.table.ts';
import { SANDBOX_APP_ID } from './sandbox.provider.ts';

/**
 * The sandbox's daily trade bill (交易账单, bill_type=ALL) in WeChat Pay's CSV layout: UTF-8 with a
 * BOM, CRLF lines, a header, one row per payment paid that business day (Asia/Shanghai) and one per
 * refund made that day, every value prefixed with a backtick, then the summary caption and line.
 * Amounts are 元 with two decimals. Columns: docs/payments-providers.md.
 */
export const BILL_COLUMNS = [
  '交易时间', '公众账号ID', '商户号', '特约商户号', '设备号', '微信订单号', '商户订单号', '用户标识', '交易类型', '交易状态', '付款银行', '货币种类',
  '应结订单总金额', '代金券金额', '微信退款单号', '商户退款单号', '退款金额', '充值券退款金额', '退款类型', '退款状态', '商品名称', '商户数据包',
  '手续费', '费率', '订单金额', '申请退款金额', '费率备注',
] as const;
export const BILL_SUMMARY_COLUMNS = ['总交易单数', '应结订单总金额', '退款总金额', '充值券退款总金额', '手续费总金额', '订单总金额', '申请退款总金额'] as const;

const PAYER = 'oSandboxPayer000000000000000';
const y = fenToYuanDecimal;
/** a cell: backtick first; commas and line breaks would break the format, so they go */
const cell = (v: string) => `\`${v.replace(/[,\r\n`]/g, ' ')}`;
const time = (d: Date) => dayjs(d).tz(BUSINESS_TZ).format('YYYY-MM-DD HH:mm:ss');

export async function sandboxStatementCsv(database: Database, date: string): Promise<string> {
  const from = dayjs.tz(`${date} 00:00:00`, BUSINESS_TZ).toDate();
  const to = dayjs(from).add(1, 'day').toDate();
  const paid = await database.db.select().from(sandboxPayOrders)
    .where(and(isNotNull(sandboxPayOrders.paidAt), gte(sandboxPayOrders.paidAt, from), lt(sandboxPayOrders.paidAt, to)));
  const refunds = await database.db.select({ r: sandboxPayRefunds, o: sandboxPayOrders }).from(sandboxPayRefunds)
    .innerJoin(sandboxPayOrders, eq(sandboxPayOrders.outTradeNo, sandboxPayRefunds.outTradeNo))
    .where(and(gte(sandboxPayRefunds.createdAt, from), lt(sandboxPayRefunds.createdAt, to)));

  const rows: { at: Date; cells: string[] }[] = [];
  let payTotal = 0; let refundTotal = 0;
  for (const o of paid) {
    payTotal += o.amountFen;
    rows.push({ at: o.paidAt!, cells: [time(o.paidAt!), SANDBOX_APP_ID, o.merchantId, '0', '', o.transactionId ?? '', o.outTradeNo, PAYER, 'NATIVE', 'SUCCESS', 'OTHERS', 'CNY',
      y(o.amountFen), '0.00', '0', '0', '0.00', '0.00', '', '', o.description, '', '0.00000', '0.00%', y(o.amountFen), '0.00', ''] });
  }
  for (const { r, o } of refunds) {
    refundTotal += r.amountFen;
    rows.push({ at: r.createdAt, cells: [time(r.createdAt), SANDBOX_APP_ID, o.merchantId, '0', '', o.transactionId ?? '', o.outTradeNo, PAYER, 'NATIVE', 'REFUND', 'OTHERS', 'CNY',
      y(o.amountFen), '0.00', r.refundId, r.outRefundNo, y(r.amountFen), '0.00', 'ORIGINAL', r.status, o.description, '', '0.00000', '0.00%', y(o.amountFen), y(r.amountFen), ''] });
  }
  rows.sort((a, b) => a.at.getTime() - b.at.getTime());
  const lines = [
    BILL_COLUMNS.join(','),
    ...rows.map((r) => r.cells.map(cell).join(',')),
    BILL_SUMMARY_COLUMNS.join(','),
    [String(rows.length), y(payTotal), y(refundTotal), '0.00', '0.00000', y(payTotal), y(refundTotal)].map(cell).join(','),
  ];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
