import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../../shared/auth.ts';
import { RefreshButton } from '../../../../shared/ListControls.tsx';
import { PageHead } from '../../../../shared/PageHead.tsx';
import { usePagedQuery } from '../../../../shared/usePagedQuery.ts';
import { useParkingSpaces, type PlaceQuery } from '../api-places.ts';
import { ImportExportSlot } from '../components/ImportExportSlot.tsx';
import { ParkingFormDrawer } from '../components/ParkingFormDrawer.tsx';
import { PlaceStatusTag } from '../labels.tsx';
import type { ParkingSpace } from '../types.ts';

/** 车位: the project's parking spaces, owned / rented / temporary, and the room each is bound to. */
export default function ParkingPage() {
  const { t } = useTranslation();
  const { has } = usePermissions();
  const canManage = has('estate.manage');
  const { query, filter, pagination } = usePagedQuery<PlaceQuery>();
  const list = useParkingSpaces(query);
  const [drawer, setDrawer] = useState<{ open: boolean; space: ParkingSpace | null }>({ open: false, space: null });

  return (
    <>
      <PageHead title={t('parking.title')}>
        <Input.Search allowClear placeholder={t('parking.search')} onSearch={(q) => filter({ q: q.trim() || undefined })} style={{ width: 200 }} data-testid="parking-search" />
        <ImportExportSlot entity="parking" filters={{ ...query }} />
        <RefreshButton query={list} />
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ open: true, space: null })} data-testid="parking-create">
            {t('parking.create')}
          </Button>
        )}
      </PageHead>
      <Table<ParkingSpace>
        rowKey="id"
        size="middle"
        loading={list.isPending || list.isPlaceholderData}
        dataSource={list.data?.items ?? []}
        pagination={pagination(list.data?.total)}
        data-testid="parking-table"
        columns={[
          { title: t('parking.code'), dataIndex: 'code' },
          { title: t('parking.type'), dataIndex: 'type', render: (v: ParkingSpace['type']) => t(`parkingType.${v}`) },
          { title: t('parking.area'), dataIndex: 'area', align: 'right', render: (v: string | null) => (v ? `${v} m²` : '—') },
          { title: t('parking.room'), dataIndex: 'roomCode', render: (v: string | null) => v ?? '—' },
          { title: t('common.status'), dataIndex: 'status', width: 90, render: (s: ParkingSpace['status']) => <PlaceStatusTag status={s} /> },
          ...(canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, r: ParkingSpace) => (
                    <Button type="link" size="small" onClick={() => setDrawer({ open: true, space: r })} data-testid={`parking-edit-${r.code}`}>
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <ParkingFormDrawer open={drawer.open} space={drawer.space} onClose={() => setDrawer((d) => ({ ...d, open: false }))} />
    </>
  );
}
