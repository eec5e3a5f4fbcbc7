import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { CalendarDay, CalendarYearView, ZCalendarDayUpdate } from '@wuye/shared';
import type { AppDb, Executor } from '../../db/client.ts';
import { requireCompany, type Actor } from '../../lib/actor.ts';
import { notFound } from '../../lib/errors.ts';
import { BUSINESS_TZ, businessNow, dayjs } from '../../lib/time.ts';
import { record } from '../audit/audit.service.ts';
import { workCalendarDays } from './workorders.table.ts';
import { isPlainWeekday, libraryDay, libraryKnowsYear, loadOverrides, type Override } from './working-calendar.ts';

function entry(day: string, o: Override | undefined): CalendarDay | null {
  const lib = libraryDay(day);
  const libraryKind = lib?.kind ?? (isPlainWeekday(day) ? 'workday' : 'holiday');
  if (o) return { day, kind: o.kind, source: 'override', name: lib?.name ?? null, note: o.note, libraryKind };
  if (lib) return { day, kind: lib.kind, source: 'library', name: lib.name, note: null, libraryKind };
  return null;
}

/** The year's special days: statutory holidays and 调休 from the library, HQ's overrides on top. */
export async function calendarYear(db: Executor, actor: Actor, year = businessNow().year()): Promise<CalendarYearView> {
  const overrides = await loadOverrides(db, requireCompany(actor), year);
  const days: CalendarDay[] = [];
  const end = dayjs.tz(`${year + 1}-01-01`, BUSINESS_TZ);
  for (let d = dayjs.tz(`${year}-01-01`, BUSINESS_TZ); d.isBefore(end); d = d.add(1, 'day')) {
    const day = d.format('YYYY-MM-DD');
    const e = entry(day, overrides.get(day));
    if (e) days.push(e);
  }
  return { year, libraryKnowsYear: libraryKnowsYear(year), days };
}

async function current(db: Executor, companyId: string, day: string): Promise<Override | undefined> {
  const [row] = await db.select({ kind: workCalendarDays.kind, note: workCalendarDays.note }).from(workCalendarDays)
    .where(and(eq(workCalendarDays.companyId, companyId), eq(workCalendarDays.day, day)));
  return row;
}

/**
 * HQ sets a day (a year the library does not know, a company-specific day off). Deadlines already
 * stored on open orders stay as they are: they were promised under the calendar of their day.
 */
export async function setCalendarDay(db: AppDb, actor: Actor, day: string, input: z.output<typeof ZCalendarDayUpdate>): Promise<CalendarDay> {
  const companyId = requireCompany(actor);
  return db.transaction(async (tx) => {
    const before = await current(tx, companyId, day);
    const value = { kind: input.kind, note: input.note ?? null };
    await tx.insert(workCalendarDays).values({ companyId, day, ...value })
      .onConflictDoUpdate({ target: [workCalendarDays.companyId, workCalendarDays.day], set: value });
    await record(tx, actor, 'workorder.calendar_updated', { type: 'work_calendar_day', id: day }, before ? { day, ...before } : null, { day, ...value });
    return entry(day, value)!;
  });
}

/** Back to what the library (or Monday–Friday) says. */
export async function clearCalendarDay(db: AppDb, actor: Actor, day: string): Promise<{ ok: true }> {
  const companyId = requireCompany(actor);
  return db.transaction(async (tx) => {
    const [gone] = await tx.delete(workCalendarDays).where(and(eq(workCalendarDays.companyId, companyId), eq(workCalendarDays.day, day)))
      .returning({ kind: workCalendarDays.kind, note: workCalendarDays.note });
    if (!gone) throw notFound('日历设置');
    await record(tx, actor, 'workorder.calendar_updated', { type: 'work_calendar_day', id: day }, { day, ...gone }, null);
    return { ok: true as const };
  });
}
