import { DatePicker, Input, Select, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSignedInMe } from '../../../../shared/auth.ts';
import { RefreshButton, ValueFilter } from '../../../../shared/ListControls.tsx';
import { PageHead } from '../../../../shared/PageHead.tsx';
import { useProjectId } from '../../../../shared/project.ts';
import { formatDateTime } from '../../../../shared/time.ts';
import { usePagedQuery } from '../../../../shared/usePagedQuery.ts';
import { PaymentDrawer } from '../list/PaymentDrawer.tsx';
import { yuan } from '../shared/format.ts';
import { usePayments, type Payment, type PaymentQuery } from '../shared/api.ts';
import { CHANNELS, ChannelTag, PAYMENT_STATUSES, PaymentStatusTag } from '../shared/labels.tsx';

/** 收款记录: the server's page of payments (project, business days, channel, status, receipt number / transaction id); a row opens it. */
export default function PaymentsPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const headerProject = useProjectId();
  const { query, filter, pagination } = usePagedQuery<PaymentQuery>();
  const list = usePayments(query);
  const [shown, setShown] = useState<string | null>(null);
  const onDays = (v: [Dayjs | null, Dayjs | null] | null) => filter({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') });

  return (
    <>
      <PageHead title={t('payments.list.title')}>
        {!headerProject && (
          <Select allowClear placeholder={t('payments.list.project')} style={{ width: 160 }} data-testid="payment-filter-project"
            options={me.projects.map((p) => ({ value: p.id, label: p.name }))} onChange={(v?: string) => filter({ projectId: v })} />
        )}
        <DatePicker.RangePicker onChange={onDays} data-testid="payment-filter-days" placeholder={[t('payments.list.from'), t('payments.list.to')]} />
        <ValueFilter values={CHANNELS} labelPrefix="payments.channel" placeholder={t('payments.list.channel')} value={query.channel}
          onChange={(channel) => filter({ channel })} width={110} testId="payment-filter-channel" />
        <ValueFilter values={PAYMENT_STATUSES} labelPrefix="payments.status" placeholder={t('common.status')} value={query.status}
          onChange={(status) => filter({ status })} width={100} testId="payment-filter-status" />
        <Input.Search allowClear placeholder={t('payments.list.q')} style={{ width: 200 }} onSearch={(v) => filter({ q: v.trim() || undefined })} data-testid="payment-filter-q" />
        <RefreshButton query={list} />
        <Link to="/payments/refunds">{t('payments.list.toRefunds')}</Link>
        <Link to="/payments/invoices">{t('payments.list.toInvoices')}</Link>
      </PageHead>
      <Table<Payment>
        rowKey="id" size="middle" loading={list.isPending || list.isPlaceholderData} dataSource={list.data?.items ?? []} pagination={pagination(list.data?.total)}
        data-testid="payment-table" scroll={{ x: 1000 }} onRow={(p) => ({ onClick: () => setShown(p.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('payments.counter.receiptNo'), key: 'receipt', width: 150, render: (_: unknown, p: Payment) => <span data-testid={`payment-row-${p.receipt?.number ?? p.id}`}>{p.receipt?.number ?? '—'}</span> },
          { title: t('payments.list.room'), dataIndex: 'roomCode', width: 110 },
          ...(headerProject ? [] : [{ title: t('payments.list.project'), dataIndex: 'projectName', width: 120 }]),
          { title: t('payments.list.channel'), dataIndex: 'channel', width: 100, render: (c: Payment['channel']) => <ChannelTag channel={c} /> },
          { title: t('payments.list.amount'), dataIndex: 'amountFen', align: 'right' as const, render: (v: number) => <b>{yuan(v)}</b> },
          { title: t('payments.counter.toPrepaid'), dataIndex: 'prepaidFen', align: 'right' as const, render: (v: number) => (v ? yuan(v) : '–') },
          { title: t('payments.list.refunded'), dataIndex: 'refundedFen', align: 'right' as const, render: (v: number) => (v ? yuan(v) : '–') },
          { title: t('common.status'), dataIndex: 'status', width: 90, render: (s: Payment['status']) => <PaymentStatusTag status={s} /> },
          { title: t('payments.list.cashier'), key: 'cashier', width: 100, render: (_: unknown, p: Payment) => p.cashierName ?? (p.channel === 'online' ? t('payments.list.online') : '—') },
          { title: t('payments.list.businessDate'), dataIndex: 'businessDate', width: 110 },
          { title: t('common.createdAt'), dataIndex: 'createdAt', width: 165, render: (v: string) => formatDateTime(v) },
        ]}
      />
      <PaymentDrawer id={shown} onClose={() => setShown(null)} />
    </>
  );
}
