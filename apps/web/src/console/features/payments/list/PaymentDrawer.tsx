import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePermissions } from '../../../../shared/auth.ts';
import { errorText } from '../../../../shared/errors.ts';
import { formatDateTime } from '../../../../shared/time.ts';
import { yuan } from '../shared/format.ts';
import { receiptUrl, usePayment, type PaymentDetail } from '../shared/api.ts';
import { ChannelTag, PaymentStatusTag } from '../shared/labels.tsx';
import { VoidModal } from './VoidModal.tsx';

type Allocation = PaymentDetail['allocations'][number];

/** one payment: what it paid (allocations), its receipt, 打印收据 (a reprint is a 副本) and 作废 */
export function PaymentDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { has } = usePermissions();
  const q = usePayment(id);
  const p = q.data;
  const [voiding, setVoiding] = useState<PaymentDetail | null>(null);
  return (
    <Drawer open={!!id} onClose={onClose} size="large" title={p ? `${t('payments.list.detail')} ${p.receipt?.number ?? ''}` : t('payments.list.detail')} data-testid="payment-drawer"
      extra={p && (
        <Space>
          {p.receipt && (
            <Button icon={<PrinterOutlined />} href={receiptUrl(p.id)} target="_blank" rel="noopener" onClick={() => setTimeout(() => void q.refetch(), 1500)} data-testid="payment-print">
              {p.receipt.printCount > 0 ? t('payments.list.reprint') : t('payments.counter.print')}
            </Button>
          )}
          {p.status === 'posted' && has('payment.void') && <Button danger onClick={() => setVoiding(p)} data-testid="payment-void">{t('payments.void.action')}</Button>}
        </Space>
      )}>
      {q.isError && <Alert type="error" showIcon title={errorText(t, q.error)} />}
      {q.isPending && id && <Skeleton active />}
      {p && (
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }} items={[
            { key: 'room', label: t('payments.list.room'), children: `${p.projectName} ${p.roomCode}` },
            { key: 'status', label: t('common.status'), children: <PaymentStatusTag status={p.status} /> },
            { key: 'channel', label: t('payments.list.channel'), children: <><ChannelTag channel={p.channel} />{p.provider && <Tag>{p.provider}</Tag>}</> },
            { key: 'amount', label: t('payments.list.amount'), children: <b data-testid="payment-amount">¥{yuan(p.amountFen)}</b> },
            { key: 'bills', label: t('payments.counter.toBills'), children: `¥${yuan(p.billsFen)}` },
            { key: 'prepaid', label: t('payments.counter.toPrepaid'), children: `¥${yuan(p.prepaidFen)}` },
            ...(p.tenderedFen !== null ? [{ key: 'tendered', label: t('payments.counter.tendered'), children: `¥${yuan(p.tenderedFen)}` }] : []),
            ...(p.changeFen !== null ? [{ key: 'change', label: t('payments.counter.change'), children: `¥${yuan(p.changeFen)}` }] : []),
            ...(p.refundedFen > 0 ? [{ key: 'refunded', label: t('payments.list.refunded'), children: `¥${yuan(p.refundedFen)}` }] : []),
            { key: 'ref', label: t('payments.list.reference'), children: p.providerTxnId ?? p.reference ?? '—' },
            { key: 'payer', label: t('payments.counter.payerName'), children: p.payerName ?? '—' },
            { key: 'cashier', label: t('payments.list.cashier'), children: p.cashierName ?? '—' },
            { key: 'date', label: t('payments.list.businessDate'), children: p.businessDate },
            { key: 'at', label: t('common.createdAt'), children: formatDateTime(p.createdAt) },
            ...(p.note ? [{ key: 'note', label: t('payments.counter.note'), children: p.note }] : []),
            ...(p.status === 'voided' ? [{ key: 'void', label: t('payments.void.reason'), children: <Typography.Text type="danger" data-testid="payment-void-reason-shown">{p.voidReason} · {formatDateTime(p.voidedAt)}</Typography.Text> }] : []),
          ]} />
          {p.receipt && (
            <Descriptions size="small" column={3} title={t('payments.list.receipt')} items={[
              { key: 'n', label: t('payments.counter.receiptNo'), children: <span data-testid="payment-receipt-number">{p.receipt.number}</span> },
              { key: 's', label: t('common.status'), children: <Tag color={p.receipt.status === 'issued' ? 'success' : 'default'}>{t(`payments.receipt.${p.receipt.status}`)}</Tag> },
              { key: 'c', label: t('payments.list.printCount'), children: p.receipt.printCount },
            ]} />
          )}
          <Table<Allocation> size="small" rowKey="id" pagination={false} dataSource={p.allocations} data-testid="payment-allocations" title={() => t('payments.list.allocations')}
            columns={[
              { title: t('payments.bill.feeItem'), dataIndex: 'feeItemName' },
              { title: t('payments.bill.period'), key: 'p', render: (_: unknown, a: Allocation) => `${a.periodFrom} – ${a.periodTo}` },
              { title: t('payments.list.component'), dataIndex: 'component', render: (c: Allocation['component']) => t(`payments.component.${c}`) },
              { title: t('payments.list.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => yuan(v) },
              { title: t('payments.list.refunded'), dataIndex: 'refundedFen', align: 'right', render: (v: number) => (v ? yuan(v) : '–') },
            ]} />
          <Space>
            <Link to="/payments/refunds">{t('payments.list.toRefunds')}</Link>
            <Link to="/payments/invoices">{t('payments.list.toInvoices')}</Link>
          </Space>
        </Space>
      )}
      <VoidModal payment={voiding} onClose={() => setVoiding(null)} />
    </Drawer>
  );
}
