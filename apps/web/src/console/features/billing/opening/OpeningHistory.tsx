import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { RefreshButton } from '../../../../shared/ListControls.tsx';
import { formatDateTime } from '../../../../shared/time.ts';
import { usePagedQuery } from '../../../../shared/usePagedQuery.ts';
import type { AnyImport } from '../../estate/api-excel.ts';
import { ImportStatusTag } from '../../estate/components/ImportLabels.tsx';
import { ReportButton } from '../../estate/components/ImportResult.tsx';
import { useOpeningImports, type OpeningHistoryQuery } from '../api-opening.ts';
import { OpeningSummary } from './OpeningSummary.tsx';

/** 导入记录: every opening import of the header's project, with what it wrote and its error report. */
export function OpeningHistory() {
  const { t } = useTranslation();
  const { query, pagination } = usePagedQuery<OpeningHistoryQuery>();
  const list = useOpeningImports(query);
  return (
    <Table<AnyImport>
      rowKey="id"
      size="small"
      loading={list.isFetching}
      dataSource={list.data?.items}
      pagination={pagination(list.data?.total)}
      title={() => <RefreshButton query={list} testId="opening-history-refresh" />}
      data-testid="opening-history"
      columns={[
        { title: t('billingOpening.time'), dataIndex: 'createdAt', width: 160, render: (v: string) => formatDateTime(v) },
        { title: t('billingOpening.file'), dataIndex: 'fileName', ellipsis: true },
        { title: t('common.status'), dataIndex: 'status', width: 90, render: (_: unknown, r) => <ImportStatusTag status={r.status} /> },
        { title: t('billingOpening.rows'), key: 'rows', width: 110, render: (_: unknown, r) => `${r.importedRows} / ${r.errorRows}` },
        { title: t('excel.summary'), key: 'summary', render: (_: unknown, r) => <OpeningSummary imp={r} /> },
        { title: t('billingOpening.report'), key: 'report', width: 140, render: (_: unknown, r) => <ReportButton imp={r} link /> },
      ]}
    />
  );
}
