import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { yuan } from '../../../../shared/money.ts';
import type { LedgerEntry } from '../api-accounts.ts';

/** Ledger entries in posting order with the receivable balance after each (of a bill or of a room). */
export function LedgerTable({ entries, loading, testId, withAccount }: { entries: LedgerEntry[]; loading?: boolean; testId: string; withAccount?: boolean }) {
  const { t } = useTranslation();
  return (
    <Table<LedgerEntry>
      rowKey="id" size="small" loading={loading} dataSource={entries} data-testid={testId}
      pagination={entries.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      columns={[
        { title: t('billing.ledger.date'), dataIndex: 'entryDate', width: 110 },
        { title: t('billing.ledger.kindTitle'), dataIndex: 'kind', width: 110, render: (k: string, e: LedgerEntry) => `${t(`billing.ledger.kind.${k}`)}${e.migrated ? t('billing.ledger.migrated') : ''}` },
        ...(withAccount ? [{ title: t('billing.ledger.account'), dataIndex: 'account', width: 80, render: (a: string) => t(`billing.ledger.accountName.${a}`) }] : []),
        { title: t('billing.ledger.component'), dataIndex: 'component', width: 80, render: (c: string) => t(`billing.ledger.componentName.${c}`) },
        { title: t('billing.ledger.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => yuan(v) },
        { title: t('billing.ledger.balance'), dataIndex: 'receivableBalanceFen', align: 'right', render: (v: number) => yuan(v) },
        { title: t('billing.ledger.note'), dataIndex: 'note', ellipsis: true },
      ]}
    />
  );
}
