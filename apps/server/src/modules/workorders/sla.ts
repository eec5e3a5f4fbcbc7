import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZSlaLimits } from '@wuye/shared';
import type { Executor } from '../../db/client.ts';
import { addBusinessMinutes, businessMinutesBetween, type BusinessHours } from './business-time.ts';
import { getWoSettings } from './settings.service.ts';
import { woCategories } from './workorders.table.ts';
import { companyCalendar } from './working-calendar.ts';

type Clock = 'calendar' | 'business';
type Priority = keyof z.output<typeof ZSlaLimits>;

/** When a category has none (complaints, suggestions …): a day to respond, a week to finish, in calendar time. */
const fallback = { responseMinutes: 24 * 60, completeMinutes: 7 * 24 * 60 };

/** The project's business hours (its settings) on the company's working calendar (statutory days + HQ's overrides). */
export async function businessHoursOf(db: Executor, companyId: string, projectId: string): Promise<BusinessHours> {
  const [s, isWorkday] = [await getWoSettings(db, companyId, projectId), await companyCalendar(db, companyId)];
  return { start: s.workdayStart, end: s.workdayEnd, isWorkday };
}

/** Calendar-clock arithmetic never looks at business hours: do not load them for it. */
const hoursFor = (db: Executor, clock: Clock, companyId: string, projectId: string): Promise<BusinessHours> =>
  clock === 'business' ? businessHoursOf(db, companyId, projectId) : Promise.resolve(calendarOnly);
const calendarOnly: BusinessHours = { start: '00:00', end: '24:00', isWorkday: () => true };

export function addClockMinutes(clock: Clock, hours: BusinessHours, from: Date, minutes: number): Date {
  return clock === 'business' ? addBusinessMinutes(hours, from, minutes) : new Date(from.getTime() + minutes * 60_000);
}

export function clockMinutesBetween(clock: Clock, hours: BusinessHours, from: Date, to: Date): number {
  return clock === 'business' ? businessMinutesBetween(hours, from, to) : Math.max(0, Math.round((to.getTime() - from.getTime()) / 60_000));
}

/** Response and completion deadlines from `from` for the category's limits at this priority, in its clock. */
export async function deadlinesFor(db: Executor, o: { companyId: string; projectId: string; categoryId: string | null; priority: Priority }, from: Date) {
  const [cat] = o.categoryId
    ? await db.select({ sla: woCategories.sla, clock: woCategories.clock }).from(woCategories)
      .where(and(eq(woCategories.companyId, o.companyId), eq(woCategories.id, o.categoryId)))
    : [];
  const clock: Clock = cat?.clock ?? 'calendar';
  const limit = (cat?.sla as z.output<typeof ZSlaLimits> | undefined)?.[o.priority] ?? fallback;
  const hours = await hoursFor(db, clock, o.companyId, o.projectId);
  return {
    slaClock: clock,
    responseDueAt: addClockMinutes(clock, hours, from, limit.responseMinutes),
    completeDueAt: addClockMinutes(clock, hours, from, limit.completeMinutes),
  };
}

/**
 * A pause that stops the clock (waiting for the resident, or for the resident's answer to a quote:
 * the caller decides, see transition.service.ts) moves both deadlines on by the paused time,
 * measured in the order's clock. Waiting for parts does not stop it: that delay is ours.
 */
export async function shiftedByPause(db: Executor, o: { companyId: string; projectId: string; slaClock: Clock; pausedAt: Date | null; responseDueAt: Date | null; completeDueAt: Date | null }, now: Date) {
  if (!o.pausedAt) return {};
  const hours = await hoursFor(db, o.slaClock, o.companyId, o.projectId);
  const paused = clockMinutesBetween(o.slaClock, hours, o.pausedAt, now);
  const move = (d: Date | null) => (d ? addClockMinutes(o.slaClock, hours, d, paused) : d);
  return { responseDueAt: move(o.responseDueAt), completeDueAt: move(o.completeDueAt), pausedMinutes: paused };
}
