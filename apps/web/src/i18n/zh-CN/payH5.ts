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
    invoices: {
      title: '我的发票', request: '申请开票', none: '还没有发票', more: '加载更多', red: '红字', no: '发票号码', pdf: '下载发票',
      status: { requested: '待开具', issuing: '开具中', issued: '已开具', failed: '开具失败', reversed: '已红冲' },
      pick: '选择缴费记录', nothing: '没有可开票的缴费记录', oneRoom: '一张发票只能包含同一房屋的缴费；转入预存的金额在抵扣账单时开票。',
      partly: '实付 ¥{{amount}}，预存或已退部分不开票',
      buyer: '发票抬头', buyerType: '抬头类型', type: { personal: '个人', company: '单位' },
      buyerName: '抬头名称', buyerNameRequired: '请填写抬头名称',
      taxId: '纳税人识别号', taxIdRequired: '单位抬头须填写纳税人识别号', taxIdInvalid: '应为 15、18 或 20 位数字或大写字母',
      email: '接收邮箱（选填）', emailInvalid: '邮箱格式不正确',
      total: '已选 {{count}} 笔，开票金额', submit: '提交申请',
    },
  },
};

export type PayH5Catalogue = DeepStrings<typeof payH5Text>;
