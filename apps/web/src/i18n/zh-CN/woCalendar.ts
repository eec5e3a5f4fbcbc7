import type { DeepStrings } from './types.ts';

/** zh-CN catalogue, work-order part: woCalendar. */
export const woCalendarText = {
  woCalendar: {
    title: '工单',
  },
};

export type WoCalendarCatalogue = DeepStrings<typeof woCalendarText>;
