import { Card } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CalendarDay } from './api.ts';

/** Why a cell looks as it does: HQ's override first, then the library's holiday / make-up day, then the weekend. */
export function dayClass(day: string, special: CalendarDay | undefined): string {
  if (special?.source === 'override') return `wo-cal-day wo-cal-override wo-cal-${special.kind}`;
  if (special) return `wo-cal-day wo-cal-${special.kind === 'holiday' ? 'holiday' : 'makeup'}`;
  return [0, 6].includes(dayjs(day).day()) ? 'wo-cal-day wo-cal-weekend' : 'wo-cal-day';
}

/** One month, Monday first, each day a button (clickable only for those who may edit). */
export function MonthGrid({ year, month, days, onPick }: {
  year: number; month: number; days: Map<string, CalendarDay>; onPick?: (day: string) => void;
}) {
  const { t } = useTranslation();
  const first = dayjs(`${year}-${String(month).padStart(2, '0')}-01`);
  const lead = (first.day() + 6) % 7;
  const cells: (string | null)[] = [...Array(lead).fill(null), ...Array.from({ length: first.daysInMonth() }, (_, i) => first.add(i, 'day').format('YYYY-MM-DD'))];
  const weekdays = t('woCalendar.weekdays').split(',');
  return (
    <Card size="small" title={t(`woCalendar.months.${month}`)} data-testid={`wo-cal-month-${month}`}>
      <div className="wo-cal-grid">
        {weekdays.map((w) => <div key={w} className="wo-cal-weekday">{w}</div>)}
        {cells.map((day, i) => {
          if (!day) return <div key={`pad-${i}`} />;
          const special = days.get(day);
          const title = special ? [special.name, special.note, t(`woCalendar.kind.${special.kind}`)].filter(Boolean).join(' · ') : undefined;
          return (
            <button
              key={day} type="button" className={dayClass(day, special)} title={title} disabled={!onPick}
              onClick={() => onPick?.(day)} data-testid={`wo-cal-day-${day}`} data-kind={special?.kind ?? ''} data-source={special?.source ?? ''}
            >
              {Number(day.slice(8))}
            </button>
          );
        })}
      </div>
    </Card>
  );
}
