import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../../shared/auth.ts';
import { RefreshButton } from '../../../../shared/ListControls.tsx';
import { PageHead } from '../../../../shared/PageHead.tsx';
import { usePagedQuery } from '../../../../shared/usePagedQuery.ts';
import { useVehicles, type VehicleQuery } from '../api-people.ts';
import { ImportExportSlot } from '../components/ImportExportSlot.tsx';
import { VehicleFormDrawer } from '../components/VehicleFormDrawer.tsx';
import { PlaceStatusTag } from '../labels.tsx';
import type { Vehicle } from '../types.ts';

/** 车辆: residents' cars by plate, with their owner. */
export default function VehiclesPage() {
  const { t } = useTranslation();
  const { has } = usePermissions();
  const canManage = has('estate.manage');
  const { query, filter, pagination } = usePagedQuery<VehicleQuery>();
  const list = useVehicles(query);
  const [drawer, setDrawer] = useState<{ open: boolean; vehicle: Vehicle | null }>({ open: false, vehicle: null });

  return (
    <>
      <PageHead title={t('vehicle.title')}>
        <Input.Search
          allowClear
          placeholder={t('vehicle.search')}
          maxLength={10}
          onSearch={(plate) => filter({ plate: plate.trim() || undefined })}
          style={{ width: 200 }}
          data-testid="vehicle-search"
        />
        <ImportExportSlot entity="vehicles" filters={{ ...query }} />
        <RefreshButton query={list} />
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ open: true, vehicle: null })} data-testid="vehicle-create">
            {t('vehicle.create')}
          </Button>
        )}
      </PageHead>
      <Table<Vehicle>
        rowKey="id"
        size="middle"
        loading={list.isPending || list.isPlaceholderData}
        dataSource={list.data?.items ?? []}
        pagination={pagination(list.data?.total)}
        data-testid="vehicle-table"
        columns={[
          { title: t('vehicle.plate'), dataIndex: 'plate', render: (v: string) => <b>{v}</b> },
          { title: t('vehicle.owner'), dataIndex: 'personName', render: (v: string | null) => v ?? '—' },
          { title: t('vehicle.room'), dataIndex: 'roomCode', render: (v: string | null) => v ?? '—' },
          { title: t('vehicle.parkingSpace'), dataIndex: 'parkingCode', render: (v: string | null) => v ?? '—' },
          { title: t('vehicle.brand'), dataIndex: 'brand', render: (v: string | null) => v ?? '—' },
          { title: t('vehicle.color'), dataIndex: 'color', render: (v: string | null) => v ?? '—' },
          { title: t('common.status'), dataIndex: 'status', width: 90, render: (s: Vehicle['status']) => <PlaceStatusTag status={s} /> },
          ...(canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, r: Vehicle) => (
                    <Button type="link" size="small" onClick={() => setDrawer({ open: true, vehicle: r })} data-testid={`vehicle-edit-${r.plate}`}>
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <VehicleFormDrawer open={drawer.open} vehicle={drawer.vehicle} onClose={() => setDrawer((d) => ({ ...d, open: false }))} />
    </>
  );
}
