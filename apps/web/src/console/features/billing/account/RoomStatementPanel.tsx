import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Descriptions, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../../shared/errors.ts';
import { yuan } from '../../../../shared/money.ts';
import { dayjs } from '../../../../shared/time.ts';
import { useDownload } from '../../../../shared/useDownload.ts';
import { useRoomStatement, type RoomStatement } from '../api-accounts.ts';

type Entry = RoomStatement['entries'][number];
type Subtotal = RoomStatement['subtotals'][number];

/** 对账单 tab: the room's receivable account over a range (this year by default) on screen, and as a PDF. */
export function RoomStatementPanel({ roomId, roomCode }: { roomId: string; roomCode: string }) {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const [asked, setAsked] = useState(false);
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const q = useRoomStatement(roomId, from, to, asked);
  const { download, busy } = useDownload();
  const s = q.data;
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker value={range} allowClear={false} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} data-testid="statement-range" />
        <Button onClick={() => { setAsked(true); void q.refetch(); }} loading={q.isFetching} data-testid="statement-show">{t('billing.statement.show')}</Button>
        <Button icon={<DownloadOutlined />} loading={busy === 'pdf'} data-testid="statement-pdf"
          onClick={() => void download('pdf', `/api/rooms/${roomId}/statement.pdf`, `对账单-${roomCode}-${from}-${to}.pdf`, { query: { from, to } })}>
          {t('billing.statement.pdf')}
        </Button>
      </Space>
      {q.isError && <Alert type="error" showIcon title={errorText(t, q.error)} />}
      {s && <StatementView s={s} />}
    </>
  );
}

export function StatementView({ s }: { s: RoomStatement }) {
  const { t } = useTranslation();
  return (
    <div data-testid="statement">
      <Descriptions size="small" column={2} bordered items={[
        { key: 'o', label: t('billing.statement.opening'), children: <span data-testid="statement-opening">{yuan(s.openingBalanceFen)}</span> },
        { key: 'c', label: t('billing.statement.closing'), children: <b data-testid="statement-closing">{yuan(s.closingBalanceFen)}</b> },
        { key: 'p', label: t('billing.statement.prepaid'), children: yuan(s.prepaidBalanceFen) },
        { key: 'd', label: t('billing.statement.deposit'), children: yuan(s.depositBalanceFen) },
      ]} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>{t('billing.statement.subtotals')}</Typography.Title>
      <Table<Subtotal> rowKey={(r) => r.feeItemId ?? '-'} size="small" pagination={false} dataSource={s.subtotals} data-testid="statement-subtotals" columns={[
        { title: t('billing.standard.feeItem'), dataIndex: 'feeItemName' },
        { title: t('billing.statement.charged'), dataIndex: 'chargedFen', align: 'right', render: (v: number) => yuan(v) },
        { title: t('billing.statement.lateFee'), dataIndex: 'lateFeeFen', align: 'right', render: (v: number) => yuan(v) },
        { title: t('billing.statement.paid'), dataIndex: 'paidFen', align: 'right', render: (v: number) => yuan(v) },
        { title: t('billing.statement.waived'), dataIndex: 'waivedFen', align: 'right', render: (v: number) => yuan(v) },
        { title: t('billing.statement.net'), dataIndex: 'netFen', align: 'right', render: (v: number) => yuan(v) },
      ]} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>{t('billing.statement.entries')}</Typography.Title>
      <Table<Entry> rowKey="id" size="small" dataSource={s.entries} data-testid="statement-entries"
        pagination={s.entries.length > 50 ? { pageSize: 50, showSizeChanger: false } : false} columns={[
          { title: t('billing.ledger.date'), dataIndex: 'entryDate', width: 100 },
          { title: t('billing.standard.feeItem'), dataIndex: 'feeItemName' },
          { title: t('billing.run.period'), key: 'p', render: (_: unknown, e: Entry) => (e.periodFrom ? `${e.periodFrom} – ${e.periodTo}` : '') },
          { title: t('billing.ledger.kindTitle'), dataIndex: 'kind', width: 90, render: (v: string) => t(`billing.ledger.kind.${v}`) },
          { title: t('billing.ledger.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => yuan(v) },
          { title: t('billing.statement.balance'), dataIndex: 'balanceFen', align: 'right', render: (v: number) => yuan(v) },
        ]} />
    </div>
  );
}
