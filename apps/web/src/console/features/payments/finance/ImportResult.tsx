import { Alert, Button, Card, Col, Form, Input, Modal, Popconfirm, Row, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../../shared/errors.ts';
import { yuan } from '../../../../shared/money.ts';
import { useImport, useReconcileDay, useResolveItem, type StatementItem } from './api.ts';

const kindColor = { missing: 'orange', extra: 'red', amount_mismatch: 'magenta' } as const;

/** One import: the counts, the differences to resolve one by one, and 标记对账完成 once none is left. */
export function ImportResult({ id, skipped }: { id: string; skipped?: number }) {
  const { t } = useTranslation();
  const r = (k: string, o: Record<string, string | number> = {}) => t(`payFinance.recon.${k}`, o);
  const q = useImport(id);
  const reconcile = useReconcileDay();
  const resolve = useResolveItem();
  const onError = useApiErrorHandler();
  const [editing, setEditing] = useState<StatementItem | null>(null);
  const [form] = Form.useForm<{ note: string }>();
  const imp = q.data;
  if (!imp) return <Card loading />;
  const open = imp.status === 'open';

  const saveNote = async () => {
    const { note } = await form.validateFields();
    try {
      await resolve.mutateAsync({ itemId: editing!.id, note });
      setEditing(null);
    } catch (e) {
      onError(e, { form });
    }
  };

  return (
    <Card
      title={<Space>{r('result')} <Typography.Text type="secondary">{imp.statementDate} · {r(`providers.${imp.provider}`)} · {imp.fileName}</Typography.Text></Space>}
      extra={<Tag color={open ? 'processing' : 'success'} data-testid="recon-status">{r(`status.${imp.status}`)}</Tag>}
      data-testid="recon-result"
    >
      <Row gutter={16} style={{ marginBottom: 12 }}>
        <Col span={4}><Statistic title={r('rows')} value={imp.rowCount} /></Col>
        <Col span={4}><Statistic title={r('matched')} value={imp.matched} /></Col>
        <Col span={4}><Statistic title={r('matchedFen')} value={yuan(imp.matchedFen)} /></Col>
        <Col span={3}><Statistic title={r('missing')} value={imp.missing} valueStyle={imp.missing ? { color: '#d46b08' } : undefined} /></Col>
        <Col span={3}><Statistic title={r('extra')} value={imp.extra} valueStyle={imp.extra ? { color: '#cf1322' } : undefined} /></Col>
        <Col span={3}><Statistic title={r('mismatched')} value={imp.mismatched} valueStyle={imp.mismatched ? { color: '#c41d7f' } : undefined} /></Col>
        <Col span={3}><Statistic title={r('unresolved')} value={imp.unresolved} data-testid="recon-unresolved" /></Col>
      </Row>
      {skipped ? <Typography.Paragraph type="secondary">{r('skipped', { n: skipped })}</Typography.Paragraph> : null}
      <Table<StatementItem>
        rowKey="id" size="small" dataSource={imp.items} pagination={imp.items.length > 20 ? { pageSize: 20 } : false} data-testid="recon-items"
        columns={[
          { title: '', dataIndex: 'kind', width: 96, render: (k: StatementItem['kind']) => <Tag color={kindColor[k]}>{r(`kind.${k}`)}</Tag> },
          { title: r('txn'), dataIndex: 'providerTxnId', render: (v: string | null) => <Typography.Text copyable={!!v} code>{v ?? '—'}</Typography.Text> },
          { title: r('outTradeNo'), dataIndex: 'outTradeNo', render: (v: string | null) => v ?? '—' },
          { title: r('ours'), dataIndex: 'ourAmountFen', align: 'right', render: (v: number | null) => yuan(v) },
          { title: r('theirs'), dataIndex: 'theirAmountFen', align: 'right', render: (v: number | null) => yuan(v) },
          { title: r('room'), key: 'room', render: (_: unknown, x) => (x.roomCode ? `${x.projectName ?? ''} ${x.roomCode}` : '—') },
          {
            title: r('notifications'), key: 'n',
            render: (_: unknown, x) => x.notifications.map((n) => (
              <Tooltip key={n.id} title={`${dayjs(n.receivedAt).format('MM-DD HH:mm:ss')} ${n.detail ?? ''} ${n.amountFen !== null ? yuan(n.amountFen) : ''}`}>
                <Tag color="volcano">{n.verdict}</Tag>
              </Tooltip>
            )),
          },
          { title: r('note'), dataIndex: 'note', render: (v: string | null, x) => (x.resolved ? <Space><Tag color="success">{r('resolved')}</Tag>{v}</Space> : v) },
          {
            title: '', key: 'a', width: 80,
            render: (_: unknown, x) => open && (
              <Button size="small" data-testid={`recon-resolve-${x.providerTxnId}`} onClick={() => { form.setFieldsValue({ note: x.note ?? '' }); setEditing(x); }}>
                {r('resolve')}
              </Button>
            ),
          },
        ]}
      />
      {open ? (
        <div style={{ marginTop: 12, textAlign: 'right' }}>
          {imp.unresolved > 0 ? (
            <Tooltip title={r('reconcileBlocked', { n: imp.unresolved })}><Button disabled data-testid="recon-reconcile">{r('reconcile')}</Button></Tooltip>
          ) : (
            <Popconfirm title={r('reconcileConfirm')} onConfirm={() => reconcile.mutateAsync({ id: imp.id, version: imp.version }).catch((e) => onError(e))}>
              <Button type="primary" loading={reconcile.isPending} data-testid="recon-reconcile">{r('reconcile')}</Button>
            </Popconfirm>
          )}
        </div>
      ) : (
        <Alert style={{ marginTop: 12 }} type="success" showIcon data-testid="recon-done"
          message={r('reconciledBy', { name: imp.reconciledByName ?? '', at: dayjs(imp.reconciledAt).format('YYYY-MM-DD HH:mm') })} />
      )}
      <Modal open={!!editing} title={r('resolveTitle')} onCancel={() => setEditing(null)} onOk={saveNote} confirmLoading={resolve.isPending} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="note" label={r('note')} rules={[{ required: true, whitespace: true, max: 200 }]}>
            <Input.TextArea rows={3} placeholder={r('notePlaceholder')} data-testid="recon-note" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
