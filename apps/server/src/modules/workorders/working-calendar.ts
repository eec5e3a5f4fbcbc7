import chineseDays from 'chinese-days';
import { and, eq, like } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { BUSINESS_TZ, dayjs } from '../../lib/time.ts';
import { workCalendarDays } from './workorders.table.ts';

export type DayKind = 'workday' | 'holiday';
export interface Override { kind: DayKind; note: string | null }
export type Overrides = Map<string, Override>;

/**
 * What chinese-days says about a 'YYYY-MM-DD' day when it is special: a statutory holiday or a
 * 调休 make-up working day (its detail then carries "English,中文,n" instead of a weekday name).
 */
export function libraryDay(day: string): { kind: DayKind; name: string } | null {
  const d = chineseDays.getDayDetail(day);
  if (!d.name.includes(',')) return null;
  return { kind: d.work ? 'workday' : 'holiday', name: d.name.split(',')[1] ?? d.name };
}

const known = new Map<number, boolean>();
/** Whether the library has the State Council's arrangement for the year (it is published each November). */
export function libraryKnowsYear(year: number): boolean {
  let k = known.get(year);
  if (k === undefined) {
    k = chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
    known.set(year, k);
  }
  return k;
}

/** Monday–Friday, for days neither the library nor HQ says anything about. */
export const isPlainWeekday = (day: string) => ![0, 6].includes(dayjs.tz(day, BUSINESS_TZ).day());

/** HQ wins, then the library, then Monday–Friday. */
export function isWorkdayWith(overrides: Overrides, day: string): boolean {
  const o = overrides.get(day);
  if (o) return o.kind === 'workday';
  const lib = libraryDay(day);
  if (lib) return lib.kind === 'workday';
  return isPlainWeekday(day);
}

/** A company's overrides, loaded once per computation (optionally one year only). */
export async function loadOverrides(db: Executor, companyId: string, year?: number): Promise<Overrides> {
  const rows = await db.select({ day: workCalendarDays.day, kind: workCalendarDays.kind, note: workCalendarDays.note }).from(workCalendarDays)
    .where(and(eq(workCalendarDays.companyId, companyId), year ? like(workCalendarDays.day, `${year}-%`) : undefined));
  return new Map(rows.map((r) => [r.day, { kind: r.kind, note: r.note }]));
}

/** The company's working-day test, ready for business-time arithmetic. */
export async function companyCalendar(db: Executor, companyId: string): Promise<(day: string) => boolean> {
  const overrides = await loadOverrides(db, companyId);
  return (day) => isWorkdayWith(overrides, day);
}
