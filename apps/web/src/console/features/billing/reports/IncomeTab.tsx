import { Alert, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { yuan } from '../../../../shared/money.ts';
import { useIncomeReport, type IncomeQuery, type IncomeReport } from '../api-reports.ts';
import { chartYuan, ReportChart, type ChartSeries } from './ReportChart.tsx';
import { ExportButtons, MonthRange, ProjectFilter } from './ReportFilters.tsx';

type Row = IncomeReport['rows'][number];

/** 收入: billed and collected per fee item and month; 公共收益 tagged and subtotalled apart. */
export function IncomeTab() {
  const { t } = useTranslation();
  const [q, setQ] = useState<IncomeQuery>({});
  const report = useIncomeReport(q);
  const r = report.data;
  const i = (k: string, o: Record<string, string> = {}) => t(`billingReports.income.${k}`, o);

  const { categories, series } = useMemo(() => {
    const months = [...new Set((r?.rows ?? []).map((x) => x.month))].sort();
    const sum = (m: string, pick: (x: Row) => number) => (r?.rows ?? []).filter((x) => x.month === m).reduce((s, x) => s + pick(x), 0);
    const s: ChartSeries[] = [
      { name: i('billed'), type: 'bar', data: months.map((m) => chartYuan(sum(m, (x) => x.billedFen))) },
      { name: i('collected'), type: 'bar', data: months.map((m) => chartYuan(sum(m, (x) => x.collectedFen))) },
      { name: i('commonIncome'), type: 'line', data: months.map((m) => chartYuan(sum(m, (x) => (x.commonIncome ? x.collectedFen : 0)))) },
    ];
    return { categories: months, series: s };
  }, [r, t]);

  const sub = (name: string, v: { billedFen: number; collectedFen: number }, index: number) => (
    <Table.Summary.Row key={index} style={{ fontWeight: 600 }}>
      <Table.Summary.Cell index={0} colSpan={3}>{name}</Table.Summary.Cell>
      <Table.Summary.Cell index={3} align="right">{yuan(v.billedFen)}</Table.Summary.Cell>
      <Table.Summary.Cell index={4} align="right">{yuan(v.collectedFen)}</Table.Summary.Cell>
    </Table.Summary.Row>
  );

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <ProjectFilter value={q.projectId} onChange={(projectId) => setQ({ ...q, projectId })} />
        <MonthRange from={q.from} to={q.to} onChange={(from, to) => setQ({ ...q, from, to })} />
        <ExportButtons report="income" query={{ ...q }} name={t('billingReports.tab.income')} />
      </Space>
      <Alert type="info" showIcon message={i('hint')} style={{ marginBottom: 12 }} />
      <ReportChart categories={categories} series={series} leftUnit={t('billingReports.unitYuan')} testId="income-chart" />
      <Table<Row>
        rowKey={(x) => `${x.feeItemId}-${x.month}`} size="small" loading={report.isPending} dataSource={r?.rows ?? []} pagination={false} data-testid="income-table"
        columns={[
          {
            title: i('category'), key: 'cat', width: 110,
            render: (_: unknown, x: Row) => (x.commonIncome ? <Tag color="gold">{i('commonIncome')}</Tag> : <Tag>{i('operating')}</Tag>),
          },
          { title: i('feeItem'), dataIndex: 'feeItemName' },
          { title: i('month'), dataIndex: 'month', width: 100 },
          { title: i('billed'), key: 'b', align: 'right', render: (_: unknown, x: Row) => yuan(x.billedFen) },
          { title: i('collected'), key: 'c', align: 'right', render: (_: unknown, x: Row) => yuan(x.collectedFen) },
        ]}
        summary={() => r && (
          <>
            {sub(i('subtotal', { name: i('operating') }), r.operating, 1)}
            {sub(i('subtotal', { name: i('commonIncome') }), r.commonIncome, 2)}
            {sub(t('billingReports.total'), r.total, 3)}
          </>
        )}
      />
    </>
  );
}
