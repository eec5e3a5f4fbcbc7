import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BillRun } from '../api-accounts.ts';

const RUN_COLORS: Record<BillRun['status'], string> = { queued: 'default', running: 'processing', done: 'success', failed: 'error', cancelled: 'warning' };

export function RunStatusTag({ status }: { status: BillRun['status'] }) {
  const { t } = useTranslation();
  return <Tag color={RUN_COLORS[status]} data-testid={`run-status-${status}`}>{t(`billing.run.status.${status}`)}</Tag>;
}

/** 2026-03-01 – 2026-03-31 */
export const periodText = (from: string, to: string) => `${from} – ${to}`;
