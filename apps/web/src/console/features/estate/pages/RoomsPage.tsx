import { Button, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RefreshButton, ValueFilter } from '../../../../shared/ListControls.tsx';
import { PageHead } from '../../../../shared/PageHead.tsx';
import { usePagedQuery } from '../../../../shared/usePagedQuery.ts';
import { useBuildings, useRooms, type RoomQuery } from '../api.ts';
import { PHONE } from '../api-people.ts';
import { ImportExportSlot } from '../components/ImportExportSlot.tsx';
import { useCurrentProject } from '../components/ProjectRequired.tsx';
import { RoomDrawer } from '../components/RoomDrawer.tsx';
import { ROOM_STATUSES, RoomStatusTag } from '../labels.tsx';
import type { Room } from '../types.ts';
import '../estate.css';

interface Search {
  q: string;
  owner: string;
  phone: string;
}

/** 房屋列表: filter by building, status, room code, current owner's name or phone; a row opens the room drawer. */
export default function RoomsPage() {
  const { t } = useTranslation();
  const project = useCurrentProject();
  const { query, filter, pagination } = usePagedQuery<RoomQuery>();
  const rooms = useRooms(query);
  const buildings = useBuildings(project.id || undefined);
  const [search, setSearch] = useState<Search>({ q: '', owner: '', phone: '' });
  const [roomId, setRoomId] = useState<string | null>(null);
  const phoneInvalid = search.phone.trim() !== '' && !PHONE.test(search.phone.trim());
  const buildingName = new Map((buildings.data ?? []).map((b) => [b.id, b.name]));
  const projectName = new Map(project.projects.map((p) => [p.id, p.name]));
  const unitName = new Map((buildings.data ?? []).flatMap((b) => b.units.map((u) => [u.id, u.name] as const)));

  const apply = () => {
    if (phoneInvalid) return;
    filter({ q: search.q.trim() || undefined, owner: search.owner.trim() || undefined, phone: search.phone.trim() || undefined });
  };
  const field = (key: keyof Search) => ({
    value: search[key],
    onChange: (e: { target: { value: string } }) => setSearch((s) => ({ ...s, [key]: e.target.value })),
    onPressEnter: apply,
    allowClear: true,
  });

  return (
    <>
      <PageHead title={t('room.listTitle')}>
        <ImportExportSlot entity="rooms" filters={{ ...query }} />
        <RefreshButton query={rooms} />
      </PageHead>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={project.id ? t('room.filterBuilding') : t('room.filterBuildingNeedsProject')}
          disabled={!project.id}
          options={(buildings.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
          value={query.buildingId}
          onChange={(buildingId?: string) => filter({ buildingId })}
          data-testid="rooms-building"
        />
        <ValueFilter
          values={ROOM_STATUSES}
          labelPrefix="roomStatus"
          placeholder={t('room.filterStatus')}
          value={query.status}
          onChange={(status) => filter({ status })}
          width={120}
          testId="rooms-status"
        />
        <Input placeholder={t('room.searchCode')} style={{ width: 140 }} {...field('q')} data-testid="rooms-code" />
        <Input placeholder={t('room.searchOwner')} style={{ width: 140 }} {...field('owner')} data-testid="rooms-owner" />
        <Input
          placeholder={t('room.searchPhone')}
          style={{ width: 160 }}
          maxLength={11}
          inputMode="tel"
          status={phoneInvalid ? 'error' : undefined}
          title={phoneInvalid ? t('validation.invalid_phone') : undefined}
          {...field('phone')}
          data-testid="rooms-phone"
        />
        <Button type="primary" onClick={apply} disabled={phoneInvalid} data-testid="rooms-search">
          {t('common.search')}
        </Button>
      </Space>
      <Table<Room>
        rowKey="id"
        size="middle"
        loading={rooms.isPending || rooms.isPlaceholderData}
        dataSource={rooms.data?.items ?? []}
        pagination={pagination(rooms.data?.total)}
        rowClassName={() => 'estate-clickable-row'}
        onRow={(r) => ({ onClick: () => setRoomId(r.id), 'data-testid': `room-row-${r.code}` }) as object}
        data-testid="rooms-table"
        columns={[
          { title: t('room.code'), dataIndex: 'code', width: 120 },
          // across all projects (HQ) the project says more than a building name would
          ...(project.id ? [] : [{ title: t('layout.project'), dataIndex: 'projectId', render: (id: string) => projectName.get(id) ?? '—' }]),
          { title: t('room.building'), dataIndex: 'buildingId', render: (id: string) => buildingName.get(id) ?? '—' },
          { title: t('room.unit'), dataIndex: 'unitId', render: (id: string | null) => (id ? (unitName.get(id) ?? '—') : '—') },
          { title: t('relation.owner'), dataIndex: 'ownerName', render: (v: string | null) => v ?? '—' },
          { title: t('person.phone'), dataIndex: 'ownerPhone', width: 130, render: (v: string | null) => v ?? '—' },
          { title: t('room.floor'), dataIndex: 'floor', width: 70, align: 'right' },
          { title: t('room.type'), dataIndex: 'type', render: (v: Room['type']) => t(`roomType.${v}`) },
          { title: t('room.buildingArea'), dataIndex: 'buildingArea', align: 'right', render: (v: string) => `${v} m²` },
          { title: t('room.insideArea'), dataIndex: 'insideArea', align: 'right', render: (v: string | null) => (v ? `${v} m²` : '—') },
          { title: t('common.status'), dataIndex: 'status', width: 90, render: (s: Room['status']) => <RoomStatusTag status={s} /> },
        ]}
      />
      <RoomDrawer roomId={roomId} onClose={() => setRoomId(null)} />
    </>
  );
}
