import { Drawer, Result, Space, Spin, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../../shared/auth.ts';
import { RoomBillingPanel } from '../../billing/account/RoomBillingPanel.tsx';
import { useRoom } from '../api.ts';
import { RoomStatusTag } from '../labels.tsx';
import { RoomDetails } from './RoomDetails.tsx';
import { RoomFilesPanel } from './RoomFilesPanel.tsx';
import { RoomMovesPanel } from './RoomMovesPanel.tsx';
import { RoomPayersPanel } from './RoomPayersPanel.tsx';
import { RoomResidentsPanel } from './RoomResidentsPanel.tsx';
import { RoomStatusPanel } from './RoomStatusPanel.tsx';

type TabKey = 'details' | 'status' | 'residents' | 'moves' | 'payers' | 'billing' | 'files';

/** One room, opened from the grid or the list: details and edit, status with its history, residents and 过户, 入住 / 搬出, 付费人, 收费 (standards, bills, ledger, prepaid/deposits, statement), 资料. */
export function RoomDrawer({ roomId, onClose }: { roomId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const room = useRoom(roomId);
  const { has } = usePermissions();
  const [tab, setTab] = useState<TabKey>('details');

  useEffect(() => {
    if (roomId) setTab('details');
  }, [roomId]);

  const r = room.data;
  return (
    <Drawer
      open={!!roomId}
      onClose={onClose}
      size={680}
      destroyOnHidden
      title={
        r ? (
          <Space>
            <span data-testid="room-drawer-code">{r.code}</span>
            <RoomStatusTag status={r.status} />
          </Space>
        ) : (
          t('room.title')
        )
      }
    >
      {room.isError ? (
        <Result status="404" subTitle={t('error.notFound')} />
      ) : !r ? (
        <Spin />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as TabKey)}
          items={[
            { key: 'details', label: t('room.tabDetails'), children: <RoomDetails room={r} /> },
            { key: 'status', label: <span data-testid="room-tab-status">{t('room.tabStatus')}</span>, children: <RoomStatusPanel room={r} /> },
            { key: 'residents', label: <span data-testid="room-tab-residents">{t('room.tabResidents')}</span>, children: <RoomResidentsPanel room={r} /> },
            { key: 'moves', label: <span data-testid="room-tab-moves">{t('move.tab')}</span>, children: <RoomMovesPanel room={r} /> },
            { key: 'payers', label: <span data-testid="room-tab-payers">{t('payer.tab')}</span>, children: <RoomPayersPanel room={r} /> },
            ...(has('billing.read')
              ? [{ key: 'billing', label: <span data-testid="room-tab-billing">{t('billing.account.tab')}</span>, children: <RoomBillingPanel roomId={r.id} roomCode={r.code} /> }]
              : []),
            // documents are identity papers: readable with estate.manage only (decisions §19)
            ...(has('estate.manage')
              ? [{ key: 'files', label: <span data-testid="room-tab-files">{t('roomFiles.tab')}</span>, children: <RoomFilesPanel room={r} /> }]
              : []),
          ]}
        />
      )}
    </Drawer>
  );
}
