import { Alert, Button, Card, Col, Descriptions, Form, Input, Row, Select, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../../shared/auth.ts';
import { useApiErrorHandler } from '../../../../shared/errors.ts';
import { fenOf, yuan, YUAN_PATTERN } from '../../../../shared/money.ts';
import { useCreateShift, useShiftPreview, useShifts, type Shift } from './api.ts';
import { FinanceProjectFilter } from './DailyTab.tsx';

const time = (s: string) => dayjs(s).format('MM-DD HH:mm');

function Difference({ fen }: { fen: number | null }) {
  const { t } = useTranslation();
  if (fen === null) return <>{t('payFinance.reports.shift.none')}</>;
  const kind = fen > 0 ? 'over' : fen < 0 ? 'short' : 'even';
  return <Tag color={kind === 'even' ? 'success' : 'error'} data-testid="shift-difference">{t(`payFinance.reports.shift.${kind}`)} {yuan(Math.abs(fen))}</Tag>;
}

/** 交班: what this shift took (server-computed), the cash counted, who takes over; then the history. */
export function ShiftTab() {
  const { t } = useTranslation();
  const s = (k: string, o: Record<string, string | number> = {}) => t(`payFinance.reports.shift.${k}`, o);
  const { has } = usePermissions();
  const canCollect = has('payment.collect');
  const [projectId, setProjectId] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const preview = useShiftPreview(projectId, canCollect);
  const list = useShifts(page, projectId);
  const create = useCreateShift();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<{ cash?: string; handedTo?: string; note?: string }>();
  const [done, setDone] = useState<Shift | null>(null);
  const p = preview.data;

  const submit = async (v: { cash?: string; handedTo?: string; note?: string }) => {
    try {
      const cashCountedFen = v.cash ? fenOf(v.cash) ?? undefined : undefined;
      setDone(await create.mutateAsync({ projectId: p!.projectId, cashCountedFen, handedTo: v.handedTo, note: v.note || undefined }));
      form.resetFields();
    } catch (e) {
      onError(e, { form });
    }
  };

  return (
    <>
      <div style={{ marginBottom: 12 }}><FinanceProjectFilter value={projectId} onChange={setProjectId} allowClear={false} /></div>
      {canCollect && (
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col xs={24} lg={12}>
            <Card size="small" title={s('current')} loading={preview.isPending} data-testid="shift-preview">
              {p && (
                <Descriptions size="small" column={2} items={[
                  { key: 'w', label: s('from'), children: s('window', { from: time(p.fromAt) }), span: 2 },
                  { key: 't', label: s('taken'), children: `${yuan(p.totals.amountFen)}（${t('payFinance.reports.count', { n: p.totals.count })}）` },
                  ...(['cash', 'transfer', 'pos', 'online'] as const).map((c) => ({ key: c, label: t(`payments.channel.${c}`), children: yuan(p.totals.byChannel[c]) })),
                  { key: 'v', label: s('voids'), children: yuan(p.totals.voidsFen) },
                  { key: 'r', label: s('refunds'), children: yuan(p.totals.refundsFen) },
                  { key: 'e', label: s('expectedCash'), children: <b data-testid="shift-expected">{yuan(p.totals.expectedCashFen)}</b> },
                ]} />
              )}
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={s('submit')}>
              {done && <Alert type="success" showIcon closable onClose={() => setDone(null)} style={{ marginBottom: 12 }}
                message={<>{s('done')} · {s('difference')} <Difference fen={done.cashDifferenceFen} /></>} />}
              <Form form={form} layout="vertical" onFinish={submit} data-testid="shift-form">
                <Form.Item name="cash" label={s('cashCounted')} rules={[{ pattern: YUAN_PATTERN, message: s('cashInvalid') }]}>
                  <Input inputMode="decimal" data-testid="shift-cash" />
                </Form.Item>
                <Form.Item name="handedTo" label={s('handedTo')}>
                  <Select allowClear showSearch optionFilterProp="label" data-testid="shift-handed-to"
                    options={(p?.colleagues ?? []).map((c) => ({ value: c.userId, label: c.name }))} />
                </Form.Item>
                <Form.Item name="note" label={s('note')} rules={[{ max: 200 }]}><Input.TextArea rows={2} /></Form.Item>
                <Button type="primary" htmlType="submit" loading={create.isPending} disabled={!p} data-testid="shift-submit">{s('submit')}</Button>
              </Form>
            </Card>
          </Col>
        </Row>
      )}
      <Card size="small" title={s('history')}>
        <Table<Shift> rowKey="id" size="small" loading={list.isPending} dataSource={list.data?.items ?? []} data-testid="shift-history"
          pagination={{ current: page, pageSize: 10, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: t('payFinance.reports.cashier'), dataIndex: 'cashierName' },
            { title: t('payFinance.reports.project'), dataIndex: 'projectName' },
            { title: s('from'), dataIndex: 'fromAt', render: time },
            { title: s('to'), dataIndex: 'toAt', render: time },
            { title: s('taken'), key: 'a', align: 'right', render: (_: unknown, x) => yuan(x.totals.amountFen) },
            { title: s('expectedCash'), key: 'e', align: 'right', render: (_: unknown, x) => yuan(x.totals.expectedCashFen) },
            { title: s('cashCounted'), dataIndex: 'cashCountedFen', align: 'right', render: (v: number | null) => yuan(v) },
            { title: s('difference'), dataIndex: 'cashDifferenceFen', render: (v: number | null) => <Difference fen={v} /> },
            { title: s('handedTo'), dataIndex: 'handedToName', render: (v: string | null) => v ?? s('none') },
            { title: s('note'), dataIndex: 'note' },
          ]} />
      </Card>
    </>
  );
}
