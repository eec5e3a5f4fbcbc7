import type { DeepStrings } from './types.ts';

/** zh-CN catalogue, work-order part: woCalendar (工作日历). */
export const woCalendarText = {
  woCalendar: {
    title: '工作日历',
    intro: '按工作时间计时的工单类别（如保洁、绿化）只在工作日的上班时间计算时限。节假日与调休来自国家法定安排，总部可修正。',
    introEdit: '按工作时间计时的工单类别只在工作日的上班时间计算时限。点击某一天可设为上班或休息（覆盖法定安排），已修正的日子可撤销。',
    prev: '上一年',
    next: '下一年',
    yearLabel: '{{year}} 年',
    counts: '休息日 {{holiday}} 天 · 调休上班 {{workday}} 天（不含普通周末）',
    weekdays: '一,二,三,四,五,六,日',
    months: {
      1: '一月', 2: '二月', 3: '三月', 4: '四月', 5: '五月', 6: '六月',
      7: '七月', 8: '八月', 9: '九月', 10: '十月', 11: '十一月', 12: '十二月',
    },
    kind: { workday: '上班', holiday: '休息' },
    legend: { holiday: '法定节假日', makeup: '调休上班', override: '总部修正' },
    unknownYear: {
      title: '节假日库尚未收录 {{year}} 年的法定安排',
      edit: '国务院通常在前一年 11 月公布次年安排。公布前该年按周一至周五上班计算；请在此录入节假日与调休上班日。',
      read: '国务院通常在前一年 11 月公布次年安排。公布前该年按周一至周五上班计算，总部可在此录入。',
    },
    edit: {
      title: '修正 {{day}}',
      library: '法定安排：{{name}}（{{kind}}）',
      note: '说明（可选），如：公司年会放假',
      save: '保存',
      clear: '撤销修正',
      cancel: '取消',
    },
    saved: '已保存，新工单的时限按新日历计算',
    cleared: '已撤销修正',
  },
};

export type WoCalendarCatalogue = DeepStrings<typeof woCalendarText>;
