import { Drawer, Result, Space, Spin, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../../shared/auth.ts';
import { RoomBillsPanel } from '../../billing/account/RoomBillsPanel.tsx';
import { RoomHeldPanel } from '../../billing/account/RoomHeldPanel.tsx';
import { RoomLedgerPanel } from '../../billing/account/RoomLedgerPanel.tsx';
import { RoomStatementPanel } from '../../billing/account/RoomStatementPanel.tsx';
import { RoomChargesPanel } from '../../billing/components/RoomChargesPanel.tsx';
import { useRoom } from '../api.ts';
import { RoomStatusTag } from '../labels.tsx';
import { RoomDetails } from './RoomDetails.tsx';
import { RoomFilesPanel } from './RoomFilesPanel.tsx';
import { RoomMovesPanel } from './RoomMovesPanel.tsx';
import { RoomPayersPanel } from './RoomPayersPanel.tsx';
import { RoomResidentsPanel } from './RoomResidentsPanel.tsx';
import { RoomStatusPanel } from './RoomStatusPanel.tsx';

type TabKey = 'details' | 'status' | 'residents' | 'moves' | 'payers' | 'charges' | 'bills' | 'ledger' | 'held' | 'statement' | 'files';

/** One room, opened from the grid or the list: details and edit, status with its history, residents and 过户, 入住 / 搬出, 付费人, 收费标准, the room's bills, ledger, prepaid/deposits and statement, 资料. */
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
              ? [
                  { key: 'charges', label: <span data-testid="room-tab-charges">{t('billing.standard.title')}</span>, children: <RoomChargesPanel roomId={r.id} /> },
                  { key: 'bills', label: <span data-testid="room-tab-bills">{t('billing.account.bills')}</span>, children: <RoomBillsPanel roomId={r.id} /> },
                  { key: 'ledger', label: <span data-testid="room-tab-ledger">{t('billing.account.ledger')}</span>, children: <RoomLedgerPanel roomId={r.id} /> },
                  { key: 'held', label: <span data-testid="room-tab-held">{t('billing.account.held')}</span>, children: <RoomHeldPanel roomId={r.id} /> },
                  { key: 'statement', label: <span data-testid="room-tab-statement">{t('billing.account.statement')}</span>, children: <RoomStatementPanel roomId={r.id} roomCode={r.code} /> },
                ]
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
