import { EditOutlined } from '@ant-design/icons';
import { Button, Descriptions, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../../shared/auth.ts';
import { useBuildings, useRoomResidents } from '../api.ts';
import { ownsRoom, RoomStatusTag, shareText } from '../labels.tsx';
import type { RoomDetail } from '../types.ts';
import { RoomEditForm } from './RoomEditForm.tsx';

/** The room's facts and its current owners; 编辑 turns the editable ones into a form. */
export function RoomDetails({ room }: { room: RoomDetail }) {
  const { t } = useTranslation();
  const { has } = usePermissions();
  const [editing, setEditing] = useState(false);
  const buildings = useBuildings(room.projectId);
  const residents = useRoomResidents(room.id);
  const building = buildings.data?.find((b) => b.id === room.buildingId);
  const unit = building?.units.find((u) => u.id === room.unitId);
  const owners = (residents.data ?? []).filter((r) => r.validTo == null && ownsRoom(r.relation));

  if (editing) return <RoomEditForm room={room} onDone={() => setEditing(false)} />;

  return (
    <>
      <Descriptions
        bordered
        size="small"
        column={2}
        items={[
          { key: 'code', label: t('room.code'), children: room.code },
          { key: 'status', label: t('common.status'), children: <RoomStatusTag status={room.status} /> },
          { key: 'building', label: t('room.building'), children: building?.name ?? '—' },
          { key: 'unit', label: t('room.unit'), children: unit?.name ?? '—' },
          { key: 'floor', label: t('room.floor'), children: room.floor },
          { key: 'type', label: t('room.type'), children: t(`roomType.${room.type}`) },
          { key: 'ba', label: t('room.buildingArea'), children: `${room.buildingArea} m²` },
          { key: 'ia', label: t('room.insideArea'), children: room.insideArea ? `${room.insideArea} m²` : '—' },
          { key: 'delivery', label: t('room.deliveryDate'), children: room.deliveryDate ?? '—' },
          {
            key: 'owners',
            label: t('room.owners'),
            span: 2,
            children: (
              <span data-testid="room-owners">
                {owners.length ? owners.map((o) => `${o.name}（${shareText(o.shareBp)}）`).join('、') : t('room.noOwner')}
              </span>
            ),
          },
        ]}
      />
      {has('estate.manage') && (
        <Space style={{ marginTop: 16 }}>
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="room-edit">
            {t('common.edit')}
          </Button>
        </Space>
      )}
    </>
  );
}
