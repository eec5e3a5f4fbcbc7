import { PlusOutlined } from '@ant-design/icons';
import { Button, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../../shared/auth.ts';
import { StatusTag } from '../../../../shared/labels.tsx';
import { RefreshButton } from '../../../../shared/ListControls.tsx';
import { PageHead } from '../../../../shared/PageHead.tsx';
import { useWoCategories } from '../api.ts';
import { CategoryDrawer } from '../components/CategoryDrawer.tsx';
import { WoPriorityTag } from '../labels.tsx';
import type { WoCategory } from '../types.ts';

const h = (m: number) => `${Math.round((m / 60) * 100) / 100} h`;

/** 工单类别: SLA per priority (shown in hours), clock, skill, chargeable; editable with workorder.config.manage, read-only otherwise. */
export default function CategoriesPage() {
  const { t } = useTranslation();
  const { has } = usePermissions();
  const canManage = has('workorder.config.manage');
  const categories = useWoCategories();
  const [editing, setEditing] = useState<WoCategory | null>(null);
  const [open, setOpen] = useState(false);
  const show = (c: WoCategory | null) => { setEditing(c); setOpen(true); };

  return (
    <>
      <PageHead title={t('woConsole.categoriesTitle')}>
        <RefreshButton query={categories} />
        {canManage && <Button type="primary" icon={<PlusOutlined />} onClick={() => show(null)} data-testid="wo-category-create">{t('woConsole.categories.create')}</Button>}
      </PageHead>
      <Table<WoCategory>
        rowKey="id"
        size="middle"
        loading={categories.isPending}
        dataSource={categories.data ?? []}
        pagination={false}
        onRow={(c) => ({ onClick: () => show(c), style: { cursor: 'pointer' }, 'data-testid': `wo-category-row-${c.code}` }) as object}
        data-testid="wo-category-table"
        columns={[
          { title: t('woConsole.categories.code'), dataIndex: 'code', width: 110 },
          { title: t('woConsole.categories.name'), dataIndex: 'name' },
          { title: t('woConsole.categories.defaultPriority'), dataIndex: 'defaultPriority', render: (p: string) => <WoPriorityTag priority={p} /> },
          ...(['urgent', 'normal'] as const).map((p) => ({
            key: p, title: t('woConsole.categories.slaOf', { priority: t(`woConsole.priority.${p}`) }),
            render: (_: unknown, c: WoCategory) => `${h(c.sla[p].responseMinutes)} / ${h(c.sla[p].completeMinutes)}`,
          })),
          { title: t('woConsole.field.clock'), dataIndex: 'clock', render: (c: string) => t(`woConsole.clock.${c}`) },
          { title: t('woConsole.categories.skill'), dataIndex: 'skill', render: (s: string | null) => s ?? '—' },
          { title: t('woConsole.categories.chargeable'), dataIndex: 'chargeable', render: (v: boolean) => (v ? <Tag color="orange">{t('woConsole.categories.paid')}</Tag> : '—') },
          { title: t('common.status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
        ]}
      />
      <CategoryDrawer category={editing} open={open} onClose={() => setOpen(false)} readOnly={!canManage} />
    </>
  );
}
