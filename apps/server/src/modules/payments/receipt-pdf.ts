import { sql } from 'drizzle-orm';
import nzh from 'nzh/cn';
import { fenToYuanDecimal } from '@wuye/shared';
import type { AppDb } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import type { Actor } from '../../lib/actor.ts';
import { renderPdf } from '../../lib/pdf.ts';
import { BUSINESS_TZ, dayjs } from '../../lib/time.ts';
import { record } from '../audit/audit.service.ts';
import { paymentDetail } from './payments-query.service.ts';

const channelNames: Record<string, string> = { cash: '现金', transfer: '银行转账', pos: 'POS 刷卡', online: '线上支付' };
const providerNames: Record<string, string> = { sandbox: '沙箱支付', wechat: '微信支付', alipay: '支付宝' };

/** 人民币大写 of an amount in 分 (nzh takes the decimal string, never a float) */
export const rmbUppercase = (fen: number) => nzh.toMoney(fenToYuanDecimal(fen), { outSymbol: false });

/**
 * 收据 PDF of a payment. Every print is counted in the same transaction as its audit row; any print
 * after the first says 副本 (copy), a voided payment's receipt says 作废 and keeps its number.
 * `extra` narrows who may print (a resident: their own rooms).
 */
export async function receiptPdf(db: AppDb, actor: Actor, paymentId: string, extra?: Parameters<typeof paymentDetail>[3]) {
  return db.transaction(async (tx) => {
    const p = await paymentDetail(tx, actor, paymentId, extra);
    if (!p.receipt) throw new Error(`payment ${paymentId} has no receipt`);
    const [counted] = rowsOf(await tx.execute(sql`update receipts set print_count = print_count + 1 where id = ${p.receipt.id} returning print_count`));
    const copy = Number(counted.print_count) > 1;
    const [company] = rowsOf(await tx.execute(sql`select c.name from companies c join projects pr on pr.company_id = c.id where pr.id = ${p.projectId}`));
    await record(tx, actor, 'payment.receipt_printed', { type: 'payment', id: p.id, projectId: p.projectId }, null, { receipt: p.receipt.number, copy, prints: Number(counted.print_count) });
    const marks = [p.status === 'voided' ? '作废' : null, copy ? '副本' : null].filter(Boolean).join(' · ');
    const rows = p.allocations.map((a) => [a.feeItemName, `${a.periodFrom} ~ ${a.periodTo}`, a.component === 'principal' ? '本金' : '滞纳金', a.amountFen]);
    if (p.prepaidFen > 0) rows.push(['预存款', '—', '转入预存', p.prepaidFen]);
    const data = await renderPdf((w) => {
      w.title(`${company?.name ?? ''} 收款收据`, marks ? `【${marks}】` : undefined);
      w.keyValues([
        ['收据编号', p.receipt!.number], ['收款日期', p.businessDate],
        ['项目', p.projectName], ['房间', p.roomCode],
        ['交款人', p.payerName ?? '—'], ['收款方式', p.provider ? `${channelNames[p.channel]}（${providerNames[p.provider]}）` : channelNames[p.channel]!],
        ...(p.providerTxnId ? [['交易号', p.providerTxnId] as [string, string]] : []),
        ...(p.reference ? [['凭证号', p.reference] as [string, string]] : []),
      ]);
      w.table([
        { header: '收费项目', width: 3 }, { header: '所属期间', width: 3 }, { header: '类别', width: 1.5 }, { header: '金额（元）', width: 2, money: true },
      ], rows, ['合计', '', '', p.amountFen]);
      w.paragraph(`金额大写：人民币${rmbUppercase(p.amountFen)}`);
      if (p.tenderedFen != null) w.paragraph(`实收 ${fenToYuanDecimal(p.tenderedFen)} 元，找零 ${fenToYuanDecimal(p.changeFen ?? 0)} 元`);
      if (p.status === 'voided') w.paragraph(`本收据已作废：${p.voidReason ?? ''}`);
      w.paragraph(`收款人：${p.cashierName ?? '线上支付'}　　打印时间：${dayjs().tz(BUSINESS_TZ).format('YYYY-MM-DD HH:mm')}`);
      // the company seal goes here when printed on the counter's pre-stamped paper
      w.paragraph('（收款单位盖章）');
    }, { title: `收据 ${p.receipt.number}` });
    return { data, name: `收据-${p.receipt.number}${copy ? '-副本' : ''}.pdf` };
  });
}
