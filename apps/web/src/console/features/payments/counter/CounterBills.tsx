import { Descriptions, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { yuan } from '../../../../shared/money.ts';
import type { CounterBill, CounterRoom } from '../shared/api.ts';

/** the room at the counter: who owns it, what it holds in prepaid and deposit, what it owes */
export function CounterRoomHeader({ room }: { room: CounterRoom }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered data-testid="counter-room" data-code={room.code}
      items={[
        { key: 'room', label: t('payments.counter.room'), children: <b>{room.projectName} {room.buildingName ?? ''} {room.code}</b> },
        { key: 'owner', label: t('payments.counter.owner'), children: `${room.ownerName ?? '—'} ${room.ownerPhone ?? ''}` },
        { key: 'due', label: t('payments.counter.totalDue'), children: <Typography.Text type={room.totalDueFen > 0 ? 'danger' : undefined} strong data-testid="counter-room-due">¥{yuan(room.totalDueFen)}</Typography.Text> },
        { key: 'prepaid', label: t('payments.counter.prepaid'), children: <span data-testid="counter-room-prepaid">¥{yuan(room.prepaidFen)}</span> },
        { key: 'deposit', label: t('payments.counter.deposit'), children: `¥${yuan(room.depositFen)}` },
      ]} />
  );
}

/** a whole calendar month as "2026-10", otherwise "2026-10-05 – 2026-11-04" */
export function periodShort(from: string, to: string): string {
  const [y, m] = to.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return from.slice(0, 7) === to.slice(0, 7) && from.endsWith('-01') && Number(to.slice(8)) === last ? from.slice(0, 7) : `${from} – ${to}`;
}

/** unpaid bills, oldest due first; in 按账单 mode the checked ones are paid (all by default) */
export function CounterBills({ bills, selected, onSelect, selectable }: {
  bills: CounterBill[]; selected: string[]; onSelect: (ids: string[]) => void; selectable: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Table<CounterBill>
      rowKey="billId" size="small" pagination={false} dataSource={bills} data-testid="counter-bills" scroll={{ x: 560 }}
      locale={{ emptyText: t('payments.counter.noBills') }}
      rowSelection={selectable ? {
        selectedRowKeys: selected,
        // keep the server's order (oldest due first), whatever order the clicks came in
        onChange: (keys) => onSelect(bills.filter((b) => keys.includes(b.billId)).map((b) => b.billId)),
        getCheckboxProps: (b) => ({ 'data-testid': `counter-bill-check-${b.billId}` }) as never,
      } : undefined}
      onRow={(b) => ({ 'data-testid': 'counter-bill', 'data-bill': b.billId }) as never}
      columns={[
        { title: t('payments.bill.feeItem'), dataIndex: 'feeItemName' },
        { title: t('payments.bill.period'), key: 'p', render: (_: unknown, b: CounterBill) => periodShort(b.periodFrom, b.periodTo) },
        {
          title: t('payments.bill.dueDate'), dataIndex: 'dueDate',
          render: (d: string, b: CounterBill) => <span style={{ whiteSpace: 'nowrap' }}>{d} {b.overdue && <Tag color="error">{t('payments.bill.overdue')}</Tag>}</span>,
        },
        { title: t('payments.bill.principal'), dataIndex: 'principalOutstandingFen', align: 'right', render: (v: number) => yuan(v) },
        { title: t('payments.bill.lateFee'), dataIndex: 'lateFeeFen', align: 'right', render: (v: number) => (v ? yuan(v) : '–') },
        { title: t('payments.bill.total'), dataIndex: 'totalDueFen', align: 'right', render: (v: number) => <b>{yuan(v)}</b> },
      ]}
    />
  );
}
