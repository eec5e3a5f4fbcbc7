import type { DeepStrings } from './types.ts';

/** issue 8 payments (payH5); owned by one slice (see docs/payments-plan.md) */
export const payH5Text = {
  payH5: {
    title: '收款',
    channel: { cash: '现金', transfer: '转账', pos: 'POS刷卡', online: '在线支付' },
    home: { prepay: '预存', payments: '缴费记录' },
    pay: {
      title: '在线缴费', go: '去缴费', none: '没有待缴账单', all: '全选', dueBy: '{{date}} 前缴', overdue: '逾期',
      total: '已选 {{n}} 张，合计', submit: '立即支付', noPayUrl: '支付渠道暂不可用，请稍后再试',
    },
    result: {
      paid: '支付成功 ¥{{amount}}', receiptNo: '收据号', download: '下载收据', toBills: '查看我的账单', toPayments: '缴费记录',
      pending: '等待支付结果 ¥{{amount}}', pendingHint: '支付完成后这里会自动更新', continue: '继续支付',
      closed: '订单已关闭', closedHint: '订单超时未支付，账单未扣款', again: '重新支付',
    },
    prepay: {
      title: '预存', hint: '预存的金额会在账单到期时自动抵扣；可指定只用于某个收费项目。',
      noRoom: '绑定房屋后才能预存', room: '房屋', roomRequired: '请选择房屋', amount: '预存金额（元）', amountRequired: '请输入金额', amountInvalid: '请输入大于 0 的金额，最多两位小数',
      earmark: '专款用于', earmarkHint: '不选则为通用预存', general: '通用预存', submit: '立即支付',
    },
    mine: { title: '缴费记录', none: '还没有缴费记录', voided: '已作废', refunded: '已退 ¥{{amount}}', receipt: '收据', more: '加载更多' },
  },
};

export type PayH5Catalogue = DeepStrings<typeof payH5Text>;
