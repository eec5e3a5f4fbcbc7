import { useTranslation } from 'react-i18next';
import { Typography } from 'antd';
import { yuan } from '../../../../shared/money.ts';
import { useRoomLedger } from '../api-accounts.ts';
import { LedgerTable } from '../bills/LedgerTable.tsx';

/** 台账 tab: every entry of the room in posting order, the receivable balance running after each. */
export function RoomLedgerPanel({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const q = useRoomLedger(roomId);
  const entries = q.data ?? [];
  return (
    <>
      <Typography.Paragraph>
        {t('billing.ledger.balance')}: <b data-testid="room-ledger-balance">{yuan(entries.at(-1)?.receivableBalanceFen ?? 0)}</b>
      </Typography.Paragraph>
      <LedgerTable entries={entries} loading={q.isPending} testId="room-ledger" withAccount />
    </>
  );
}
