import { lazy, Suspense, useMemo } from 'react';
import { Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WoStatsRow } from '../types.ts';
import { hours } from './KpiCards.tsx';

// echarts only loads with the chart, after the figures are on screen
const ReportChart = lazy(() => import('../../billing/reports/ReportChart.tsx').then((m) => ({ default: m.ReportChart })));

/** Per group: average handling and response time (h) and satisfaction (%); over months or days as lines, to show the trend. */
export function StatsChart({ rows, trend }: { rows: WoStatsRow[]; trend: boolean }) {
  const { t } = useTranslation();
  const type = trend ? ('line' as const) : ('bar' as const);
  const categories = useMemo(() => rows.map((r) => r.label), [rows]);
  const series = useMemo(() => [
    { name: t('woConsole.stats.avgHandling'), type, data: rows.map((r) => hours(r.avgHandlingMinutes)) },
    { name: t('woConsole.stats.avgResponse'), type, data: rows.map((r) => hours(r.avgResponseMinutes)) },
    { name: t('woConsole.stats.satisfaction'), type: 'line' as const, right: true, data: rows.map((r) => (r.rated ? Number(r.satisfactionRate) : null)) },
  ], [rows, t, type]);
  return (
    <Suspense fallback={<Skeleton active />}>
      <ReportChart categories={categories} series={series} leftUnit="h" rightUnit="%" testId="wo-stats-chart" />
    </Suspense>
  );
}
