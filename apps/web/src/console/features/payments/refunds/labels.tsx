import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { yuan } from '../../../../shared/money.ts';
import type { Refund, RefundStatus } from './api.ts';

const COLORS: Record<RefundStatus, string> = { requested: 'gold', approved: 'blue', processing: 'processing', succeeded: 'success', rejected: 'default', failed: 'error' };

export function RefundStatusTag({ r }: { r: Pick<Refund, 'status' | 'failReason' | 'decisionNote'> }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[r.status]} title={r.failReason ?? r.decisionNote ?? ''} data-testid="refund-status">{t(`payAfter.refunds.status.${r.status}`)}</Tag>;
}

/** what a refund takes back, one line each: 预存 20.00 / 物业费 2026-05 本金 10.00 */
export function RefundLines({ r }: { r: Refund }) {
  const { t } = useTranslation();
  return (
    <>
      {r.lines.map((l, i) => (
        <div key={i}>
          {l.kind === 'allocation'
            ? `${l.feeItemName ?? ''} ${l.periodFrom ?? ''}～${l.periodTo ?? ''} ${l.component ? t(`payAfter.refunds.line.${l.component}`) : ''}`
            : `${t(`payAfter.refunds.line.${l.kind}`)}${r.feeItemName ? ` · ${r.feeItemName}` : ''}`} {yuan(l.amountFen)}
        </div>
      ))}
    </>
  );
}
