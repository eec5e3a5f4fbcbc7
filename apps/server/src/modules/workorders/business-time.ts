import { BUSINESS_TZ, dayjs } from '../../lib/time.ts';

/**
 * Business hours: working days (the company's working calendar decides: working-calendar.ts) from
 * `start` to `end` (HH:mm, Asia/Shanghai).
 */
export interface BusinessHours {
  start: string;
  end: string;
  isWorkday(day: string): boolean;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Monday–Friday without holidays: for tests and for arithmetic that must not depend on the calendar. */
export const weekdaysOnly = (start: string, end: string): BusinessHours => ({
  start, end, isWorkday: (day) => ![0, 6].includes(dayjs.tz(day, BUSINESS_TZ).day()),
});

/**
 * `from` plus `minutes` of business time. Zero minutes leave `from` as it is (a deadline at closing
 * time must not jump to the next morning when a pause moved it by nothing).
 */
export function addBusinessMinutes(h: BusinessHours, from: Date, minutes: number): Date {
  if (minutes <= 0) return from;
  let left = minutes;
  let t = dayjs(from).tz(BUSINESS_TZ);
  const [s, e] = [minutesOf(h.start), minutesOf(h.end)];
  for (let guard = 0; guard < 3660; guard++) {
    const day = t.format('YYYY-MM-DD');
    const dayStart = dayjs.tz(day, BUSINESS_TZ);
    if (h.isWorkday(day)) {
      const open = dayStart.add(s, 'minute');
      const close = dayStart.add(e, 'minute');
      const at = t.isBefore(open) ? open : t;
      if (at.isBefore(close)) {
        const avail = close.diff(at, 'minute', true);
        if (left <= avail) return at.add(left, 'minute').toDate();
        left -= avail;
      }
    }
    t = dayStart.add(1, 'day');
  }
  throw new Error('business time out of range');
}

/** Business minutes between two instants (0 if `to` is not after `from`). */
export function businessMinutesBetween(h: BusinessHours, from: Date, to: Date): number {
  if (to <= from) return 0;
  let total = 0;
  let t = dayjs(from).tz(BUSINESS_TZ);
  const end = dayjs(to);
  const [s, e] = [minutesOf(h.start), minutesOf(h.end)];
  for (let guard = 0; guard < 3660 && t.isBefore(end); guard++) {
    const day = t.format('YYYY-MM-DD');
    const dayStart = dayjs.tz(day, BUSINESS_TZ);
    if (h.isWorkday(day)) {
      const open = dayStart.add(s, 'minute');
      const close = dayStart.add(e, 'minute');
      const a = t.isAfter(open) ? t : open;
      const b = end.isBefore(close) ? end : close;
      if (b.isAfter(a)) total += b.diff(a, 'minute', true);
    }
    t = dayStart.add(1, 'day');
  }
  return Math.round(total);
}
