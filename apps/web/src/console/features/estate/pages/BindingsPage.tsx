import { Button, Segmented, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RefreshButton } from '../../../../shared/ListControls.tsx';
import { PageHead } from '../../../../shared/PageHead.tsx';
import { formatDateTime } from '../../../../shared/time.ts';
import { usePagedQuery } from '../../../../shared/usePagedQuery.ts';
import { useBindings, type BindingQuery } from '../api-people.ts';
import { BindingDecisionModal, type Decision } from '../components/BindingDecisionModal.tsx';
import { BINDING_STATUSES, BindingStatusTag } from '../labels.tsx';
import type { Binding, BindingStatus } from '../types.ts';

type Tab = BindingStatus | 'all';

/** 绑定审核: residents asking to be bound to a room whose name and phone did not match the archive. */
export default function BindingsPage() {
  const { t } = useTranslation();
  const { query, filter, pagination } = usePagedQuery<BindingQuery>();
  const [tab, setTab] = useState<Tab>('pending');
  const list = useBindings({ ...query, status: tab === 'all' ? undefined : tab });
  const [decision, setDecision] = useState<Decision | null>(null);

  return (
    <>
      <PageHead title={t('binding.title')}>
        <Segmented<Tab>
          value={tab}
          onChange={(v) => {
            setTab(v);
            filter({});
          }}
          options={[...BINDING_STATUSES, 'all' as const].map((s) => ({ value: s, label: s === 'all' ? t('common.all') : t(`bindingStatus.${s}`) }))}
          data-testid="binding-status"
        />
        <RefreshButton query={list} />
      </PageHead>
      <Table<Binding>
        rowKey="id"
        size="middle"
        loading={list.isPending || list.isPlaceholderData}
        dataSource={list.data?.items ?? []}
        pagination={pagination(list.data?.total)}
        scroll={{ x: 1100 }}
        data-testid="binding-table"
        columns={[
          { title: t('binding.createdAt'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
          { title: t('layout.project'), dataIndex: 'projectName' },
          { title: t('binding.room'), dataIndex: 'roomCode', width: 110 },
          { title: t('binding.name'), dataIndex: 'name' },
          { title: t('binding.phone'), dataIndex: 'phone', width: 130, render: (v: string | null) => v ?? '—' },
          { title: t('binding.relation'), dataIndex: 'relation', render: (r: Binding['relation']) => t(`relation.${r}`) },
          { title: t('common.status'), dataIndex: 'status', width: 90, render: (s: BindingStatus) => <BindingStatusTag status={s} /> },
          { title: t('binding.decidedBy'), dataIndex: 'decidedBy', render: (v: string | null) => (v ? t(`binding.by.${v}`, { defaultValue: v }) : '—') },
          { title: t('binding.note'), dataIndex: 'note', ellipsis: true, render: (v: string | null) => v ?? '—' },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 130,
            fixed: 'right',
            render: (_, r) =>
              r.status === 'pending' ? (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setDecision({ binding: r, approve: true })} data-testid="binding-approve">
                    {t('binding.approve')}
                  </Button>
                  <Button type="link" size="small" danger onClick={() => setDecision({ binding: r, approve: false })} data-testid="binding-reject">
                    {t('binding.reject')}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      <BindingDecisionModal decision={decision} onClose={() => setDecision(null)} />
    </>
  );
}
