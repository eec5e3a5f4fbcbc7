import { PlusOutlined } from '@ant-design/icons';
import { Button, Drawer, Progress, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../../shared/auth.ts';
import { RefreshButton, ValueFilter } from '../../../../shared/ListControls.tsx';
import { yuan } from '../../../../shared/money.ts';
import { PageHead } from '../../../../shared/PageHead.tsx';
import { formatDateTime } from '../../../../shared/time.ts';
import { usePagedQuery } from '../../../../shared/usePagedQuery.ts';
import { useBillRuns, type BillRun, type BillRunQuery } from '../api-accounts.ts';
import { BillRunWizard } from '../runs/BillRunWizard.tsx';
import { CancelRunModal } from '../runs/CancelRunModal.tsx';
import { periodText, RunStatusTag } from '../runs/labels.tsx';
import { RunProgress } from '../runs/RunProgress.tsx';

const STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;

/** 账单批次: the runs of the header's project (newest first), a wizard to start one, a run's progress and its cancellation. */
export default function BillRunsPage() {
  const { t } = useTranslation();
  const { has } = usePermissions();
  const canManage = has('billing.run.manage');
  const { query, filter, pagination } = usePagedQuery<BillRunQuery>();
  const list = useBillRuns(query);
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState<BillRun | null>(null);

  return (
    <>
      <PageHead title={t('billing.run.title')}>
        <ValueFilter values={STATUSES} labelPrefix="billing.run.status" placeholder={t('common.status')} value={query.status}
          onChange={(status) => filter({ status })} width={120} testId="run-filter-status" />
        <RefreshButton query={list} />
        {canManage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="run-create">{t('billing.run.create')}</Button>}
      </PageHead>
      <Table<BillRun>
        rowKey="id" size="middle" loading={list.isPending} dataSource={list.data?.items ?? []} pagination={pagination(list.data?.total)} data-testid="run-table"
        columns={[
          { title: t('billing.run.period'), key: 'period', render: (_: unknown, r: BillRun) => periodText(r.periodFrom, r.periodTo) },
          { title: t('billing.run.periodKind'), dataIndex: 'periodKind', width: 90, render: (k: BillRun['periodKind']) => t(`billing.run.kind.${k}`) },
          { title: t('common.status'), dataIndex: 'status', width: 100, render: (s: BillRun['status']) => <RunStatusTag status={s} /> },
          {
            title: t('billing.run.progress'), key: 'progress', width: 160,
            render: (_: unknown, r: BillRun) => <Progress size="small" percent={r.targetsTotal ? Math.floor((r.targetsDone * 100) / r.targetsTotal) : r.status === 'done' ? 100 : 0} />,
          },
          { title: t('billing.run.billsCreated'), dataIndex: 'billsCreated', align: 'right', width: 90 },
          { title: t('billing.run.amount'), dataIndex: 'totalFen', align: 'right', render: (v: number) => yuan(v) },
          { title: t('billing.run.billsVoided'), dataIndex: 'billsVoided', align: 'right', width: 90 },
          { title: t('common.createdAt'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
          {
            title: t('common.actions'), key: 'actions', width: 130,
            render: (_: unknown, r: BillRun) => (
              <>
                <Button type="link" size="small" onClick={() => setShown(r.id)} data-testid={`run-view-${r.periodFrom}`}>{t('billing.run.view')}</Button>
                {canManage && r.status === 'done' && (
                  <Button type="link" size="small" danger onClick={() => setCancelling(r)} data-testid={`run-cancel-${r.periodFrom}`}>{t('billing.run.cancel')}</Button>
                )}
              </>
            ),
          },
        ]}
      />
      <BillRunWizard open={creating} onClose={() => setCreating(false)} />
      <Drawer open={!!shown} size={640} title={t('billing.run.detail')} onClose={() => setShown(null)} destroyOnHidden>
        {shown && <RunProgress id={shown} />}
      </Drawer>
      {canManage && <CancelRunModal run={cancelling} onClose={() => setCancelling(null)} />}
    </>
  );
}

