import type { WoCalendarCatalogue } from '../zh-CN/woCalendar.ts';

/** English catalogue, work-order part: woCalendar (same keys as zh-CN). */
export const woCalendarText: WoCalendarCatalogue = {
  woCalendar: {
    title: 'Work orders',
  },
};
