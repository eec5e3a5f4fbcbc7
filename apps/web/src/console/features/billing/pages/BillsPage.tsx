import { DatePicker, Input, Select, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../../../../shared/auth.ts';
import { RefreshButton, ValueFilter } from '../../../../shared/ListControls.tsx';
import { yuan } from '../../../../shared/money.ts';
import { PageHead } from '../../../../shared/PageHead.tsx';
import { useProjectId } from '../../../../shared/project.ts';
import { usePagedQuery } from '../../../../shared/usePagedQuery.ts';
import { useBuildings } from '../../estate/api.ts';
import { useFeeItems } from '../api.ts';
import { useBills, type BillQuery, type BillRow } from '../api-accounts.ts';
import { BillDetailDrawer } from '../bills/BillDetailDrawer.tsx';
import { BillStatusTag } from '../bills/labels.tsx';
import { periodText } from '../runs/labels.tsx';

const STATUSES = ['unpaid', 'paid', 'overdue', 'void'] as const;

/**
 * 账单: the server's page of bills (filters are indexed predicates there), each with what is owed
 * and the late fee accrued today; a row opens the bill.
 */
export default function BillsPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const headerProject = useProjectId();
  const { query, filter, pagination } = usePagedQuery<BillQuery>();
  const list = useBills(query);
  const items = useFeeItems();
  const projectId = query.projectId ?? (headerProject || undefined);
  const buildings = useBuildings(projectId);
  const [shown, setShown] = useState<string | null>(null);
  const onPeriod = (v: [Dayjs | null, Dayjs | null] | null) =>
    filter({ periodFrom: v?.[0]?.startOf('month').format('YYYY-MM-DD'), periodTo: v?.[1]?.endOf('month').format('YYYY-MM-DD') });

  return (
    <>
      <PageHead title={t('billing.bill.title')}>
        {!headerProject && (
          <Select allowClear placeholder={t('billing.assign.project')} style={{ width: 160 }} data-testid="bill-filter-project"
            options={me.projects.map((p) => ({ value: p.id, label: p.name }))} onChange={(v?: string) => filter({ projectId: v, buildingId: undefined })} />
        )}
        <Select allowClear placeholder={t('billing.bill.building')} style={{ width: 130 }} disabled={!projectId} data-testid="bill-filter-building"
          value={query.buildingId} options={(buildings.data ?? []).map((b) => ({ value: b.id, label: b.name }))} onChange={(v?: string) => filter({ buildingId: v })} />
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('billing.standard.feeItem')} style={{ width: 150 }} data-testid="bill-filter-item"
          options={(items.data ?? []).map((i) => ({ value: i.id, label: i.name }))} onChange={(v?: string) => filter({ feeItemId: v })} />
        <DatePicker.RangePicker picker="month" format="YYYY-MM" onChange={onPeriod} data-testid="bill-filter-period"
          placeholder={[t('billing.bill.periodFrom'), t('billing.bill.periodTo')]} />
        <ValueFilter values={STATUSES} labelPrefix="billing.bill.status" placeholder={t('common.status')} value={query.status === 'all' ? undefined : query.status as typeof STATUSES[number]}
          onChange={(status) => filter({ status })} width={110} testId="bill-filter-status" />
        <Input.Search allowClear placeholder={t('billing.bill.code')} style={{ width: 160 }} onSearch={(v) => filter({ q: v.trim() || undefined })} data-testid="bill-filter-code" />
        <RefreshButton query={list} />
      </PageHead>
      <Table<BillRow>
        rowKey="id" size="middle" loading={list.isPending || list.isPlaceholderData} dataSource={list.data?.items ?? []} pagination={pagination(list.data?.total)}
        data-testid="bill-table" onRow={(b) => ({ onClick: () => setShown(b.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('billing.bill.code'), dataIndex: 'targetCode', width: 120, render: (c: string) => <span data-testid={`bill-row-${c}`}>{c}</span> },
          { title: t('billing.standard.feeItem'), dataIndex: 'feeItemName' },
          { title: t('billing.run.period'), key: 'period', width: 210, render: (_: unknown, b: BillRow) => periodText(b.periodFrom, b.periodTo) },
          { title: t('billing.run.dueDate'), dataIndex: 'dueDate', width: 110 },
          { title: t('billing.bill.principal'), key: 'principal', align: 'right', render: (_: unknown, b: BillRow) => yuan(b.principalFen) },
          {
            title: t('billing.bill.outstanding'), key: 'out', align: 'right',
            render: (_: unknown, b: BillRow) => yuan(b.balance.principalOutstandingFen + b.balance.lateFeeOutstandingFen),
          },
          { title: t('billing.bill.lateFee'), key: 'lf', align: 'right', render: (_: unknown, b: BillRow) => yuan(b.balance.lateFeeAccruedFen) },
          { title: t('billing.bill.totalDue'), key: 'due', align: 'right', render: (_: unknown, b: BillRow) => <b>{yuan(b.balance.totalDueFen)}</b> },
          { title: t('common.status'), key: 'status', width: 90, render: (_: unknown, b: BillRow) => <BillStatusTag bill={b} /> },
        ]}
      />
      <BillDetailDrawer id={shown} onClose={() => setShown(null)} />
    </>
  );
}
