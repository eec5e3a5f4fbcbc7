import type { WoCalendarCatalogue } from '../zh-CN/woCalendar.ts';

/** English catalogue, work-order part: woCalendar (same keys as zh-CN). */
export const woCalendarText: WoCalendarCatalogue = {
  woCalendar: {
    title: 'Working calendar',
    intro: 'Categories timed in business hours (cleaning, greening …) only count working hours on working days. Holidays and make-up days follow the statutory arrangement; HQ may correct them.',
    introEdit: 'Categories timed in business hours only count working hours on working days. Click a day to make it a working day or a day off (overriding the statutory arrangement); an override can be cleared.',
    prev: 'Previous year',
    next: 'Next year',
    yearLabel: '{{year}}',
    counts: '{{holiday}} days off · {{workday}} make-up working days (ordinary weekends not counted)',
    weekdays: 'Mo,Tu,We,Th,Fr,Sa,Su',
    months: {
      1: 'January', 2: 'February', 3: 'March', 4: 'April', 5: 'May', 6: 'June',
      7: 'July', 8: 'August', 9: 'September', 10: 'October', 11: 'November', 12: 'December',
    },
    kind: { workday: 'Working day', holiday: 'Day off' },
    legend: { holiday: 'Statutory holiday', makeup: 'Make-up working day', override: 'HQ override' },
    unknownYear: {
      title: 'The holiday library does not know {{year}} yet',
      edit: "The State Council usually publishes next year's arrangement in November. Until then the year counts Monday–Friday as working days; enter its holidays and make-up days here.",
      read: "The State Council usually publishes next year's arrangement in November. Until then the year counts Monday–Friday as working days; HQ can enter it here.",
    },
    edit: {
      title: 'Override {{day}}',
      library: 'Statutory: {{name}} ({{kind}})',
      note: 'Note (optional), e.g. company outing',
      save: 'Save',
      clear: 'Clear override',
      cancel: 'Cancel',
    },
    saved: 'Saved: new orders get deadlines on the new calendar',
    cleared: 'Override cleared',
  },
};
