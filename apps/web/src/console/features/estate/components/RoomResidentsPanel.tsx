import { SwapOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../../shared/auth.ts';
import { useRoomResidents } from '../api.ts';
import { ownsRoom, RelationTag, shareText } from '../labels.tsx';
import type { RoomDetail, RoomResident } from '../types.ts';
import '../estate.css';
import { AddResidentModal } from './AddResidentModal.tsx';
import { TransferModal } from './TransferModal.tsx';

/** current relations first, then the past ones, latest first */
const order = (a: RoomResident, b: RoomResident) =>
  Number(a.validTo != null) - Number(b.validTo != null) || b.validFrom.localeCompare(a.validFrom);

/** Owners, co-owners, tenants and family of the room, now and before; 添加住户 and 过户 for managers. */
export function RoomResidentsPanel({ room }: { room: RoomDetail }) {
  const { t } = useTranslation();
  const { has } = usePermissions();
  const canManage = has('estate.manage');
  const residents = useRoomResidents(room.id);
  const [dialog, setDialog] = useState<'add' | 'transfer' | null>(null);
  const rows = [...(residents.data ?? [])].sort(order);
  const currentOwners = rows.filter((r) => r.validTo == null && ownsRoom(r.relation));

  return (
    <>
      {canManage && (
        <Space style={{ marginBottom: 12 }}>
          <Button icon={<UserAddOutlined />} onClick={() => setDialog('add')} data-testid="resident-add">
            {t('resident.add')}
          </Button>
          <Button icon={<SwapOutlined />} onClick={() => setDialog('transfer')} data-testid="resident-transfer">
            {t('resident.transfer')}
          </Button>
        </Space>
      )}
      <Table<RoomResident>
        rowKey="id"
        size="small"
        loading={residents.isPending}
        dataSource={rows}
        pagination={false}
        data-testid="room-residents"
        rowClassName={(r) => (r.validTo ? 'estate-row-past' : '')}
        columns={[
          { title: t('person.name'), dataIndex: 'name' },
          { title: t('person.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
          { title: t('resident.relation'), dataIndex: 'relation', render: (r: RoomResident['relation']) => <RelationTag relation={r} /> },
          { title: t('resident.share'), dataIndex: 'shareBp', align: 'right', render: (bp: number | null) => shareText(bp) },
          {
            title: t('resident.period'),
            key: 'period',
            render: (_, r) => `${r.validFrom} ~ ${r.validTo ?? t('resident.now')}`,
          },
          {
            title: t('common.status'),
            key: 'state',
            render: (_, r) => (r.validTo ? <Tag>{t('resident.past')}</Tag> : <Tag color="green">{t('resident.current')}</Tag>),
          },
        ]}
      />
      <AddResidentModal roomId={room.id} open={dialog === 'add'} onClose={() => setDialog(null)} />
      <TransferModal roomId={room.id} open={dialog === 'transfer'} currentOwners={currentOwners} onClose={() => setDialog(null)} />
    </>
  );
}
