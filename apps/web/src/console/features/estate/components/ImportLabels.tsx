import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { SUMMARY_KEYS, type ImportStatus } from '../api-excel.ts';

const statusColour: Record<ImportStatus, string> = { queued: 'default', validating: 'processing', importing: 'processing', done: 'green', failed: 'red' };

export function ImportStatusTag({ status }: { status: ImportStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColour[status]} data-testid="import-status-tag" data-status={status}>
      {t(`excel.status.${status}`)}
    </Tag>
  );
}

/** What an import wrote (rooms, new buildings, new persons …), the non-zero counts only. */
export function ImportSummary({ summary }: { summary: Record<string, number> | null }) {
  const { t } = useTranslation();
  const shown = SUMMARY_KEYS.filter((k) => (summary?.[k] ?? 0) > 0);
  if (!shown.length) return <>—</>;
  return (
    <Space wrap size={[12, 4]} data-testid="import-summary">
      {shown.map((k) => (
        <span key={k} data-testid={`import-summary-${k}`}>
          {t(`excel.summaryKeys.${k}`)} <b>{summary![k]}</b>
        </span>
      ))}
    </Space>
  );
}
