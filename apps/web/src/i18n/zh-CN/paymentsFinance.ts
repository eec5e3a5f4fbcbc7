import type { DeepStrings } from './types.ts';

/** issue 8 payments (payFinance); owned by one slice (see docs/payments-plan.md) */
export const paymentsFinanceText = {
  payFinance: {
    title: '收款',
    recon: {
      title: '对账',
      intro: '导入支付渠道某一日的对账单（微信支付交易账单 CSV，或标准 CSV：provider_txn_id,out_trade_no,amount_yuan,paid_at,status），按渠道交易号与金额匹配本方在线收款。',
      upload: '导入对账单', provider: '支付渠道', date: '对账日期', file: '对账单文件', chooseFile: '选择 CSV 文件', submit: '导入并匹配',
      fileRequired: '请选择对账单文件', fileErrors: '对账单有错误，未导入：', row: '第 {{row}} 行', column: '列「{{column}}」',
      providers: { sandbox: '沙箱支付', wechat: '微信支付', alipay: '支付宝' },
      result: '匹配结果', rows: '对账单笔数', matched: '已匹配', matchedFen: '匹配金额（元）', missing: '本方有、渠道无', extra: '渠道有、本方无',
      mismatched: '金额不符', unresolved: '待处理', skipped: '已跳过 {{n}} 行退款记录',
      status: { open: '未完成', reconciled: '已对账' },
      kind: { missing: '本方多', extra: '渠道多', amount_mismatch: '金额不符' },
      txn: '渠道交易号', outTradeNo: '商户订单号', ours: '本方金额', theirs: '渠道金额', room: '房号', project: '项目', notifications: '相关回调',
      note: '处理说明', resolved: '已处理', resolve: '处理', resolveTitle: '处理差异', notePlaceholder: '如：已线下退款、回调延迟已补记…',
      reconcile: '标记对账完成', reconcileConfirm: '确认该日对账完成？完成后不能再修改或重新导入。', reconcileBlocked: '还有 {{n}} 条差异未处理',
      reconciledBy: '{{name}} 于 {{at}} 完成对账', history: '对账记录', file_: '文件', createdBy: '导入人', createdAt: '导入时间', open: '查看',
      errorCodes: {
        unknown_header: '无法识别的表头', not_csv: '不是有效的 CSV', bad_amount: '金额无效', missing_txn_id: '缺少交易号', bad_txn_id: '交易号无效',
        bad_out_trade_no: '商户订单号无效', bad_time: '时间无效', bad_status: '交易状态无效', duplicate_txn_id: '交易号重复', missing_columns: '列数不足',
        summary_count_mismatch: '汇总笔数与明细不符', rows_after_summary: '汇总行之后还有内容', required: '必填',
      },
    },
    reports: {
      title: '收费报表',
      tab: { daily: '收费日报', shift: '交班', voucher: '财务凭证' },
      project: '项目', allProjects: '全部项目', date: '日期', onlyMine: '只看本人', exportXlsx: '导出 Excel', exportPdf: '导出 PDF',
      collected: '收款', voids: '作废', refunds: '退款', net: '净收款', count: '{{n}} 笔',
      byChannel: '按收款方式', byFeeItem: '按收费项目', byCashier: '按收银员', channel: '收款方式', amount: '金额', refundsCol: '退款',
      feeItem: '收费项目', principal: '本金', lateFee: '滞纳金', total: '合计', cashier: '收银员', countCol: '笔数', prepaid: '预存',
      shift: {
        current: '本班次', window: '{{from}} 至今', taken: '收款', voids: '作废', refunds: '退款', expectedCash: '应有现金',
        cashCounted: '清点现金（元）', cashInvalid: '请输入不超过两位小数的金额', handedTo: '接班人', note: '备注', submit: '交班',
        done: '交班完成', difference: '现金差额', over: '长款', short: '短款', even: '相符', history: '交班记录',
        from: '开始', to: '结束', none: '—',
      },
      voucher: {
        intro: '按日导出为暂估凭证（所在月份未关账时标注“未关账”）；按月导出需该月已关账。借贷按科目、收费项目与收款方式汇总，每个项目每期一张记账凭证。',
        mode: '期间', byDay: '按日', byMonth: '按月', month: '月份', perDay: '每日一张凭证', export: '导出凭证 Excel',
        accounts: '默认科目：1001 库存现金、1002 银行存款、1012xx 其他货币资金、1122 应收账款、2203 预收账款、2241xx 其他应付款（押金 / 公共收益）、6001 主营业务收入',
      },
    },
    reminders: {
      title: '催缴管理',
      tab: { rules: '催缴规则', batch: '手动催缴', history: '催缴记录' },
      schedule: '每天 10:00（北京时间）按启用的规则自动催缴；同一规则对同一房间在重复间隔内只催一次。',
      channel: { inapp: '站内消息', sms: '短信' },
      project: '项目', pickProject: '请先在顶部或此处选择项目', days: '{{n}} 天', yuanUnit: '元',
      rule: {
        create: '新建规则', edit: '编辑规则', name: '规则名称', daysOverdue: '逾期天数', daysOverdueHelp: '账单应缴日之后超过这么多天才催缴（0 = 逾期即催）',
        minAmount: '最低欠费（元）', minAmountHelp: '房间逾期欠费合计（含已计滞纳金）达到此金额才催缴；0 表示不限', repeatDays: '重复间隔（天）',
        repeatDaysHelp: '同一规则对同一房间至少间隔这么多天再催一次', channels: '发送渠道', enabled: '启用', lastSent: '最近催缴', sentCount: '累计催缴',
        remove: '删除', removeConfirm: '删除规则「{{name}}」？已发送的催缴记录会保留。', removed: '已删除', saved: '已保存', none: '还没有催缴规则',
      },
      batch: {
        building: '楼栋', allBuildings: '全部楼栋', minAmount: '最低欠费（元）', channels: '发送渠道', preview: '查询欠费房间', send: '立即催缴',
        sendSelected: '催缴选中的 {{n}} 户', confirm: '向 {{rooms}} 户发送催缴通知（欠费合计 {{amount}} 元）？', sent: '已催缴 {{count}} 户，触达 {{recipients}} 人',
        unreached: '{{n}} 户没有绑定住户账号，无法线上触达，请打印催缴通知单', summary: '共 {{rooms}} 户欠费，合计 {{amount}} 元；{{unreachable}} 户未绑定住户',
        none: '没有符合条件的欠费房间', selectHint: '勾选房间可只催缴或打印部分房间；不勾选即为列表中的全部房间', amountInvalid: '请输入不超过两位小数的金额',
      },
      col: {
        room: '房号', building: '楼栋', bills: '欠费笔数', total: '欠费合计（元）', oldest: '最早应缴日', residents: '绑定住户', source: '来源',
        manual: '手动催缴', deletedRule: '（规则已删除）', channels: '渠道', recipients: '触达人数', sentBy: '操作人', sentAt: '催缴时间', system: '系统',
        fee: '收费项目', period: '计费期间', due: '应缴日期', principal: '本金', lateFee: '滞纳金', outstanding: '欠费',
      },
      history: { from: '开始日期', to: '结束日期', reached: '触达情况', reachedYes: '已触达', reachedNo: '未触达（需打印）', printPage: '打印本页未触达房间的通知单' },
      print: '打印通知单', printing: '正在生成通知单…', tooMany: '一次最多打印 {{n}} 户，请按楼栋分批',
    },
  },
};

export type PayFinanceCatalogue = DeepStrings<typeof paymentsFinanceText>;
