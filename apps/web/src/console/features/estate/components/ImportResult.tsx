import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Progress, Result, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../../shared/errors.ts';
import { useDownload } from '../../../../shared/useDownload.ts';
import { ESTATE_IMPORTS_BASE, isFinished, REPORT_QUERY, reportPath, useImportProgress, type AnyImport, type ImportSource } from '../api-excel.ts';
import { ImportStatusTag, ImportSummary } from './ImportLabels.tsx';

/** 下载错误报告: the uploaded sheet again with a 错误说明 column and the bad rows shaded. */
export function ReportButton({ imp, link }: { imp: AnyImport; link?: boolean }) {
  const { t } = useTranslation();
  const { download, busy } = useDownload();
  if (!imp.reportFileId) return null;
  const fileId = imp.reportFileId;
  return (
    <Button
      type={link ? 'link' : 'default'}
      size={link ? 'small' : 'middle'}
      icon={<DownloadOutlined />}
      loading={busy === fileId}
      onClick={() => void download(fileId, reportPath(fileId), `错误报告-${imp.fileName}`, { query: REPORT_QUERY })}
      data-testid="import-report"
    >
      {t('excel.downloadReport')}
    </Button>
  );
}

interface ResultProps {
  id: string;
  extra: ReactNode;
  /** another module's import routes (the estate ones by default) */
  source?: Pick<ImportSource, 'base' | 'invalidate'>;
  /** what the import wrote, in that module's words (the estate counts by default) */
  summary?: (imp: AnyImport) => ReactNode;
}

/** An import while it runs (a progress bar fed by polling) and, once finished, its result. */
export function ImportResult({ id, extra, source, summary }: ResultProps) {
  const { t } = useTranslation();
  const progress = useImportProgress(id, source?.base ?? ESTATE_IMPORTS_BASE, source?.invalidate);
  const imp = progress.data;
  if (!imp) return progress.isError ? <Alert type="error" showIcon title={errorText(t, progress.error)} /> : <Spin />;

  if (!isFinished(imp.status)) {
    const percent = imp.totalRows ? Math.floor((imp.processedRows / imp.totalRows) * 100) : 0;
    return (
      <div data-testid="import-progress">
        <Typography.Paragraph>
          {imp.fileName} <ImportStatusTag status={imp.status} />
        </Typography.Paragraph>
        <Progress percent={percent} status="active" />
        <Typography.Text type="secondary">
          {t('excel.progress', { status: t(`excel.status.${imp.status}`), processed: imp.processedRows, total: imp.totalRows })}
        </Typography.Text>
      </div>
    );
  }

  const done = imp.status === 'done';
  return (
    <Result
      status={done ? (imp.errorRows ? 'warning' : 'success') : 'error'}
      title={<span data-testid="import-result-title">{done ? t('excel.resultDone') : t('excel.resultFailed')}</span>}
      subTitle={<span data-testid="import-message">{imp.message ?? (imp.errorRows ? t('excel.skipped', { count: imp.errorRows }) : '')}</span>}
      extra={[<ReportButton key="report" imp={imp} />, extra]}
      data-testid="import-result"
      data-status={imp.status}
    >
      <Descriptions
        size="small"
        column={1}
        bordered
        styles={{ label: { whiteSpace: 'nowrap' } }}
        items={[
          { key: 'file', label: t('excel.file'), children: imp.fileName },
          { key: 'status', label: t('common.status'), children: <ImportStatusTag status={imp.status} /> },
          { key: 'total', label: t('excel.totalRows'), children: imp.totalRows },
          { key: 'ok', label: t('excel.importedRows'), children: <span data-testid="import-imported-rows">{imp.importedRows}</span> },
          { key: 'err', label: t('excel.errorRows'), children: <span data-testid="import-error-rows">{imp.errorRows}</span> },
          { key: 'summary', label: t('excel.summary'), children: summary ? summary(imp) : <ImportSummary summary={imp.summary} /> },
        ]}
      />
    </Result>
  );
}
