import type { DeepStrings } from './types.ts';

/** issue 8 payments (payments): the cashier counter and the payments list */
export const paymentsText = {
  payments: {
    title: '收款',
    channel: { cash: '现金', transfer: '转账', pos: 'POS刷卡', online: '在线支付' },
    status: { posted: '已入账', voided: '已作废' },
    receipt: { issued: '已开具', voided: '已作废' },
    component: { principal: '本金', late_fee: '滞纳金' },
    bill: {
      feeItem: '收费项目', period: '账期', dueDate: '到期日', principal: '本金', lateFee: '滞纳金', total: '应缴合计', overdue: '逾期',
    },
    counter: {
      title: '收银台',
      searchPlaceholder: '房号、业主姓名或手机号，回车查找',
      noHit: '没有找到房屋',
      owes: '欠费 ¥{{amount}}',
      clear: '无欠费',
      room: '房屋', owner: '业主', totalDue: '应缴合计', prepaid: '预存余额', deposit: '押金余额',
      noBills: '没有待缴账单',
      byBills: '按账单', byAmount: '按金额',
      byAmountHint: '输入金额后按到期日从早到晚冲抵账单（先滞纳金后本金），最后一笔可部分冲抵。',
      collect: '收款',
      channel: { cash: '现金', transfer: '转账', pos: 'POS刷卡', qr: '扫码支付' },
      amount: '收款金额（元）',
      billsDue: '所选账单应缴 ¥{{amount}}',
      tendered: '实收现金（元）',
      change: '找零',
      reference: { transfer: '转账流水号（选填）', pos: 'POS 凭证号（选填）' },
      prepayRemainder: '余额转预存',
      remainder: '超出应缴 ¥{{amount}}',
      payerName: '交款人（选填）',
      note: '备注（选填）',
      toBills: '冲抵账单', toPrepaid: '转入预存',
      submit: '收款 ¥{{amount}}',
      showQr: '生成收款码',
      retrySafe: '可再次点击收款重试，不会重复入账。',
      paid: '{{room}} 收款 ¥{{amount}} 成功',
      receiptNo: '收据号',
      print: '打印收据',
      next: '下一位',
      clearRoom: '换一户',
    },
    problem: {
      nothing_selected: '请至少勾选一张账单',
      over_due: '金额超出应缴 ¥{{amount}}：打开“余额转预存”或减少金额',
      tender_short: '实收现金少于收款金额',
      tender_invalid: '实收现金格式不正确（最多两位小数）',
      qr_partial: '扫码支付按整张账单收取，金额不能少于所选账单应缴',
    },
    qr: {
      scan: '请付款人扫码支付 ¥{{amount}}',
      waiting: '等待支付结果…',
      expires: '{{at}} 前有效',
      closed: '订单已关闭（超时未支付）',
      cancel: '返回（订单到期自动关闭）',
    },
    list: {
      title: '收款记录',
      project: '项目', from: '开始日期', to: '结束日期', channel: '渠道', q: '收据号 / 交易号',
      room: '房屋', amount: '金额', refunded: '已退款', cashier: '收款员', online: '线上', businessDate: '营业日',
      detail: '收款详情', reference: '流水号', receipt: '收据', printCount: '打印次数', allocations: '冲抵明细', component: '类别',
      reprint: '补打收据（副本）',
      toRefunds: '退款', toInvoices: '发票',
    },
    void: {
      action: '作废', title: '作废收款', confirm: '确认作废', reason: '作废原因', reasonRequired: '请填写作废原因',
      sameDay: '只能作废当天的收款；作废后冲回账单与预存，收据保留编号并标记作废。',
    },
  },
};

export type PaymentsCatalogue = DeepStrings<typeof paymentsText>;
