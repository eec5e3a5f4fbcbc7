import { Button, DatePicker, Select, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { RefreshButton } from '../../../../shared/ListControls.tsx';
import { formatDateTime } from '../../../../shared/time.ts';
import { useDownload } from '../../../../shared/useDownload.ts';
import { usePagedQuery } from '../../../../shared/usePagedQuery.ts';
import { yuan } from '../shared/format.ts';
import { noticePath, useReminders, type Reminder, type ReminderChannel, type ReminderQuery } from './api.ts';
import { BillsSnapshot } from './BillsSnapshot.tsx';
import { ChannelTags } from './RulesTab.tsx';

/** 催缴记录: server-paged, by business days and whether anyone was reached; unreached rooms print from here. */
export function HistoryTab({ projectId, showProject }: { projectId: string; showProject: boolean }) {
  const { t } = useTranslation();
  const r = (k: string, o: Record<string, string | number> = {}) => t(`payFinance.reminders.${k}`, o);
  const { query, filter, pagination } = usePagedQuery<ReminderQuery>();
  const list = useReminders({ ...query, projectId: projectId || undefined });
  const { download, busy } = useDownload();
  const onDays = (v: [Dayjs | null, Dayjs | null] | null) => filter({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') });
  const unreached = [...new Set((list.data?.items ?? []).filter((x) => x.recipients === 0).map((x) => x.roomId))];

  return (
    <>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginBottom: 12 }}>
        <DatePicker.RangePicker onChange={onDays} placeholder={[r('history.from'), r('history.to')]} data-testid="reminder-history-days" />
        <Select allowClear placeholder={r('history.reached')} style={{ width: 170 }} value={query.reached} onChange={(reached?: 'yes' | 'no') => filter({ reached })}
          options={[{ value: 'yes', label: r('history.reachedYes') }, { value: 'no', label: r('history.reachedNo') }]} data-testid="reminder-history-reached" />
        <RefreshButton query={list} />
        <Button disabled={!unreached.length} loading={busy === 'page'} onClick={() => void download('page', noticePath({ roomIds: unreached }), '催缴通知单.pdf')}
          data-testid="reminder-history-print">{r('history.printPage')}</Button>
      </div>
      <Table<Reminder>
        rowKey="id" size="middle" loading={list.isPending || list.isPlaceholderData} dataSource={list.data?.items ?? []} pagination={pagination(list.data?.total)}
        data-testid="reminder-history-table" scroll={{ x: 1000 }} expandable={{ expandedRowRender: (x) => <BillsSnapshot bills={x.bills} /> }}
        columns={[
          { title: r('col.sentAt'), dataIndex: 'sentAt', width: 165, render: (v: string) => formatDateTime(v) },
          { title: r('col.room'), dataIndex: 'roomCode', width: 110 },
          ...(showProject ? [{ title: r('project'), dataIndex: 'projectName', width: 120 }] : []),
          { title: r('col.source'), key: 'source', render: (_: unknown, x) => (x.ruleId ? (x.ruleName ?? r('col.deletedRule')) : r('col.manual')) },
          { title: r('col.bills'), dataIndex: 'billCount', width: 80, align: 'right' as const },
          { title: r('col.total'), dataIndex: 'totalFen', width: 130, align: 'right' as const, render: (v: number) => <b>{yuan(v)}</b> },
          { title: r('col.channels'), dataIndex: 'channels', width: 150, render: (v: ReminderChannel[]) => <ChannelTags channels={v} /> },
          { title: r('col.recipients'), dataIndex: 'recipients', width: 90, align: 'right' as const, render: (v: number) => (v ? v : <Typography.Text type="warning">0</Typography.Text>) },
          { title: r('col.sentBy'), dataIndex: 'sentByName', width: 100, render: (v: string | null) => v ?? r('col.system') },
          {
            title: '', key: 'print', width: 110, render: (_: unknown, x) => (
              <Button size="small" type="link" loading={busy === x.id} onClick={() => void download(x.id, noticePath({ roomIds: [x.roomId] }), `催缴通知单-${x.roomCode}.pdf`)}
                data-testid={`reminder-print-${x.roomCode}`}>{r('print')}</Button>
            ),
          },
        ]}
      />
    </>
  );
}
