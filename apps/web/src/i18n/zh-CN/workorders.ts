import type { DeepStrings } from './types.ts';

/** zh-CN catalogue, work-order part: woConsole. */
export const woConsoleText = {
  woConsole: {
    title: '工单',
    listTitle: '工单列表',
    boardTitle: '工单看板',
    statsTitle: '工单统计',
    categoriesTitle: '工单类别',
    kbTitle: '常见问题',
    settingsTitle: '工单设置',
    totalCapped: '共 {{total}}+ 条',
    inPool: '抢单池',
    unassigned: '未派单',
    facility: '公共设施',
    yuan: '元',
    addPhoto: '添加照片',
    photoFailed: '照片上传失败',
    openBill: '查看账单',
    billed: '已出账',
    revisitPending: '待回访',
    minutes: '{{m}} 分钟',
    hoursMinutes: '{{h}} 小时 {{m}} 分',
    daysHours: '{{d}} 天 {{h}} 小时',
    remaining: '剩余 {{d}}',
    overdueBy: '已超时 {{d}}',
    status: {
      submitted: '待派单', assigned: '已派单', accepted: '已接单', in_progress: '处理中', paused: '已暂停',
      completed: '已完成', confirmed: '已评价', closed: '已关闭', cancelled: '已取消',
    },
    priority: { urgent: '紧急', high: '高', normal: '普通', low: '低' },
    type: { repair: '报修', complaint: '投诉', suggestion: '建议', inquiry: '咨询', praise: '表扬' },
    source: { resident: '住户报事', qr: '扫码报事', desk: '前台', phone: '电话', patrol: '巡逻', inspection: '巡检', device: '设备告警', staff: '员工上报' },
    area: { private: '户内', public: '公共区域' },
    clock: { calendar: '自然时间', business: '工作时间' },
    overdueFilter: { true: '已超时', false: '未超时' },
    pauseReason: { parts: '等待配件', resident: '等待住户', other: '其他', quote: '等待确认报价' },
    revisitResult: { satisfied: '满意', neutral: '一般', unsatisfied: '不满意', unreachable: '联系不上' },
    quoteStatus: { proposed: '待确认', accepted: '已接受', declined: '已拒绝' },
    dispatchMode: { off: '人工派单', suggest: '推荐人选', auto: '自动派单', pool: '抢单池' },
    slaKind: {
      response_warning: '响应即将超时提醒', response_escalation: '响应超时，已升级项目经理',
      complete_warning: '完成即将超时提醒', complete_escalation: '完成超时，已升级项目经理', hq_escalation: '严重超时，已升级总部',
    },
    event: {
      submit: '提交', assign: '派单', grab: '抢单', transfer: '转派', accept: '接单', reject: '退回', start: '开始处理',
      pause: '暂停', resume: '继续处理', quote: '报价', accept_quote: '接受报价', decline_quote: '拒绝报价', complete: '完成',
      confirm: '评价确认', reopen: '重新打开', close: '关闭', cancel: '取消', revisit: '回访',
      dispatch_suggested: '系统推荐人选', dispatch_failed: '自动派单未成功', sla_warning: '超时提醒', sla_escalated: '超时升级',
    },
    filter: {
      status: '状态（可多选）', type: '类型', category: '类别', priority: '优先级', overdue: '超时', assignee: '处理人',
      building: '楼栋', buildingNeedsProject: '楼栋（先选项目）', search: '单号 / 描述 / 房号 / 联系人',
    },
    views: {
      pick: '保存的视图', save: '保存视图', saveTitle: '把当前筛选保存为视图', name: '视图名称', saved: '视图已保存', deleteConfirm: '删除这个视图？',
    },
    field: {
      no: '工单号', status: '状态', priority: '优先级', category: '类别', type: '类型', source: '来源', project: '项目', area: '区域',
      room: '房屋', facility: '公共设施', locationText: '位置说明', location: '位置', description: '问题描述', requester: '报事人',
      contact: '联系人', contactName: '联系人姓名', contactPhone: '联系电话', preferredSlot: '期望上门时间', photos: '照片',
      assignee: '处理人', responseDue: '响应时限', completeDue: '完成时限', createdAt: '登记时间', clock: '计时方式',
      pauseReason: '暂停原因', quote: '报价', quoteYuan: '报价金额', bill: '收费账单', work: '处理情况', materials: '使用材料',
      labourMinutes: '工时（分钟）', rating: '评分', ratingComment: '评价内容', revisit: '回访', revisitResult: '回访结果',
      reopenCount: '重开次数', note: '备注',
    },
    create: {
      button: '登记工单', title: '登记工单（前台 / 电话）', priorityHint: '不填则按类别的默认优先级',
      roomRequired: '户内报修请选择房屋', locationRequired: '请选择公共设施或填写位置说明',
    },
    detail: { title: '工单详情', facts: '基本信息', photos: '照片', timeline: '处理进度' },
    action: {
      pickAssignee: '选择处理人', required: '必填', yuan: '金额最多两位小数', phoneRating: '电话回访时代住户录入评分',
    },
    candidate: {
      recommended: '推荐', skill: '有技能', noSkill: '无技能', onShift: '在岗', offShift: '不在班', building: '负责该楼', otherBuilding: '非本楼', load: '在办 {{n}} 单',
    },
    timeline: {
      auto: '系统自动', reasons: '依据', candidates: '候选人', amount: '金额 {{amount}} 元', rating: '{{rating}} 星',
      assignee: '处理人：{{name}}', deadline: '时限 {{at}}',
    },
    board: { empty: '暂无', more: '还有 {{n}} 单，请在列表中查看', showDone: '显示已评价 / 已关闭 / 已取消' },
    stats: {
      count: '工单数', completionRate: '完成率', avgResponse: '平均响应时长', avgHandling: '平均处理时长', overdueRate: '超时率',
      satisfaction: '满意度', avgRating: '平均评分', revisited: '回访数', total: '合计', period: '统计区间：{{from}} 至 {{to}}',
      by: { month: '按月', day: '按日', project: '按项目', category: '按类别', assignee: '按处理人' },
    },
    categories: {
      create: '新增类别', edit: '编辑类别：{{name}}', code: '编码', name: '名称', sort: '排序', defaultPriority: '默认优先级',
      clockHint: '工作时间：只计项目的工作时段，跳过法定节假日，调休上班日照常计时',
      sla: '时限（小时）', slaOf: '{{priority}} 响应 / 完成', responseHours: '响应', completeHours: '完成',
      completeBeforeResponse: '完成时限不能短于响应时限', skill: '所需技能', skillHint: '小写英文，如 plumbing、electrical；派单时只考虑具备该技能的人员',
      skillInvalid: '小写字母开头，仅含小写字母、数字、下划线', chargeable: '有偿服务', paid: '收费', feeItem: '收费项目', feeItemRequired: '有偿服务须选择收费项目',
      active: '启用',
    },
    kb: {
      create: '新增问题', edit: '编辑问题', question: '问题', answer: '解答', published: '已发布', draft: '草稿', search: '搜索问题',
      allCategories: '全部类别', categoryHint: '不选则所有类别都显示', deleteConfirm: '删除这个问题？', deleted: '已删除',
    },
    settings: {
      dispatchMode: '派单模式', dispatchModeHint: '自动派单：在岗、有技能、负责该楼栋且在办最少的人员；无人在岗时放入抢单池',
      reopenDays: '完成后可重开天数', autoCloseDays: '完成后自动关闭天数', revisitSamplePercent: '好评回访抽样比例',
      revisitHint: '差评（3 星及以下）总是回访', workday: '工作时间', workdayHint: '按工作时间计时的类别使用（北京时间）',
      timeFormat: '格式 HH:mm', endBeforeStart: '下班时间须晚于上班时间', warnBefore: '超时前提醒处理人', hqEscalateAfter: '超时后升级总部',
      min: '分钟', days: '天',
    },
  },
};

export type WoConsoleCatalogue = DeepStrings<typeof woConsoleText>;
