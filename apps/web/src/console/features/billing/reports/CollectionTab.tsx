import { Alert, Space, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { yuan } from '../../../../shared/money.ts';
import { COLLECTION_GROUPS, rateText, useCollectionReport, type CollectionQuery, type CollectionRow } from '../api-reports.ts';
import { chartPercent, chartYuan, ReportChart, type ChartSeries } from './ReportChart.tsx';
import { AsOfPicker, ExportButtons, GroupBySelect, MonthRange, ProjectFilter } from './ReportFilters.tsx';

const money = (v: number) => yuan(v);

/** 收缴率: both variants side by side per group, amounts as bars and rates as lines. */
export function CollectionTab() {
  const { t } = useTranslation();
  const [q, setQ] = useState<CollectionQuery>({ groupBy: 'month' });
  const report = useCollectionReport(q);
  const r = report.data;
  const c = (k: string) => t(`billingReports.collection.${k}`);

  const series = useMemo<ChartSeries[]>(() => !r ? [] : [
    { name: `${c('current')}${c('billed')}`, type: 'bar', data: r.rows.map((x) => chartYuan(x.current.denominatorFen)) },
    { name: `${c('current')}${c('collected')}`, type: 'bar', data: r.rows.map((x) => chartYuan(x.current.numeratorFen)) },
    { name: c('currentRate'), type: 'line', right: true, data: r.rows.map((x) => chartPercent(x.current.rateBp)) },
    { name: c('arrearsRate'), type: 'line', right: true, data: r.rows.map((x) => chartPercent(x.withArrears.rateBp)) },
  ], [r, t]);
  const categories = useMemo(() => r?.rows.map((x) => x.label) ?? [], [r]);

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <ProjectFilter value={q.projectId} onChange={(projectId) => setQ({ ...q, projectId })} />
        <MonthRange from={q.from} to={q.to} onChange={(from, to) => setQ({ ...q, from, to })} />
        <AsOfPicker value={q.asOf} onChange={(asOf) => setQ({ ...q, asOf })} />
        <GroupBySelect values={COLLECTION_GROUPS} value={q.groupBy} onChange={(groupBy) => setQ({ ...q, groupBy })} />
        <ExportButtons report="collection" query={{ ...q }} name={t('billingReports.tab.collection')} />
      </Space>
      <Alert type="info" showIcon message={c('hint')} style={{ marginBottom: 12 }} />
      <ReportChart categories={categories} series={series} leftUnit={t('billingReports.unitYuan')} rightUnit={t('billingReports.unitPercent')} testId="collection-chart" />
      <Table<CollectionRow>
        rowKey={(x) => x.key ?? 'none'} size="small" loading={report.isPending} dataSource={r?.rows ?? []} pagination={false} scroll={{ x: 1100 }}
        data-testid="collection-table"
        columns={[
          { title: t(`billingReports.groupColumn.${r?.groupBy ?? q.groupBy}`), dataIndex: 'label', fixed: 'left', width: 140 },
          {
            title: c('current'), children: [
              { title: c('billed'), key: 'cb', align: 'right', render: (_: unknown, x: CollectionRow) => money(x.current.billedFen) },
              { title: c('waived'), key: 'cw', align: 'right', render: (_: unknown, x: CollectionRow) => money(x.current.waivedFen) },
              { title: c('collected'), key: 'cc', align: 'right', render: (_: unknown, x: CollectionRow) => money(x.current.numeratorFen) },
              { title: c('rate'), key: 'cr', align: 'right', render: (_: unknown, x: CollectionRow) => <b>{rateText(x.current.rateBp)}</b> },
            ],
          },
          {
            title: c('withArrears'), children: [
              { title: c('opening'), key: 'ao', align: 'right', render: (_: unknown, x: CollectionRow) => money(x.withArrears.openingFen) },
              { title: c('newBilled'), key: 'ab', align: 'right', render: (_: unknown, x: CollectionRow) => money(x.withArrears.billedFen) },
              { title: c('waived'), key: 'aw', align: 'right', render: (_: unknown, x: CollectionRow) => money(x.withArrears.waivedFen) },
              { title: c('collected'), key: 'ac', align: 'right', render: (_: unknown, x: CollectionRow) => money(x.withArrears.numeratorFen) },
              { title: c('rate'), key: 'ar', align: 'right', render: (_: unknown, x: CollectionRow) => <b>{rateText(x.withArrears.rateBp)}</b> },
            ],
          },
        ]}
        summary={() => r && (
          <Table.Summary.Row style={{ fontWeight: 600 }}>
            <Table.Summary.Cell index={0}>{t('billingReports.total')}</Table.Summary.Cell>
            {[r.total.current.billedFen, r.total.current.waivedFen, r.total.current.numeratorFen].map((v, i) => <Table.Summary.Cell key={i} index={i + 1} align="right">{money(v)}</Table.Summary.Cell>)}
            <Table.Summary.Cell index={4} align="right">{rateText(r.total.current.rateBp)}</Table.Summary.Cell>
            {[r.total.withArrears.openingFen, r.total.withArrears.billedFen, r.total.withArrears.waivedFen, r.total.withArrears.numeratorFen].map((v, i) => <Table.Summary.Cell key={i} index={i + 5} align="right">{money(v)}</Table.Summary.Cell>)}
            <Table.Summary.Cell index={9} align="right">{rateText(r.total.withArrears.rateBp)}</Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </>
  );
}
