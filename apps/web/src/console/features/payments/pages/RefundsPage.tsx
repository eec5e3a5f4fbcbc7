import { Badge, Button, DatePicker, Select, Table, Tabs } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedInMe, usePermissions } from '../../../../shared/auth.ts';
import { RefreshButton, ValueFilter } from '../../../../shared/ListControls.tsx';
import { yuan } from '../../../../shared/money.ts';
import { PageHead } from '../../../../shared/PageHead.tsx';
import { useProjectId } from '../../../../shared/project.ts';
import { formatDateTime } from '../../../../shared/time.ts';
import { usePagedQuery } from '../../../../shared/usePagedQuery.ts';
import { usePendingRefundCount, useRefunds, type Refund, type RefundQuery, type RefundStatus } from '../refunds/api.ts';
import { DecideModal, type Decision } from '../refunds/DecideModal.tsx';
import { RefundLines, RefundStatusTag } from '../refunds/labels.tsx';
import { NewRefundModal } from '../refunds/NewRefundModal.tsx';

const TABS = ['requested', 'processing', 'succeeded', 'failed', 'rejected', 'all'] as const;
const SOURCES = ['payment', 'prepaid', 'deposit'] as const;

/** 退款与审批: tabs by status (待审批 first), approve / reject with a confirmation, 新建退款 (a payment's part, a prepaid or deposit balance). */
export default function RefundsPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const can = usePermissions();
  const headerProject = useProjectId();
  const { query, filter, pagination } = usePagedQuery<RefundQuery>();
  const [tab, setTab] = useState<(typeof TABS)[number]>('requested');
  const list = useRefunds({ ...query, status: tab === 'all' ? undefined : tab as RefundStatus });
  const pending = usePendingRefundCount();
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const [creating, setCreating] = useState(false);
  const onDays = (v: [Dayjs | null, Dayjs | null] | null) => filter({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') });

  return (
    <>
      <PageHead title={t('payAfter.refunds.title')}>
        {!headerProject && (
          <Select allowClear placeholder={t('payAfter.refunds.col.project')} style={{ width: 160 }} data-testid="refund-filter-project"
            options={me.projects.map((p) => ({ value: p.id, label: p.name }))} onChange={(v?: string) => filter({ projectId: v })} />
        )}
        <DatePicker.RangePicker onChange={onDays} data-testid="refund-filter-days" />
        <ValueFilter values={SOURCES} labelPrefix="payAfter.refunds.source" placeholder={t('payAfter.refunds.col.source')} value={query.source}
          onChange={(source) => filter({ source })} width={120} testId="refund-filter-source" />
        <RefreshButton query={list} />
        {can.has('payment.refund.request') && (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="refund-create">{t('payAfter.refunds.create')}</Button>
        )}
      </PageHead>
      <Tabs activeKey={tab} onChange={(k) => { setTab(k as typeof tab); filter({}); }} data-testid="refund-tabs"
        items={TABS.map((s) => ({
          key: s,
          label: s === 'requested' ? <Badge count={pending.data ?? 0} size="small" offset={[8, 0]}>{t('payAfter.refunds.tab.requested')}</Badge> : t(`payAfter.refunds.tab.${s}`),
        }))} />
      <Table<Refund>
        rowKey="id" size="middle" loading={list.isPending || list.isPlaceholderData} dataSource={list.data?.items ?? []} pagination={pagination(list.data?.total)}
        data-testid="refund-table" scroll={{ x: 1200 }}
        columns={[
          { title: t('payAfter.refunds.col.room'), dataIndex: 'roomCode', width: 110 },
          ...(headerProject ? [] : [{ title: t('payAfter.refunds.col.project'), dataIndex: 'projectName', width: 110 }]),
          { title: t('payAfter.refunds.col.source'), dataIndex: 'source', width: 100, render: (s: Refund['source']) => t(`payAfter.refunds.source.${s}`) },
          { title: t('payAfter.refunds.col.receipt'), dataIndex: 'receiptNumber', width: 150, render: (v: string | null) => v ?? '—' },
          { title: t('payAfter.refunds.col.amount'), dataIndex: 'amountFen', align: 'right' as const, width: 110, render: (v: number) => <b>{yuan(v)}</b> },
          { title: t('payAfter.refunds.col.channel'), dataIndex: 'channel', width: 100, render: (c: Refund['channel']) => t(`payAfter.refunds.channel.${c}`) },
          { title: t('payAfter.refunds.col.lines'), key: 'lines', render: (_: unknown, r: Refund) => <RefundLines r={r} /> },
          { title: t('payAfter.refunds.col.reason'), dataIndex: 'reason', ellipsis: true },
          { title: t('payAfter.refunds.col.requestedBy'), dataIndex: 'requestedByName', width: 100 },
          { title: t('common.createdAt'), dataIndex: 'createdAt', width: 160, render: (v: string) => formatDateTime(v) },
          { title: t('common.status'), key: 'status', width: 100, render: (_: unknown, r: Refund) => <RefundStatusTag r={r} /> },
          {
            title: t('common.actions'), key: 'a', width: 130, fixed: 'right' as const,
            render: (_: unknown, r: Refund) => (
              <>
                {r.abilities.approve && (
                  <Button type="link" size="small" onClick={() => setDeciding({ r, decision: 'approve' })} data-testid={`refund-approve-${r.outRefundNo}`}>{t('payAfter.refunds.approve')}</Button>
                )}
                {r.abilities.reject && (
                  <Button type="link" size="small" danger onClick={() => setDeciding({ r, decision: 'reject' })} data-testid={`refund-reject-${r.outRefundNo}`}>{t('payAfter.refunds.reject')}</Button>
                )}
              </>
            ),
          },
        ]}
      />
      <DecideModal d={deciding} onClose={() => setDeciding(null)} />
      <NewRefundModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
