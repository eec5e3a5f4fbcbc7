import { PlusOutlined } from '@ant-design/icons';
import { Button, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../../shared/auth.ts';
import { LongTextCell, RefreshButton } from '../../../../shared/ListControls.tsx';
import { PageHead } from '../../../../shared/PageHead.tsx';
import { formatDateTime } from '../../../../shared/time.ts';
import { usePagedQuery } from '../../../../shared/usePagedQuery.ts';
import { useWorkOrders } from '../api.ts';
import { CreateWoDrawer } from '../components/CreateWoDrawer.tsx';
import { SavedViews } from '../components/SavedViews.tsx';
import { WoFilters } from '../components/WoFilters.tsx';
import { WoDetailDrawer } from '../detail/WoDetailDrawer.tsx';
import { DeadlineCell, locationText, WoPriorityTag, WoStatusTag } from '../labels.tsx';
import type { WoListQuery, WorkOrderRow } from '../types.ts';
import { useDetailParam } from '../useDetailParam.ts';
import { useWoLive } from '../useWoLive.ts';

const FILTER_KEYS = ['status', 'type', 'categoryId', 'priority', 'overdue', 'assigneeId', 'buildingId', 'from', 'to', 'q', 'sort'] as const;

/** 工单列表: filters, saved views, desk / phone entry, and the detail drawer (also reachable by `?id=`); live over SSE. */
export default function WorkOrdersPage() {
  const { t } = useTranslation();
  const { has } = usePermissions();
  useWoLive();
  const { query, filter, pagination } = usePagedQuery<WoListQuery>();
  const orders = useWorkOrders(query);
  const [id, open] = useDetailParam();
  const [creating, setCreating] = useState(false);
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, query[k]]));
  const applyView = (f: Record<string, unknown>) =>
    filter(Object.fromEntries(FILTER_KEYS.map((k) => [k, f[k] ?? undefined])) as Partial<WoListQuery>);
  const total = orders.data?.total ?? 0;

  return (
    <>
      <PageHead title={t('woConsole.listTitle')}>
        <SavedViews page="workorders" filters={filters} onApply={applyView} />
        <RefreshButton query={orders} testId="wo-refresh" />
        {has('workorder.create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="wo-create">
            {t('woConsole.create.button')}
          </Button>
        )}
      </PageHead>
      <WoFilters query={query} filter={filter} />
      <Table<WorkOrderRow>
        rowKey="id"
        size="middle"
        loading={orders.isPending || orders.isPlaceholderData}
        dataSource={orders.data?.items ?? []}
        scroll={{ x: 1400 }}
        pagination={{
          ...pagination(total),
          showTotal: (n) => (orders.data?.totalCapped ? t('woConsole.totalCapped', { total: n }) : t('common.total', { total: n })),
        }}
        onRow={(r) => ({ onClick: () => open(r.id), style: { cursor: 'pointer' }, 'data-testid': `wo-row-${r.no}` }) as object}
        data-testid="wo-table"
        columns={[
          { title: t('woConsole.field.no'), dataIndex: 'no', width: 150, fixed: 'left', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
          { title: t('woConsole.field.status'), dataIndex: 'status', width: 90, render: (s: string) => <WoStatusTag status={s} /> },
          { title: t('woConsole.field.priority'), dataIndex: 'priority', width: 80, render: (p: string) => <WoPriorityTag priority={p} /> },
          { title: t('woConsole.field.category'), dataIndex: 'categoryName', width: 100, render: (v: string | null, r) => v ?? t(`woConsole.type.${r.type}`) },
          { title: t('woConsole.field.location'), key: 'where', width: 150, render: (_: unknown, r) => <LongTextCell text={locationText(t, r)} maxWidth={140} /> },
          { title: t('woConsole.field.description'), dataIndex: 'description', width: 220, render: (v: string) => <LongTextCell text={v} maxWidth={200} /> },
          { title: t('woConsole.field.requester'), dataIndex: 'requesterName', width: 90, render: (v: string | null) => v ?? '—' },
          { title: t('woConsole.field.assignee'), dataIndex: 'assigneeName', width: 90, render: (v: string | null, r) => v ?? (r.inPool ? t('woConsole.inPool') : '—') },
          { title: t('woConsole.field.responseDue'), dataIndex: 'responseDueAt', width: 150, render: (v: string | null, r) => <DeadlineCell at={v} status={r.status === 'submitted' || r.status === 'assigned' ? r.status : 'closed'} /> },
          { title: t('woConsole.field.completeDue'), dataIndex: 'completeDueAt', width: 150, render: (v: string | null, r) => <DeadlineCell at={v} status={r.status} overdue={r.overdue} /> },
          { title: t('woConsole.field.createdAt'), dataIndex: 'createdAt', width: 140, render: (v: string) => formatDateTime(v).slice(0, 16) },
        ]}
      />
      <CreateWoDrawer open={creating} onClose={() => setCreating(false)} onCreated={(o) => open(o.id)} />
      <WoDetailDrawer id={id} onClose={() => open(null)} />
    </>
  );
}
