import { Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { yuan } from '../../../../shared/money.ts';
import { useRoomBills, useRoomLedger, type Bill } from '../api-accounts.ts';
import { BillDetailDrawer } from '../bills/BillDetailDrawer.tsx';
import { periodText } from '../runs/labels.tsx';

/**
 * 账单 tab of the room drawer: the room's bills, newest first, each with what the ledger still holds
 * against it (posted late fee included; today's unposted late fee is in the bill's detail).
 */
export function RoomBillsPanel({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const bills = useRoomBills(roomId);
  const ledger = useRoomLedger(roomId);
  const [shown, setShown] = useState<string | null>(null);
  const owed = useMemo(() => {
    const m = new Map<string, number>();
    for (const e of ledger.data ?? []) if (e.account === 'receivable' && e.billId) m.set(e.billId, (m.get(e.billId) ?? 0) + e.amountFen);
    return m;
  }, [ledger.data]);
  return (
    <>
      <Table<Bill>
        rowKey="id" size="small" loading={bills.isPending} dataSource={bills.data ?? []} data-testid="room-bills"
        pagination={(bills.data?.length ?? 0) > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        onRow={(b) => ({ onClick: () => setShown(b.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('billing.standard.feeItem'), dataIndex: 'feeItemName' },
          { title: t('billing.run.period'), key: 'p', width: 200, render: (_: unknown, b: Bill) => periodText(b.periodFrom, b.periodTo) },
          { title: t('billing.run.dueDate'), dataIndex: 'dueDate', width: 100 },
          { title: t('billing.bill.principal'), dataIndex: 'principalFen', align: 'right', render: (v: number) => yuan(v) },
          { title: t('billing.bill.outstanding'), key: 'o', align: 'right', render: (_: unknown, b: Bill) => (ledger.data ? yuan(b.status === 'void' ? 0 : owed.get(b.id) ?? 0) : '…') },
          {
            title: t('common.status'), key: 's', width: 80,
            render: (_: unknown, b: Bill) => b.status === 'void' ? <Tag>{t('billing.bill.status.void')}</Tag>
              : (owed.get(b.id) ?? 0) > 0 ? <Tag color="warning">{t('billing.bill.status.unpaid')}</Tag> : <Tag color="success">{t('billing.bill.status.paid')}</Tag>,
          },
        ]}
      />
      <BillDetailDrawer id={shown} onClose={() => setShown(null)} />
    </>
  );
}
