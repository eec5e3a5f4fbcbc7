import type { DeepStrings } from './types.ts';

/** issue 8 payments (payAfter); owned by one slice (see docs/payments-plan.md) */
export const paymentsAfterText = {
  payAfter: {
    title: '收款',
    refunds: {
      title: '退款与审批',
      create: '新建退款',
      tab: { requested: '待审批', processing: '退款中', succeeded: '已退款', failed: '退款失败', rejected: '已驳回', approved: '已批准', all: '全部' },
      status: { requested: '待审批', approved: '已批准', processing: '退款中', succeeded: '已退款', rejected: '已驳回', failed: '退款失败' },
      source: { payment: '收款退款', prepaid: '退预存', deposit: '退押金' },
      channel: { original: '原路退回', cash: '现金', transfer: '转账' },
      line: { allocation: '账单', prepaid: '预存', deposit: '押金', principal: '本金', late_fee: '滞纳金' },
      col: {
        receipt: '收据号', room: '房屋', source: '类型', amount: '退款金额', channel: '退款方式', reason: '原因', requestedBy: '申请人',
        decidedBy: '审批人', lines: '退回明细', failReason: '失败原因', project: '项目',
      },
      approve: '批准', reject: '驳回',
      approveTitle: '批准退款', rejectTitle: '驳回退款',
      approveConfirm: '确认批准退还 {{amount}} 元（{{channel}}）？批准后立即记账。',
      approveOriginal: '确认批准退还 {{amount}} 元？将通过原支付渠道退回，渠道确认后记账。',
      note: '审批意见', noteRequired: '驳回须填写意见',
      approvedMsg: '已批准，退款成功', processingMsg: '已提交支付渠道退款，等待渠道确认', failedMsg: '渠道退款失败：{{reason}}', rejectedMsg: '已驳回',
      forbidden: '不能审批此退款',
      form: {
        byPayment: '按收款退款', byBalance: '退预存 / 押金',
        paymentSearch: '收据号或交易号', paymentSearchHint: '输入收据号后回车查找', noPayment: '未找到该收款',
        paid: '实收', refunded: '已退', toPrepaid: '其中转预存', voided: '该收款已作废，不能退款',
        allocations: '指定退回的账单（可选）', allocationsHint: '不指定时：先退预存部分，再按账单从新到旧',
        amount: '退款金额（元）', amountInvalid: '请输入大于 0 的金额（最多两位小数）',
        channel: '退款方式', originalOnlyOnline: '只有线上收款可以原路退回',
        reason: '退款原因', reasonRequired: '请填写退款原因',
        roomSearch: '房号 / 业主姓名 / 手机号', room: '房屋', balance: '余额', general: '通用预存', noBalance: '该房屋没有可退的预存或押金',
        submit: '提交申请', submittedMsg: '退款申请已提交，等待他人审批',
      },
    },
  },
};

export type PayAfterCatalogue = DeepStrings<typeof paymentsAfterText>;
