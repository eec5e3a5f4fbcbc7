import { Alert, App, Button, Checkbox, Empty, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../../../../shared/auth.ts';
import { useApiErrorHandler } from '../../../../shared/errors.ts';
import { YUAN_PATTERN } from '../../../../shared/money.ts';
import { useDownload } from '../../../../shared/useDownload.ts';
import { useBuildings } from '../../estate/api.ts';
import { useAttemptKey } from '../shared/attemptKey.ts';
import { fenOf, yuan } from '../shared/format.ts';
import {
  NOTICE_URL_ROOMS, noticePath, REMINDER_CHANNELS, usePreviewBatch, useSendBatch, type ReminderBatch, type ReminderBatchResult, type ReminderCandidate,
  type ReminderChannel,
} from './api.ts';
import { BillsSnapshot } from './BillsSnapshot.tsx';

interface Values { projectId?: string; buildingId?: string; minAmount?: string; channels: ReminderChannel[] }

/** 手动催缴: the server's list of owing rooms (project, building, minimum), then 立即催缴 to all or the ticked ones, and the notices to print. */
export function BatchTab({ projectId: headerProject }: { projectId: string }) {
  const { t } = useTranslation();
  const r = (k: string, o: Record<string, string | number> = {}) => t(`payFinance.reminders.${k}`, o);
  const me = useSignedInMe();
  const { modal, message } = App.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const projectId = Form.useWatch('projectId', form) ?? (headerProject || undefined);
  const buildings = useBuildings(projectId);
  const preview = usePreviewBatch();
  const send = useSendBatch();
  const attempt = useAttemptKey();
  const { download, busy } = useDownload();
  const [asked, setAsked] = useState<ReminderBatch | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [result, setResult] = useState<ReminderBatchResult | null>(null);

  const bodyOf = (v: Values): ReminderBatch | null => {
    const project = v.projectId ?? (headerProject || undefined);
    if (!project) return null;
    const min = fenOf(v.minAmount);
    return { projectId: project, ...(v.buildingId ? { buildingId: v.buildingId } : {}), ...(min ? { minAmountFen: min } : {}), channels: v.channels };
  };
  const find = async () => {
    const v = await form.validateFields();
    const body = bodyOf(v);
    if (!body) return void message.warning(r('pickProject'));
    setSelected([]);
    setResult(null);
    preview.mutate(body, { onSuccess: () => setAsked(body), onError: (e) => onError(e, { form }) });
  };
  const rooms = preview.data?.rooms ?? [];
  const chosen = selected.length ? rooms.filter((x) => selected.includes(x.roomId)) : rooms;
  const doSend = () => {
    if (!asked) return;
    const body: ReminderBatch = selected.length ? { projectId: asked.projectId, roomIds: selected, ...(asked.minAmountFen ? { minAmountFen: asked.minAmountFen } : {}), channels: asked.channels } : asked;
    const amount = yuan(chosen.reduce((s, x) => s + x.totalFen, 0));
    modal.confirm({
      title: r('batch.confirm', { rooms: chosen.length, amount }),
      onOk: () => send.mutateAsync({ body, key: attempt.keyFor(body) }).then((res) => {
        attempt.reset();
        setResult(res);
        void message.success(r('batch.sent', { count: res.count, recipients: res.recipients }));
      }, (e) => onError(e)),
    });
  };
  const print = (roomIds: string[]) => {
    if (!asked) return;
    const path = roomIds.length && roomIds.length <= NOTICE_URL_ROOMS ? noticePath({ roomIds }) : noticePath({ projectId: asked.projectId, buildingId: asked.buildingId, minAmountFen: asked.minAmountFen });
    void download('notice', path, '催缴通知单.pdf');
  };

  return (
    <>
      <Form form={form} layout="inline" initialValues={{ channels: ['inapp', 'sms'] }} style={{ marginBottom: 12, rowGap: 8 }}>
        {!headerProject && (
          <Form.Item name="projectId" rules={[{ required: true, message: r('pickProject') }]}>
            <Select placeholder={r('project')} style={{ width: 160 }} options={me.projects.map((p) => ({ value: p.id, label: p.name }))} data-testid="reminder-batch-project"
              onChange={() => form.setFieldValue('buildingId', undefined)} />
          </Form.Item>
        )}
        <Form.Item name="buildingId">
          <Select allowClear placeholder={r('batch.allBuildings')} style={{ width: 150 }} disabled={!projectId} data-testid="reminder-batch-building"
            options={(buildings.data ?? []).map((b) => ({ value: b.id, label: b.name }))} />
        </Form.Item>
        <Form.Item name="minAmount" rules={[{ pattern: YUAN_PATTERN, message: r('batch.amountInvalid') }]}>
          <Input placeholder={r('batch.minAmount')} style={{ width: 150 }} inputMode="decimal" data-testid="reminder-batch-min" />
        </Form.Item>
        <Form.Item name="channels" rules={[{ required: true, type: 'array', min: 1 }]}>
          <Checkbox.Group options={REMINDER_CHANNELS.map((c) => ({ value: c, label: r(`channel.${c}`) }))} data-testid="reminder-batch-channels" />
        </Form.Item>
        <Button type="primary" onClick={() => void find().catch(() => {})} loading={preview.isPending} data-testid="reminder-batch-preview">{r('batch.preview')}</Button>
      </Form>
      {result && (
        <Alert style={{ marginBottom: 12 }} type={result.unreachedRoomIds.length ? 'warning' : 'success'} showIcon data-testid="reminder-batch-result"
          message={r('batch.sent', { count: result.count, recipients: result.recipients })}
          description={result.unreachedRoomIds.length ? r('batch.unreached', { n: result.unreachedRoomIds.length }) : undefined}
          action={result.unreachedRoomIds.length ? <Button size="small" loading={busy === 'notice'} onClick={() => print(result.unreachedRoomIds)} data-testid="reminder-print-unreached">{r('print')}</Button> : undefined} />
      )}
      {preview.data && (
        rooms.length === 0 ? <Empty description={r('batch.none')} /> : (
          <>
            <Space style={{ marginBottom: 8 }} wrap>
              <Typography.Text data-testid="reminder-batch-summary">
                {r('batch.summary', { rooms: preview.data.roomCount, amount: yuan(preview.data.totalFen), unreachable: preview.data.unreachable })}
              </Typography.Text>
              <Button type="primary" danger onClick={doSend} loading={send.isPending} disabled={!!result && !selected.length} data-testid="reminder-batch-send">
                {selected.length ? r('batch.sendSelected', { n: selected.length }) : r('batch.send')}
              </Button>
              <Button onClick={() => print(selected.length ? selected : [])} loading={busy === 'notice'} data-testid="reminder-batch-print">{r('print')}</Button>
              <Typography.Text type="secondary">{r('batch.selectHint')}</Typography.Text>
            </Space>
            <Table<ReminderCandidate>
              rowKey="roomId" size="small" dataSource={rooms} data-testid="reminder-batch-table" pagination={{ pageSize: 50, showSizeChanger: false }}
              rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
              expandable={{ expandedRowRender: (x) => <BillsSnapshot bills={x.bills} /> }}
              columns={[
                { title: r('col.room'), dataIndex: 'code', render: (v: string) => <span data-testid={`reminder-candidate-${v}`}>{v}</span> },
                { title: r('col.building'), dataIndex: 'buildingName', render: (v: string | null) => v ?? '–' },
                { title: r('col.bills'), dataIndex: 'billCount', align: 'right' as const },
                { title: r('col.total'), dataIndex: 'totalFen', align: 'right' as const, render: (v: number) => <b>{yuan(v)}</b> },
                { title: r('col.oldest'), dataIndex: 'oldestDueDate' },
                { title: r('col.residents'), dataIndex: 'residents', align: 'right' as const, render: (v: number) => (v ? v : <Typography.Text type="warning">0</Typography.Text>) },
              ]}
            />
          </>
        )
      )}
    </>
  );
}
