import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, DatePicker, Row, Select, Space, Statistic, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../../../../shared/auth.ts';
import { yuan } from '../../../../shared/money.ts';
import { useProjectId } from '../../../../shared/project.ts';
import { useDownload } from '../../../../shared/useDownload.ts';
import { useDailyReport, type DailyQuery, type DailyReport } from './api.ts';

/** the project filter when the header shows every project (a chosen header project is sent anyway) */
export function FinanceProjectFilter({ value, onChange, allowClear = true }: { value?: string; onChange: (v?: string) => void; allowClear?: boolean }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  if (useProjectId()) return null;
  return (
    <Select allowClear={allowClear} placeholder={t('payFinance.reports.allProjects')} style={{ width: 160 }} value={value} onChange={onChange} data-testid="finance-project"
      options={me.projects.map((p) => ({ value: p.id, label: p.name }))} />
  );
}

/** 收费日报: a day's collected, voided, refunded and net, by channel, fee item and cashier; Excel / PDF. */
export function DailyTab() {
  const { t } = useTranslation();
  const r = (k: string, o: Record<string, string | number> = {}) => t(`payFinance.reports.${k}`, o);
  const me = useSignedInMe();
  const [q, setQ] = useState<DailyQuery>({ date: dayjs().format('YYYY-MM-DD') });
  const report = useDailyReport(q);
  const d = report.data;
  const { download, busy } = useDownload();
  const go = (format: 'xlsx' | 'pdf') => download(format, '/api/payments/reports/daily/export', `${r('tab.daily')}-${q.date}.${format}`, { query: { ...q, format } });

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <FinanceProjectFilter value={q.projectId} onChange={(projectId) => setQ({ ...q, projectId })} />
        <DatePicker allowClear={false} value={dayjs(q.date)} onChange={(v) => v && setQ({ ...q, date: v.format('YYYY-MM-DD') })} data-testid="daily-date"
          disabledDate={(x) => x.isAfter(dayjs(), 'day')} />
        <Checkbox checked={!!q.cashierId} onChange={(e) => setQ({ ...q, cashierId: e.target.checked ? me.user.id : undefined })} data-testid="daily-mine">{r('onlyMine')}</Checkbox>
        <Space.Compact>
          <Button icon={<FileExcelOutlined />} loading={busy === 'xlsx'} onClick={() => go('xlsx')} data-testid="daily-export-xlsx">{r('exportXlsx')}</Button>
          <Button icon={<FilePdfOutlined />} loading={busy === 'pdf'} onClick={() => go('pdf')} data-testid="daily-export-pdf">{r('exportPdf')}</Button>
        </Space.Compact>
      </Space>
      <Row gutter={16} style={{ marginBottom: 16 }} data-testid="daily-summary">
        {([['collected', d?.collected], ['voids', d?.voids], ['refunds', d?.refunds]] as const).map(([k, v]) => (
          <Col span={6} key={k}><Card size="small"><Statistic title={r(k)} value={yuan(v?.amountFen ?? 0)} suffix={<small>{r('count', { n: v?.count ?? 0 })}</small>} /></Card></Col>
        ))}
        <Col span={6}><Card size="small"><Statistic title={r('net')} value={yuan(d?.netFen ?? 0)} valueStyle={{ fontWeight: 600 }} data-testid="daily-net" /></Card></Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={r('byChannel')} size="small" style={{ marginBottom: 16 }}>
            <Table<DailyReport['byChannel'][number]> rowKey="channel" size="small" pagination={false} dataSource={d?.byChannel ?? []} loading={report.isPending}
              columns={[
                { title: r('channel'), dataIndex: 'channel', render: (c: string) => t(`payments.channel.${c}`) as string },
                { title: r('countCol'), dataIndex: 'count', align: 'right' },
                { title: r('amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => yuan(v) },
                { title: r('refundsCol'), dataIndex: 'refundsFen', align: 'right', render: (v: number) => yuan(v) },
              ]} />
          </Card>
          <Card title={r('byCashier')} size="small">
            <Table<DailyReport['byCashier'][number]> rowKey={(x) => x.cashierId ?? 'online'} size="small" pagination={false} dataSource={d?.byCashier ?? []}
              columns={[
                { title: r('cashier'), dataIndex: 'cashierName' },
                { title: r('countCol'), dataIndex: 'count', align: 'right' },
                { title: r('amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => yuan(v) },
              ]} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={r('byFeeItem')} size="small">
            <Table<DailyReport['byFeeItem'][number]> rowKey={(x) => `${x.kind}-${x.feeItemId}`} size="small" pagination={false} dataSource={d?.byFeeItem ?? []} data-testid="daily-fee-items"
              columns={[
                { title: r('feeItem'), dataIndex: 'feeItemName', render: (v: string, x) => (x.kind === 'prepaid' ? <Space>{v}<Tag>{r('prepaid')}</Tag></Space> : v) },
                { title: r('principal'), dataIndex: 'principalFen', align: 'right', render: (v: number) => yuan(v) },
                { title: r('lateFee'), dataIndex: 'lateFeeFen', align: 'right', render: (v: number) => yuan(v) },
                { title: r('total'), dataIndex: 'amountFen', align: 'right', render: (v: number) => yuan(v) },
              ]} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
