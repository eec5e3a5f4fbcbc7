import type { DeepStrings } from './types.ts';

/** zh-CN catalogue, work-order part: woDispatch (派单设置). */
export const woDispatchText = {
  woDispatch: {
    title: '派单设置',
    mode: {
      title: '派单模式', saved: '派单模式已保存',
      off: '人工派单', suggest: '推荐人选', auto: '自动派单', pool: '抢单池',
      hint: {
        off: '新工单等待客服人工派单。',
        suggest: '系统在时间线中推荐 3 位最合适的人员（有技能、在岗、负责该楼栋、在办最少），由客服决定。',
        auto: '系统直接派给最合适的在岗人员，并在时间线写明理由；具备技能的人都不在班时放入抢单池，没人具备技能时留给客服。',
        pool: '新工单放入抢单池，本项目具备该类别技能的人员可以抢单。',
      },
    },
    workers: {
      title: '处理人员', hint: '技能用于匹配工单类别，修改后立即保存', name: '姓名', skills: '技能', skillsPlaceholder: '选择或输入技能代码',
      shift: '班次', onShift: '在岗', offShift: '不在班', buildings: '负责楼栋', load: '在办工单', saved: '技能已保存', empty: '本项目还没有工单处理人员',
    },
    skill: {
      plumbing: '给排水', electrical: '电路电器', elevator: '电梯', door_lock: '门窗门禁', cleaning: '保洁', greening: '绿化', security: '安防',
    },
    shifts: {
      title: '排班', prevWeek: '上一周', nextWeek: '下一周', worker: '人员', workerRequired: '请选择人员', start: '上班', hours: '时长（小时）',
      add: '添加班次', added: '班次已添加', empty: '本项目还没有处理人员', confirmDelete: '删除这个班次？', deleted: '班次已删除', nextDay: '次日 {{time}}',
    },
    buildings: {
      title: '楼栋责任人', hint: '自动派单优先派给楼栋责任人', building: '楼栋', staff: '责任人', placeholder: '选择责任人', saved: '楼栋责任人已保存',
      empty: '本项目还没有楼栋',
    },
  },
};

export type WoDispatchCatalogue = DeepStrings<typeof woDispatchText>;
