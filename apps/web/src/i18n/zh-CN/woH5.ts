import type { DeepStrings } from './types.ts';

/** zh-CN catalogue, work-order part: woH5 (resident and staff phone screens). */
export const woH5Text = {
  woH5: {
    title: '工单',
    status: {
      submitted: '待派单', assigned: '待接单', accepted: '已接单', in_progress: '处理中', paused: '已暂停',
      completed: '已完成', confirmed: '已评价', closed: '已关闭', cancelled: '已取消',
    },
    type: { repair: '报修', complaint: '投诉', suggestion: '建议', inquiry: '咨询', praise: '表扬' },
    priority: { urgent: '紧急', high: '高', normal: '普通', low: '低' },
    area: { private: '室内（我的房屋）', public: '公共区域' },
    event: {
      submit: '提交报事', assign: '派单', grab: '抢单', transfer: '转派', accept: '接单', reject: '退单', start: '开始处理',
      pause: '暂停', resume: '继续处理', quote: '报价', accept_quote: '接受报价', decline_quote: '拒绝报价', complete: '完工',
      confirm: '确认评价', reopen: '重新打开', close: '关闭', cancel: '取消', revisit: '回访',
      dispatch_suggested: '派单建议', dispatch_failed: '自动派单未成功', sla_warning: '即将超时提醒', sla_escalated: '超时升级',
    },
    action: {
      grab: '抢单', accept: '接单', reject: '退单', start: '开始处理', pause: '暂停', resume: '继续处理', quote: '报价', complete: '完工',
      accept_quote: '接受报价', decline_quote: '拒绝报价', confirm: '确认并评价', reopen: '问题未解决，重新打开', cancel: '取消报事',
    },
    actions: { title: '操作', ok: '确定' },
    pause: { reason: '暂停原因', parts: '等配件', resident: '等住户', other: '其他' },
    note: {
      required: '请填写说明', optional: '备注（选填）', reject: '退单原因', cancel: '取消原因', reopen: '哪里还没解决？', decline_quote: '拒绝原因（选填）',
      confirm: '备注', accept_quote: '备注（选填）',
    },
    quote: {
      proposed: '师傅报价，待您确认', acceptHint: '接受后按 ¥{{amount}} 收费，完工后计入房屋账单。', amount: '报价金额（元）',
      amountRequired: '请输入金额', amountInvalid: '请输入大于 0、最多两位小数的金额', accepted: '已接受', declined: '已拒绝',
    },
    confirm: { rating: '满意度', comment: '评价（选填）' },
    complete: { photos: '完工照片', materials: '使用材料', labour: '工时（分钟）' },
    photos: { add: '拍照/相册', remove: '删除照片' },
    time: { dh: '{{d}}天{{h}}小时', hm: '{{h}}小时{{m}}分', m: '{{m}}分钟', left: '还剩 {{span}}', overdue: '已超时 {{span}}' },
    deadline: { response: '接单时限', complete: '完成时限' },
    timeline: { title: '处理进度', amount: '金额 ¥{{amount}}', to: '处理人：{{name}}' },
    fact: {
      status: '状态', category: '类型', where: '位置', slot: '期望上门', assignee: '处理人', unassigned: '待分配', created: '报事时间',
      completed: '完成时间', materials: '材料', labour: '工时', minutes: '{{n}} 分钟', quote: '报价', rating: '评价',
      navigate: '导航', openMap: '在高德地图中打开', contact: '联系人', call: '拨打', equipment: '设备编号',
    },
    faq: { title: '这些能解决您的问题吗？', stillReport: '仍要报事', solved: '已解决，不用报事' },
    form: {
      type: '类型', category: '类别', categoryHint: '选择问题类别', categoryRequired: '请选择类别', chargeable: '有偿',
      area: '位置', room: '房屋', roomRequired: '请选择房屋', project: '小区', location: '具体位置', locationHint: '如：3号楼电梯厅、东门岗亭',
      locationRequired: '请填写位置', description: '问题描述', descriptionHint: '请描述问题，便于师傅准备工具和配件',
      descriptionRequired: '请描述问题', photos: '照片', slot: '期望上门时间', slotHint: '选填：日期和时间段', slotOrder: '结束时间须晚于开始时间',
      phone: '联系电话',
    },
    report: {
      title: '报事报修', submit: '提交', fromQr: '扫码报事', qrFacility: '扫码位置：公共设施',
      qrRoomNotMine: '此二维码的房屋不是您绑定的房屋，请按公共区域填写位置。', noRoom: '绑定房屋后即可报事报修', bind: '去绑定房屋',
    },
    mine: { title: '我的报事', new: '报事', all: '全部', open: '进行中', done: '已结束', none: '还没有报事记录', more: '加载更多' },
    card: { title: '报事报修', report: '我要报事', open: '{{n}} 件处理中', none: '暂无处理中的报事', view: '查看我的报事' },
    tasks: {
      title: '我的任务', mine: '我的任务', pool: '抢单池', none: '暂无待处理任务', poolEmpty: '抢单池是空的',
      summary: '{{n}} 件待处理，{{overdue}} 件超时', view: '查看全部任务',
    },
    scan: {
      button: '扫码', title: '扫描二维码', start: '打开相机扫码', unsupported: '此浏览器不支持相机扫码，可粘贴二维码内容。',
      noCamera: '无法打开相机（未授权或没有摄像头）', notOurs: '不是本系统的房屋/设施二维码', paste: '或粘贴二维码内容',
      pasteRequired: '请粘贴二维码内容', open: '打开',
    },
    place: {
      room: '房屋 {{code}}', facility: '设施：{{name}}', open: '进行中的工单', none: '这里没有进行中的工单', report: '上报问题',
      submit: '提交（巡检发现）', notFound: '找不到该房屋或设施，或不在您的项目中',
    },
  },
};

export type WoH5Catalogue = DeepStrings<typeof woH5Text>;
