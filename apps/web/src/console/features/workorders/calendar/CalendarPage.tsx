import { Alert, Button, Select, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../../shared/auth.ts';
import { PageHead } from '../../../../shared/PageHead.tsx';
import { useCalendarYear, type CalendarDay } from './api.ts';
import { DayModal } from './DayModal.tsx';
import { MonthGrid } from './MonthGrid.tsx';
import './calendar.css';

const FIRST_YEAR = 2004; // chinese-days starts here

function Legend() {
  const { t } = useTranslation();
  const items = [['wo-cal-holiday', 'holiday'], ['wo-cal-makeup', 'makeup'], ['wo-cal-override wo-cal-workday', 'override']] as const;
  return (
    <Space size="large" wrap data-testid="wo-cal-legend">
      {items.map(([cls, key]) => (
        <span key={key}><span className={`wo-cal-legend ${cls}`} />{t(`woCalendar.legend.${key}`)}</span>
      ))}
    </Space>
  );
}

/** 工作日历: statutory holidays and 调休 from the library, HQ's overrides; business-hour SLAs count on it. */
export default function CalendarPage() {
  const { t } = useTranslation();
  const { has } = usePermissions();
  const canEdit = has('workorder.config.manage');
  const thisYear = dayjs().year();
  const [year, setYear] = useState(thisYear);
  const [picked, setPicked] = useState<string | null>(null);
  const cal = useCalendarYear(year);
  const days = useMemo(() => new Map<string, CalendarDay>((cal.data?.days ?? []).map((d) => [d.day, d])), [cal.data]);
  const years = Array.from({ length: thisYear + 6 - FIRST_YEAR }, (_, i) => FIRST_YEAR + i);
  const counts = (cal.data?.days ?? []).reduce((c, d) => ({ ...c, [d.kind]: c[d.kind] + 1 }), { holiday: 0, workday: 0 });

  return (
    <>
      <PageHead title={t('woCalendar.title')}>
        <Button onClick={() => setYear(year - 1)} disabled={year <= FIRST_YEAR} data-testid="wo-cal-prev">{t('woCalendar.prev')}</Button>
        <Select value={year} onChange={setYear} style={{ width: 110 }} data-testid="wo-cal-year"
          options={years.map((y) => ({ value: y, label: t('woCalendar.yearLabel', { year: y }) }))} />
        <Button onClick={() => setYear(year + 1)} disabled={year >= years[years.length - 1]!} data-testid="wo-cal-next">{t('woCalendar.next')}</Button>
      </PageHead>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t(canEdit ? 'woCalendar.introEdit' : 'woCalendar.intro')}
        </Typography.Paragraph>
        {cal.data && !cal.data.libraryKnowsYear && (
          <Alert type="warning" showIcon data-testid="wo-cal-unknown-year"
            message={t('woCalendar.unknownYear.title', { year })} description={t(canEdit ? 'woCalendar.unknownYear.edit' : 'woCalendar.unknownYear.read')} />
        )}
        <Space wrap size="large">
          <Legend />
          {cal.data && <Typography.Text data-testid="wo-cal-counts">{t('woCalendar.counts', counts)}</Typography.Text>}
        </Space>
        {cal.isLoading ? <Spin /> : (
          <div className="wo-cal-months" data-testid="wo-cal-months">
            {Array.from({ length: 12 }, (_, i) => (
              <MonthGrid key={i} year={year} month={i + 1} days={days} onPick={canEdit ? setPicked : undefined} />
            ))}
          </div>
        )}
      </Space>
      {canEdit && <DayModal day={picked} special={picked ? days.get(picked) : undefined} onClose={() => setPicked(null)} />}
    </>
  );
}
