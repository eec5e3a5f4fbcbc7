import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Descriptions, Spin, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../../shared/errors.ts';
import { yuan } from '../shared/format.ts';
import { periodShort } from './CounterBills.tsx';
import type { PaymentPreview } from '../shared/api.ts';

type Allocation = PaymentPreview['allocations'][number];

/** what 收款 will do, as the server computes it (nothing written): the bills it pays, prepaid, change */
export function PreviewCard({ preview, stale }: { preview: UseQueryResult<PaymentPreview>; stale: boolean }) {
  const { t } = useTranslation();
  if (preview.isError) return <Alert type="error" showIcon title={errorText(t, preview.error)} data-testid="counter-preview-error" />;
  const p = preview.data;
  if (!p) return preview.isFetching ? <Spin /> : null;
  return (
    <div data-testid="counter-preview" style={{ opacity: stale || preview.isPlaceholderData ? 0.5 : 1 }}>
      <Table<Allocation> size="small" pagination={false} rowKey="billId" dataSource={p.allocations}
        columns={[
          { title: t('payments.bill.feeItem'), dataIndex: 'feeItemName' },
          { title: t('payments.bill.period'), key: 'p', render: (_: unknown, a: Allocation) => periodShort(a.periodFrom, a.periodTo) },
          { title: t('payments.bill.principal'), dataIndex: 'principalFen', align: 'right', render: (v: number) => yuan(v) },
          { title: t('payments.bill.lateFee'), dataIndex: 'lateFeeFen', align: 'right', render: (v: number) => (v ? yuan(v) : '–') },
        ]} />
      <Descriptions size="small" column={1} style={{ marginTop: 8 }} items={[
        { key: 'bills', label: t('payments.counter.toBills'), children: <span data-testid="counter-preview-bills">¥{yuan(p.billsFen)}</span> },
        ...(p.prepaidFen > 0 ? [{ key: 'prepaid', label: t('payments.counter.toPrepaid'), children: <span data-testid="counter-preview-prepaid">¥{yuan(p.prepaidFen)}</span> }] : []),
        ...(p.changeFen !== null ? [{ key: 'change', label: t('payments.counter.change'), children: <b data-testid="counter-preview-change">¥{yuan(p.changeFen)}</b> }] : []),
      ]} />
    </div>
  );
}
