import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CalendarDay, CalendarYearView, ZCalendarDayUpdate } from '@wuye/shared';
import { api } from '../../../../shared/api.ts';
import { useInvalidatingMutation } from '../../../../shared/useInvalidatingMutation.ts';

export type { CalendarDay, CalendarYearView };
export type CalendarDayUpdate = z.input<typeof ZCalendarDayUpdate>;

const CAL_KEY = ['workorders-calendar'] as const;

export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: [...CAL_KEY, year],
    // the calendar is the company's: no project header
    queryFn: () => api.get<CalendarYearView>('/api/work-orders/calendar', { query: { year }, noProject: true }),
  });
}

export function useSetCalendarDay() {
  return useInvalidatingMutation(CAL_KEY, ({ day, body }: { day: string; body: CalendarDayUpdate }) =>
    api.put<CalendarDay>(`/api/work-orders/calendar/days/${day}`, body, { noProject: true }));
}

export function useClearCalendarDay() {
  return useInvalidatingMutation(CAL_KEY, (day: string) => api.delete(`/api/work-orders/calendar/days/${day}`, { noProject: true }));
}
