import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { RoomChargesPanel } from '../components/RoomChargesPanel.tsx';
import { RoomBillsPanel } from './RoomBillsPanel.tsx';
import { RoomHeldPanel } from './RoomHeldPanel.tsx';
import { RoomLedgerPanel } from './RoomLedgerPanel.tsx';
import { RoomStatementPanel } from './RoomStatementPanel.tsx';

/** The room drawer's 收费 tab: its standards, bills, ledger, prepaid/deposits and statement, one row of tabs of its own so the drawer's row stays readable. */
export function RoomBillingPanel({ roomId, roomCode }: { roomId: string; roomCode: string }) {
  const { t } = useTranslation();
  return (
    <Tabs
      size="small"
      items={[
        { key: 'charges', label: <span data-testid="room-tab-charges">{t('billing.standard.title')}</span>, children: <RoomChargesPanel roomId={roomId} /> },
        { key: 'bills', label: <span data-testid="room-tab-bills">{t('billing.account.bills')}</span>, children: <RoomBillsPanel roomId={roomId} /> },
        { key: 'ledger', label: <span data-testid="room-tab-ledger">{t('billing.account.ledger')}</span>, children: <RoomLedgerPanel roomId={roomId} /> },
        { key: 'held', label: <span data-testid="room-tab-held">{t('billing.account.held')}</span>, children: <RoomHeldPanel roomId={roomId} /> },
        { key: 'statement', label: <span data-testid="room-tab-statement">{t('billing.account.statement')}</span>, children: <RoomStatementPanel roomId={roomId} roomCode={roomCode} /> },
      ]}
    />
  );
}
