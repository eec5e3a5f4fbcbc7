import { PlusOutlined } from '@ant-design/icons';
import { Button, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../../shared/auth.ts';
import { RefreshButton } from '../../../../shared/ListControls.tsx';
import { PageHead } from '../../../../shared/PageHead.tsx';
import { usePagedQuery } from '../../../../shared/usePagedQuery.ts';
import { enumOptions } from '../../estate/labels.tsx';
import { useFeeItems, useStandards, type StandardQuery } from '../api.ts';
import { AssignStandardDrawer } from '../components/AssignStandardDrawer.tsx';
import { ProjectStandardsSwitch } from '../components/ProjectStandardsSwitch.tsx';
import { ruleSummary } from '../components/RuleFields.tsx';
import { StandardCreateDrawer } from '../components/StandardCreateDrawer.tsx';
import { StandardVersionsDrawer } from '../components/StandardVersionsDrawer.tsx';
import { STANDARD_KINDS, type Standard } from '../types.ts';

/** 收费标准: company-wide and the selected project's standards, their price in force today and versions. */
export default function StandardsPage() {
  const { t } = useTranslation();
  const { has } = usePermissions();
  const canManage = has('billing.standard.manage');
  const { query, filter, pagination } = usePagedQuery<StandardQuery>();
  const list = useStandards(query);
  const items = useFeeItems();
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<string | null>(null);
  const [assigning, setAssigning] = useState<Standard | null>(null);

  return (
    <>
      <PageHead title={t('billing.standard.title')}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('billing.standard.feeItem')} style={{ width: 180 }} onChange={(feeItemId?: string) => filter({ feeItemId })}
          options={(items.data ?? []).map((i) => ({ value: i.id, label: i.name }))} data-testid="standard-filter-item" />
        <Select allowClear placeholder={t('billing.rule.kind')} style={{ width: 140 }} onChange={(kind?: Standard['kind']) => filter({ kind })}
          options={enumOptions(t, 'billing.kind', STANDARD_KINDS)} />
        {has('billing.item.manage') && <ProjectStandardsSwitch />}
        <RefreshButton query={list} />
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="standard-create">{t('billing.standard.create')}</Button>
        )}
      </PageHead>
      <Table<Standard>
        rowKey="id"
        size="middle"
        loading={list.isPending || list.isPlaceholderData}
        dataSource={list.data?.items ?? []}
        pagination={pagination(list.data?.total)}
        data-testid="standard-table"
        columns={[
          { title: t('billing.standard.code'), dataIndex: 'code', width: 120 },
          { title: t('billing.standard.name'), dataIndex: 'name' },
          { title: t('billing.standard.feeItem'), dataIndex: 'feeItemName' },
          { title: t('billing.rule.kind'), dataIndex: 'kind', width: 100, render: (k: Standard['kind']) => t(`billing.kind.${k}`) },
          {
            title: t('billing.standard.scope'), dataIndex: 'projectId', width: 110,
            render: (p: string | null) => (p ? <Tag>{t('billing.standard.projectOnly')}</Tag> : <Tag color="blue">{t('billing.standard.companyWide')}</Tag>),
          },
          { title: t('billing.standard.current'), key: 'current', render: (_: unknown, s: Standard) => ruleSummary(t, s.current?.rule) },
          {
            title: t('common.actions'), key: 'actions', width: 130,
            render: (_: unknown, s: Standard) => (
              <>
                <Button type="link" size="small" onClick={() => setShown(s.id)}>{t('billing.standard.versions')}</Button>
                {canManage && s.status === 'active' && (
                  <Button type="link" size="small" onClick={() => setAssigning(s)} data-testid={`standard-assign-${s.code}`}>{t('billing.assign.action')}</Button>
                )}
              </>
            ),
          },
        ]}
      />
      <StandardCreateDrawer open={creating} onClose={() => setCreating(false)} />
      <StandardVersionsDrawer id={shown} canManage={canManage} onClose={() => setShown(null)} />
      {canManage && <AssignStandardDrawer standard={assigning} onClose={() => setAssigning(null)} />}
    </>
  );
}
