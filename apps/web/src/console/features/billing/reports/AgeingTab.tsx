import { Alert, Button, Drawer, Space, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { yuan } from '../../../../shared/money.ts';
import { AGEING_BUCKETS, AGEING_GROUPS, useAgeingReport, useAgeingRooms, type AgeingQuery, type AgeingRoom, type AgeingRoomsQuery, type AgeingRow } from '../api-reports.ts';
import { chartYuan, ReportChart, type ChartSeries } from './ReportChart.tsx';
import { AsOfPicker, ExportButtons, GroupBySelect, ProjectFilter } from './ReportFilters.tsx';

/** 欠费账龄: stacked buckets per group; a group's 明细 lists its rooms, most owed first. */
export function AgeingTab() {
  const { t } = useTranslation();
  const [q, setQ] = useState<AgeingQuery>({ groupBy: 'project' });
  const report = useAgeingReport(q);
  const r = report.data;
  const [drill, setDrill] = useState<{ name: string; query: AgeingRoomsQuery } | null>(null);
  const rooms = useAgeingRooms(drill?.query ?? null);
  const b = (k: string) => t(`billingReports.ageing.bucket.${k}`);

  const series = useMemo<ChartSeries[]>(() => AGEING_BUCKETS.map((k) => ({
    name: t(`billingReports.ageing.bucket.${k}`), type: 'bar', stack: 'owed', data: (r?.rows ?? []).map((x) => chartYuan(x.buckets[k])),
  })), [r, t]);
  const categories = useMemo(() => r?.rows.map((x) => x.label) ?? [], [r]);

  const open = (row: AgeingRow) => {
    const base: AgeingRoomsQuery = { projectId: q.projectId, asOf: r?.asOf, page: 1, pageSize: 20 };
    if (q.groupBy === 'project') base.projectId = row.key ?? undefined;
    if (q.groupBy === 'building') base.buildingId = row.key ?? 'none';
    if (q.groupBy === 'feeItem') base.feeItemId = row.key ?? undefined;
    setDrill({ name: row.label, query: base });
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <ProjectFilter value={q.projectId} onChange={(projectId) => setQ({ ...q, projectId })} />
        <AsOfPicker value={q.asOf} onChange={(asOf) => setQ({ ...q, asOf })} />
        <GroupBySelect values={AGEING_GROUPS} value={q.groupBy} onChange={(groupBy) => setQ({ ...q, groupBy })} />
        <ExportButtons report="ageing" query={{ ...q }} name={t('billingReports.tab.ageing')} />
      </Space>
      <Alert type="info" showIcon message={t('billingReports.ageing.hint')} style={{ marginBottom: 12 }} />
      <ReportChart categories={categories} series={series} leftUnit={t('billingReports.unitYuan')} testId="ageing-chart" />
      <Table<AgeingRow>
        rowKey={(x) => x.key ?? 'none'} size="small" loading={report.isPending} dataSource={r?.rows ?? []} pagination={false} data-testid="ageing-table"
        columns={[
          { title: t(`billingReports.groupColumn.${r?.groupBy ?? q.groupBy}`), dataIndex: 'label', width: 160 },
          ...AGEING_BUCKETS.map((k) => ({ title: b(k), key: k, align: 'right' as const, render: (_: unknown, x: AgeingRow) => yuan(x.buckets[k]) })),
          { title: t('billingReports.ageing.totalOwed'), key: 'total', align: 'right', render: (_: unknown, x: AgeingRow) => <b>{yuan(x.totalFen)}</b> },
          { title: t('billingReports.ageing.bills'), dataIndex: 'bills', align: 'right', width: 80 },
          {
            title: '', key: 'drill', width: 80,
            render: (_: unknown, x: AgeingRow) => <Button type="link" size="small" onClick={() => open(x)} data-testid={`ageing-drill-${x.key ?? 'none'}`}>{t('billingReports.ageing.details')}</Button>,
          },
        ]}
        summary={() => r && (
          <Table.Summary.Row style={{ fontWeight: 600 }}>
            <Table.Summary.Cell index={0}>{t('billingReports.total')}</Table.Summary.Cell>
            {AGEING_BUCKETS.map((k, i) => <Table.Summary.Cell key={k} index={i + 1} align="right">{yuan(r.total.buckets[k])}</Table.Summary.Cell>)}
            <Table.Summary.Cell index={6} align="right">{yuan(r.total.totalFen)}</Table.Summary.Cell>
            <Table.Summary.Cell index={7} align="right">{r.total.bills}</Table.Summary.Cell>
            <Table.Summary.Cell index={8} />
          </Table.Summary.Row>
        )}
      />
      <Drawer open={!!drill} size={900} onClose={() => setDrill(null)} title={t('billingReports.ageing.roomsTitle', { name: drill?.name ?? '' })} destroyOnHidden>
        <Table<AgeingRoom>
          rowKey={(x) => x.roomId ?? x.parkingSpaceId ?? x.code} size="small" loading={rooms.isPending || rooms.isPlaceholderData} dataSource={rooms.data?.items ?? []}
          data-testid="ageing-rooms-table"
          pagination={{
            current: drill?.query.page, pageSize: drill?.query.pageSize, total: rooms.data?.total, showSizeChanger: true,
            onChange: (page, pageSize) => drill && setDrill({ ...drill, query: { ...drill.query, page, pageSize } }),
          }}
          columns={[
            { title: t('billingReports.ageing.code'), dataIndex: 'code', width: 120 },
            { title: t('billingReports.ageing.building'), dataIndex: 'buildingName', render: (v: string | null) => v ?? '–' },
            ...AGEING_BUCKETS.map((k) => ({ title: b(k), key: k, align: 'right' as const, render: (_: unknown, x: AgeingRoom) => yuan(x.buckets[k]) })),
            { title: t('billingReports.ageing.totalOwed'), key: 'total', align: 'right', render: (_: unknown, x: AgeingRoom) => <b>{yuan(x.totalFen)}</b> },
            { title: t('billingReports.ageing.oldestDue'), dataIndex: 'oldestDueDate', width: 110 },
          ]}
        />
      </Drawer>
    </>
  );
}
