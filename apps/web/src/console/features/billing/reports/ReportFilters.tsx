import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Button, DatePicker, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../../../../shared/auth.ts';
import { useProjectId } from '../../../../shared/project.ts';
import { useDownload } from '../../../../shared/useDownload.ts';
import { exportQuery, REPORTS_BASE } from '../api-reports.ts';

/** The project filter when the header shows every project (a chosen header project is sent anyway). */
export function ProjectFilter({ value, onChange }: { value?: string; onChange: (v?: string) => void }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const headerProject = useProjectId();
  if (headerProject) return null;
  return (
    <Select allowClear placeholder={t('billingReports.allProjects')} style={{ width: 160 }} value={value} data-testid="report-filter-project"
      options={me.projects.map((p) => ({ value: p.id, label: p.name }))} onChange={onChange} />
  );
}

export function MonthRange({ from, to, onChange }: { from?: string; to?: string; onChange: (from?: string, to?: string) => void }) {
  const { t } = useTranslation();
  const value: [Dayjs, Dayjs] | null = from && to ? [dayjs(`${from}-01`), dayjs(`${to}-01`)] : null;
  return (
    <DatePicker.RangePicker picker="month" format="YYYY-MM" value={value} allowClear data-testid="report-filter-period"
      placeholder={[t('billingReports.from'), t('billingReports.to')]}
      onChange={(v) => onChange(v?.[0]?.format('YYYY-MM'), v?.[1]?.format('YYYY-MM'))} />
  );
}

export function AsOfPicker({ value, onChange }: { value?: string; onChange: (v?: string) => void }) {
  const { t } = useTranslation();
  return (
    <DatePicker placeholder={t('billingReports.asOf')} value={value ? dayjs(value) : null} data-testid="report-filter-asof"
      onChange={(d) => onChange(d ? d.format('YYYY-MM-DD') : undefined)} />
  );
}

export function GroupBySelect<G extends string>({ values, value, onChange }: { values: readonly G[]; value: G; onChange: (v: G) => void }) {
  const { t } = useTranslation();
  return (
    <Select<G> style={{ width: 130 }} value={value} onChange={onChange} data-testid="report-filter-group"
      options={values.map((g) => ({ value: g, label: t(`billingReports.group.${g as string}` as 'billingReports.group.month') }))} />
  );
}

/** 导出 Excel / PDF of the report as filtered now (audited on the server). */
export function ExportButtons({ report, query, name }: { report: 'collection' | 'ageing' | 'income'; query: Record<string, string | undefined>; name: string }) {
  const { t } = useTranslation();
  const { download, busy } = useDownload();
  const go = (format: 'xlsx' | 'pdf') => download(format, `${REPORTS_BASE}/${report}/export`, `${name}.${format}`, { query: exportQuery(query, format) });
  return (
    <Space.Compact>
      <Button icon={<FileExcelOutlined />} loading={busy === 'xlsx'} onClick={() => go('xlsx')} data-testid={`report-export-${report}-xlsx`}>{t('billingReports.exportXlsx')}</Button>
      <Button icon={<FilePdfOutlined />} loading={busy === 'pdf'} onClick={() => go('pdf')} data-testid={`report-export-${report}-pdf`}>{t('billingReports.exportPdf')}</Button>
    </Space.Compact>
  );
}
