import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Invoice } from './api.ts';

export const INVOICE_STATUSES = ['requested', 'issuing', 'issued', 'failed', 'reversed'] as const;
export const INVOICE_KINDS = ['blue', 'red'] as const;

const COLORS: Record<Invoice['status'], string> = { requested: 'default', issuing: 'processing', issued: 'success', failed: 'error', reversed: 'warning' };

export function InvoiceStatusTag({ inv }: { inv: Pick<Invoice, 'status' | 'failReason'> }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[inv.status]} title={inv.failReason ?? undefined} data-testid="invoice-status">{t(`payAfter.invoices.status.${inv.status}`)}</Tag>;
}

export function InvoiceKindTag({ kind }: { kind: Invoice['kind'] }) {
  const { t } = useTranslation();
  return <Tag color={kind === 'red' ? 'red' : 'blue'}>{t(`payAfter.invoices.kind.${kind}`)}</Tag>;
}
