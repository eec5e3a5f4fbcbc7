import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { yuan } from '../shared/format.ts';
import type { ReminderCandidate } from './api.ts';

type Bill = ReminderCandidate['bills'][number];

/** the bills a reminder named (oldest due first), as owed when it was sent */
export function BillsSnapshot({ bills }: { bills: Bill[] }) {
  const { t } = useTranslation();
  const c = (k: string) => t(`payFinance.reminders.col.${k}`);
  return (
    <Table<Bill>
      rowKey="billId" size="small" pagination={false} dataSource={bills}
      columns={[
        { title: c('fee'), dataIndex: 'feeItemName' },
        { title: c('period'), key: 'period', render: (_: unknown, b) => `${b.periodFrom} – ${b.periodTo}` },
        { title: c('due'), dataIndex: 'dueDate' },
        { title: c('principal'), dataIndex: 'principalFen', align: 'right' as const, render: (v: number) => yuan(v) },
        { title: c('lateFee'), dataIndex: 'lateFeeFen', align: 'right' as const, render: (v: number) => (v ? yuan(v) : '–') },
        { title: c('outstanding'), dataIndex: 'outstandingFen', align: 'right' as const, render: (v: number) => <b>{yuan(v)}</b> },
      ]}
    />
  );
}
