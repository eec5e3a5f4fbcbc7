import { PlusOutlined } from '@ant-design/icons';
import { Button, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../../shared/auth.ts';
import { RefreshButton } from '../../../../shared/ListControls.tsx';
import { PageHead } from '../../../../shared/PageHead.tsx';
import { useFeeItems } from '../api.ts';
import { FeeItemDrawer } from '../components/FeeItemDrawer.tsx';
import type { FeeItem } from '../types.ts';

/** 收费项目: the company's fee items, set by HQ. */
export default function FeeItemsPage() {
  const { t } = useTranslation();
  const { has } = usePermissions();
  const canManage = has('billing.item.manage');
  const list = useFeeItems();
  const [drawer, setDrawer] = useState<{ open: boolean; item: FeeItem | null }>({ open: false, item: null });

  return (
    <>
      <PageHead title={t('billing.item.title')}>
        <RefreshButton query={list} />
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ open: true, item: null })} data-testid="fee-item-create">
            {t('billing.item.create')}
          </Button>
        )}
      </PageHead>
      <Table<FeeItem>
        rowKey="id"
        size="middle"
        loading={list.isPending}
        dataSource={list.data ?? []}
        pagination={false}
        data-testid="fee-item-table"
        columns={[
          { title: t('billing.item.code'), dataIndex: 'code', width: 120 },
          { title: t('billing.item.name'), dataIndex: 'name' },
          { title: t('billing.item.category'), dataIndex: 'category', render: (v: FeeItem['category']) => t(`billing.itemKind.${v}`) },
          { title: t('billing.item.feeCategory'), dataIndex: 'feeCategory', render: (v: FeeItem['feeCategory']) => t(`feeCategory.${v}`) },
          { title: t('billing.item.taxRate'), dataIndex: 'taxRateBp', width: 80, render: (bp: number) => `${bp / 100}%` },
          { title: t('billing.item.invoiceCategory'), dataIndex: 'invoiceCategory' },
          {
            title: t('billing.item.lateFee'), dataIndex: 'lateFee',
            render: (l: FeeItem['lateFee']) => (l ? t('billing.item.lateFeeSummary', { ppm: l.dailyRatePpm, days: l.graceDays }) : '—'),
          },
          { title: t('billing.item.commonIncome'), dataIndex: 'commonIncome', width: 90, render: (v: boolean) => (v ? <Tag color="gold">{t('billing.item.commonIncomeTag')}</Tag> : '—') },
          { title: t('common.status'), dataIndex: 'status', width: 90, render: (s: FeeItem['status']) => <Tag color={s === 'active' ? 'green' : 'default'}>{t(`billing.status.${s}`)}</Tag> },
          ...(canManage
            ? [{
                title: t('common.actions'), key: 'actions', width: 90,
                render: (_: unknown, r: FeeItem) => <Button type="link" size="small" onClick={() => setDrawer({ open: true, item: r })}>{t('common.edit')}</Button>,
              }]
            : []),
        ]}
      />
      <FeeItemDrawer open={drawer.open} item={drawer.item} onClose={() => setDrawer((d) => ({ ...d, open: false }))} />
    </>
  );
}
