import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../../shared/auth.ts';
import { RefreshButton } from '../../../../shared/ListControls.tsx';
import { PageHead } from '../../../../shared/PageHead.tsx';
import { usePagedQuery } from '../../../../shared/usePagedQuery.ts';
import { useBuildings } from '../api.ts';
import { useFacilities, type PlaceQuery } from '../api-places.ts';
import { FacilityFormDrawer } from '../components/FacilityFormDrawer.tsx';
import { useCurrentProject } from '../components/ProjectRequired.tsx';
import { PlaceStatusTag } from '../labels.tsx';
import type { Facility } from '../types.ts';

/** 公共设施: clubhouses, machine and pump rooms, gates, gardens … of the project. */
export default function FacilitiesPage() {
  const { t } = useTranslation();
  const { has } = usePermissions();
  const canManage = has('estate.manage');
  const project = useCurrentProject();
  const { query, filter, pagination } = usePagedQuery<PlaceQuery>();
  const list = useFacilities(query);
  const buildings = useBuildings(project.id || undefined);
  const buildingName = new Map((buildings.data ?? []).map((b) => [b.id, b.name]));
  const [drawer, setDrawer] = useState<{ open: boolean; facility: Facility | null }>({ open: false, facility: null });

  return (
    <>
      <PageHead title={t('facility.title')}>
        <Input.Search allowClear placeholder={t('facility.search')} onSearch={(q) => filter({ q: q.trim() || undefined })} style={{ width: 200 }} data-testid="facility-search" />
        <RefreshButton query={list} />
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ open: true, facility: null })} data-testid="facility-create">
            {t('facility.create')}
          </Button>
        )}
      </PageHead>
      <Table<Facility>
        rowKey="id"
        size="middle"
        loading={list.isPending || list.isPlaceholderData}
        dataSource={list.data?.items ?? []}
        pagination={pagination(list.data?.total)}
        data-testid="facility-table"
        columns={[
          { title: t('facility.name'), dataIndex: 'name' },
          { title: t('facility.category'), dataIndex: 'category', render: (v: Facility['category']) => t(`facilityCategory.${v}`) },
          { title: t('facility.building'), dataIndex: 'buildingId', render: (id: string | null) => (id ? (buildingName.get(id) ?? '—') : '—') },
          { title: t('facility.location'), dataIndex: 'location', ellipsis: true, render: (v: string | null) => v ?? '—' },
          { title: t('common.status'), dataIndex: 'status', width: 90, render: (s: Facility['status']) => <PlaceStatusTag status={s} /> },
          ...(canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, r: Facility) => (
                    <Button type="link" size="small" onClick={() => setDrawer({ open: true, facility: r })}>
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FacilityFormDrawer open={drawer.open} facility={drawer.facility} onClose={() => setDrawer((d) => ({ ...d, open: false }))} />
    </>
  );
}
