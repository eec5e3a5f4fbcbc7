import { Alert, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { yuan } from '../../../../shared/money.ts';
import type { BillRunPreview } from '../api-accounts.ts';

type Item = BillRunPreview['items'][number];

/** 预览: per fee item the bills a run would write, their sum, the vacancy discount and the targets already billed. */
export function RunPreviewTable({ p }: { p: BillRunPreview }) {
  const { t } = useTranslation();
  return (
    <>
      <Table<Item>
        rowKey="feeItemId" size="small" pagination={false} dataSource={p.items} data-testid="run-preview"
        columns={[
          { title: t('billing.standard.feeItem'), dataIndex: 'feeItemName' },
          { title: t('billing.run.bills'), dataIndex: 'bills', align: 'right' },
          { title: t('billing.run.amount'), dataIndex: 'totalFen', align: 'right', render: (v: number) => yuan(v) },
          { title: t('billing.run.discount'), dataIndex: 'discountFen', align: 'right', render: (v: number) => yuan(v) },
          { title: t('billing.run.alreadyBilled'), dataIndex: 'alreadyBilled', align: 'right' },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}><b>{t('billing.run.total')}</b></Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right"><b data-testid="run-preview-bills">{p.bills}</b></Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right"><b data-testid="run-preview-total">{yuan(p.totalFen)}</b></Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right"><b>{yuan(p.discountFen)}</b></Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right"><b>{p.items.reduce((n, i) => n + i.alreadyBilled, 0)}</b></Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      {p.missingInsideArea > 0 && (
        <Alert style={{ marginTop: 8 }} type="warning" showIcon title={t('billing.run.missingInsideArea', { n: p.missingInsideArea })} />
      )}
    </>
  );
}
