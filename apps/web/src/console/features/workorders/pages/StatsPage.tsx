import { Alert, Card, DatePicker, Radio, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RefreshButton } from '../../../../shared/ListControls.tsx';
import { errorText } from '../../../../shared/errors.ts';
import { PageHead } from '../../../../shared/PageHead.tsx';
import { useProjectId } from '../../../../shared/project.ts';
import { dayjs } from '../../../../shared/time.ts';
import { useWoStats } from '../api.ts';
import { KpiCards, hours } from '../stats/KpiCards.tsx';
import { StatsChart } from '../stats/StatsChart.tsx';
import type { WoStatsQuery, WoStatsRow } from '../types.ts';
import { useWoLive } from '../useWoLive.ts';
import '../workorders.css';

const GROUPS = ['month', 'day', 'project', 'category', 'assignee'] as const;
type Group = (typeof GROUPS)[number];

/** 工单统计: count, completion, response / handling time, overdue, satisfaction, by period / project / category / person. */
export default function StatsPage() {
  const { t } = useTranslation();
  useWoLive();
  const projectId = useProjectId();
  const [groupBy, setGroupBy] = useState<Group>('month');
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const query: WoStatsQuery = { groupBy, projectId: projectId || undefined, ...range };
  const stats = useWoStats(query);
  const data = stats.data;
  const h = (m: number | null) => (m === null ? '—' : `${hours(m)} h`);

  return (
    <>
      <PageHead title={t('woConsole.statsTitle')}>
        <DatePicker.RangePicker
          value={range.from && range.to ? [dayjs(range.from), dayjs(range.to)] : null}
          onChange={(r) => setRange({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
          data-testid="wo-stats-range"
        />
        <RefreshButton query={stats} />
      </PageHead>
      {stats.isError && <Alert type="error" showIcon title={errorText(t, stats.error)} style={{ marginBottom: 16 }} data-testid="wo-stats-error" />}
      {data && (
        <Typography.Paragraph type="secondary" data-testid="wo-stats-period">
          {t('woConsole.stats.period', { from: data.from.slice(0, 10), to: data.to.slice(0, 10) })}
        </Typography.Paragraph>
      )}
      {data && <KpiCards total={data.total} />}
      <Card
        size="small"
        title={
          <Radio.Group value={groupBy} onChange={(e) => setGroupBy(e.target.value as Group)} optionType="button" size="small"
            options={GROUPS.map((g) => ({ value: g, label: t(`woConsole.stats.by.${g}`) }))} data-testid="wo-stats-group" />
        }
        style={{ marginBottom: 16 }}
      >
        {data && data.rows.length > 0 ? <StatsChart rows={data.rows} trend={groupBy === 'month' || groupBy === 'day'} /> : <Space style={{ height: 80 }} />}
      </Card>
      <Table<WoStatsRow>
        rowKey={(r) => r.key ?? '—'}
        size="small"
        loading={stats.isPending || stats.isPlaceholderData}
        dataSource={data?.rows ?? []}
        pagination={false}
        scroll={{ x: 1000 }}
        data-testid="wo-stats-table"
        summary={() => data ? (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}><Typography.Text strong>{t('woConsole.stats.total')}</Typography.Text></Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right"><span data-testid="wo-stats-total-count">{data.total.count}</span></Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">{data.total.completionRate}%</Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">{h(data.total.avgResponseMinutes)}</Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right">{h(data.total.avgHandlingMinutes)}</Table.Summary.Cell>
            <Table.Summary.Cell index={5} align="right">{data.total.overdueRate}%</Table.Summary.Cell>
            <Table.Summary.Cell index={6} align="right">{data.total.rated ? `${data.total.satisfactionRate}%` : '—'}</Table.Summary.Cell>
            <Table.Summary.Cell index={7} align="right">{data.total.avgRating ?? '—'}</Table.Summary.Cell>
            <Table.Summary.Cell index={8} align="right">{data.total.revisited}</Table.Summary.Cell>
          </Table.Summary.Row>
        ) : null}
        columns={[
          { title: t(`woConsole.stats.by.${groupBy}`), dataIndex: 'label' },
          { title: t('woConsole.stats.count'), dataIndex: 'count', align: 'right' },
          { title: t('woConsole.stats.completionRate'), dataIndex: 'completionRate', align: 'right', render: (v: string) => `${v}%` },
          { title: t('woConsole.stats.avgResponse'), dataIndex: 'avgResponseMinutes', align: 'right', render: h },
          { title: t('woConsole.stats.avgHandling'), dataIndex: 'avgHandlingMinutes', align: 'right', render: h },
          { title: t('woConsole.stats.overdueRate'), dataIndex: 'overdueRate', align: 'right', render: (v: string) => `${v}%` },
          { title: t('woConsole.stats.satisfaction'), dataIndex: 'satisfactionRate', align: 'right', render: (v: string, r) => (r.rated ? `${v}%` : '—') },
          { title: t('woConsole.stats.avgRating'), dataIndex: 'avgRating', align: 'right', render: (v: string | null) => v ?? '—' },
          { title: t('woConsole.stats.revisited'), dataIndex: 'revisited', align: 'right' },
        ]}
      />
    </>
  );
}
