import { Drawer, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { RefreshButton, ValueFilter } from '../../../../shared/ListControls.tsx';
import { formatDateTime } from '../../../../shared/time.ts';
import { usePagedQuery } from '../../../../shared/usePagedQuery.ts';
import { useImportHistory, type EstateImport, type ImportHistoryQuery, type ImportKind } from '../api-excel.ts';
import { ImportStatusTag } from './ImportLabels.tsx';
import { ReportButton } from './ImportResult.tsx';

const KINDS: readonly ImportKind[] = ['rooms', 'residents', 'parking', 'vehicles'];

/** 导入记录: the project's past imports, newest first, each with its error report when rows failed. */
export function ImportHistoryDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { query, filter, pagination } = usePagedQuery<ImportHistoryQuery>();
  const list = useImportHistory(query, open);
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('excel.history')}
      size="large"
      extra={
        <>
          <ValueFilter
            values={KINDS}
            labelPrefix="excel.kind"
            placeholder={t('excel.kindCol')}
            value={query.kind}
            onChange={(kind) => filter({ kind })}
            width={120}
            testId="import-history-kind"
          />{' '}
          <RefreshButton query={list} />
        </>
      }
      data-testid="import-history"
    >
      <Table<EstateImport>
        rowKey="id"
        size="small"
        loading={list.isPending || list.isPlaceholderData}
        dataSource={list.data?.items ?? []}
        pagination={pagination(list.data?.total)}
        onRow={(r) => ({ 'data-testid': `import-row-${r.id}` }) as object}
        columns={[
          { title: t('excel.time'), dataIndex: 'createdAt', width: 160, render: (v: string) => formatDateTime(v) },
          { title: t('excel.kindCol'), dataIndex: 'kind', width: 70, render: (k: ImportKind) => t(`excel.kind.${k}`) },
          { title: t('excel.file'), dataIndex: 'fileName', ellipsis: true },
          { title: t('common.status'), dataIndex: 'status', width: 80, render: (_: unknown, r: EstateImport) => <ImportStatusTag status={r.status} /> },
          {
            title: t('excel.rows'),
            key: 'rows',
            width: 90,
            align: 'right',
            render: (_: unknown, r: EstateImport) => `${r.importedRows} / ${r.errorRows}`,
          },
          { title: t('excel.report'), key: 'report', width: 130, render: (_: unknown, r: EstateImport) => <ReportButton imp={r} link /> },
        ]}
      />
    </Drawer>
  );
}
