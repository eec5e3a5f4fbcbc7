import { z } from 'zod';
import { ZDay } from './billing.ts';

/** 工作日历: the statutory calendar (chinese-days) with HQ's overrides, per company. */
export const calendarDayKinds = ['workday', 'holiday'] as const;
export const ZCalendarDayKind = z.enum(calendarDayKinds);

/** years the calendar accepts (the library starts at 2004; HQ may fill in later years) */
export const ZCalendarYear = z.coerce.number().int().min(2000).max(2100);
export const ZCalendarQuery = z.object({ year: ZCalendarYear.optional() }).strict();
export const ZCalendarDayParam = z.object({
  day: ZDay.refine((d) => Number(d.slice(0, 4)) >= 2000 && Number(d.slice(0, 4)) <= 2100, { message: 'year_out_of_range' }),
});
export const ZCalendarDayUpdate = z.object({
  kind: ZCalendarDayKind,
  note: z.string().trim().max(100).nullable().optional(),
}).strict();

/** A day that is not an ordinary Monday–Friday working day / weekend rest day, or one HQ set. */
export const ZCalendarDay = z.object({
  day: ZDay,
  kind: ZCalendarDayKind,
  source: z.enum(['library', 'override']),
  /** the library's name for the day (国庆节, 春节 …), also kept on an override of a library day */
  name: z.string().nullable(),
  note: z.string().nullable(),
  /** what the library alone says for the day (an override shows what it replaces) */
  libraryKind: ZCalendarDayKind,
});

export const ZCalendarYearView = z.object({
  year: z.number().int(),
  /** false: the library has no statutory data for this year yet (HQ should enter holidays and 调休) */
  libraryKnowsYear: z.boolean(),
  days: z.array(ZCalendarDay),
});
export type CalendarDay = z.output<typeof ZCalendarDay>;
export type CalendarYearView = z.output<typeof ZCalendarYearView>;
