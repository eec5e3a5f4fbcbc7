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
    invoices: {
      title: '发票', detail: '发票详情', create: '开票', search: '发票号码或抬头', pdf: '下载 PDF', open: '查看',
      retry: '重新开具', retriedMsg: '已重新提交开具', failed: '开具失败',
      redOf: '对应蓝字发票', reversedBy: '红冲发票', lines: '开票明细', payments: '对应收款',
      status: { requested: '待开具', issuing: '开具中', issued: '已开具', failed: '开具失败', reversed: '已红冲' },
      kind: { blue: '蓝字', red: '红字' },
      buyerType: { personal: '个人', company: '单位' },
      col: {
        invoiceNo: '发票号码', checkCode: '校验码', kind: '类型', room: '房屋', project: '项目', buyer: '抬头', amount: '价税合计', tax: '税额',
        issuedAt: '开具时间', receipt: '收据号', businessDate: '收款日期', channel: '收款方式', invoiced: '开票金额', paid: '实收',
        excluded: '不开票（预存 / 已退）', invoiceable: '可开票',
      },
      line: { name: '项目名称', net: '金额', rate: '税率', tax: '税额', total: '价税合计', sum: '合计' },
      red: {
        action: '红冲', title: '红冲发票', submit: '确认红冲', reason: '红冲原因', reasonRequired: '请填写红冲原因',
        explain: '将开具红字发票全额冲销蓝字发票 {{no}}（{{amount}} 元），冲销后对应收款可重新开票。', doneMsg: '已提交红冲',
      },
      form: {
        room: '房屋', roomSearch: '房号 / 业主姓名 / 手机号', noPayments: '该房屋没有可开票的收款', pickPayments: '请勾选要开票的收款',
        total: '已选 {{count}} 笔，开票金额 {{amount}} 元', prepaidNote: '转入预存的金额不在此开票（预存款在抵扣账单时开票）。',
        buyerType: '抬头类型', buyerName: '发票抬头', buyerNameRequired: '请填写发票抬头',
        buyerTaxId: '纳税人识别号', taxIdHint: '单位必填：15、18 或 20 位数字或大写字母', taxIdRequired: '单位抬头须填写纳税人识别号', taxIdInvalid: '纳税人识别号应为 15、18 或 20 位数字或大写字母',
        buyerEmail: '接收邮箱', emailInvalid: '邮箱格式不正确',
        submit: '提交开票', submittedMsg: '已提交开票', failedMsg: '开票平台未能开具，请查看失败原因',
      },
    },
  },
};

export type PayAfterCatalogue = DeepStrings<typeof paymentsAfterText>;
