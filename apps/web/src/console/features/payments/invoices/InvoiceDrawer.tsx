import { Alert, App, Button, Descriptions, Drawer, Form, Input, Modal, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../../shared/errors.ts';
import { yuan } from '../../../../shared/money.ts';
import { runSubmit } from '../../../../shared/runSubmit.ts';
import { formatDateTime } from '../../../../shared/time.ts';
import { useDownload } from '../../../../shared/useDownload.ts';
import { useAttemptKey } from '../shared/attemptKey.ts';
import { useInvoice, useRedInvoice, useRetryInvoice, type InvoiceDetail } from './api.ts';
import { InvoiceKindTag, InvoiceStatusTag } from './labels.tsx';

type Line = InvoiceDetail['lines'][number];
const rate = (bp: number) => `${bp % 100 === 0 ? bp / 100 : (bp / 100).toFixed(2)}%`;

/** 红冲 with a reason: the whole invoice, its payments can be invoiced again. */
function RedModal({ inv, onClose, onDone }: { inv: InvoiceDetail | null; onClose: () => void; onDone: (redId: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const red = useRedInvoice();
  const attempt = useAttemptKey();
  const [form] = Form.useForm<{ reason: string }>();
  const submit = async () => {
    const { reason } = await form.validateFields();
    const body = { id: inv!.id, reason: reason.trim() };
    red.mutate({ ...body, key: attempt.keyFor(body) }, {
      onSuccess: (r) => { attempt.reset(); void message.success(t('payAfter.invoices.red.doneMsg')); form.resetFields(); onDone(r.id); },
      onError: (e) => onError(e, { form }),
    });
  };
  return (
    <Modal open={!!inv} title={t('payAfter.invoices.red.title')} onCancel={onClose} onOk={runSubmit(submit)} confirmLoading={red.isPending} forceRender
      okButtonProps={{ danger: true, 'data-testid': 'invoice-red-submit' }} okText={t('payAfter.invoices.red.submit')}>
      {inv && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('payAfter.invoices.red.explain', { no: inv.invoiceNo, amount: yuan(inv.amountFen) })} />}
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('payAfter.invoices.red.reason')} rules={[{ required: true, whitespace: true, message: t('payAfter.invoices.red.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={200} data-testid="invoice-red-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 发票详情: buyer, number and check code, lines with 税率 / 税额, the payments it covers; PDF, 红冲, 重新开具. */
export function InvoiceDrawer({ id, onClose, onOpen }: { id: string | null; onClose: () => void; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const detail = useInvoice(id);
  const retry = useRetryInvoice();
  const { download, busy } = useDownload();
  const [reversing, setReversing] = useState<InvoiceDetail | null>(null);
  const inv = detail.data;
  const name = inv ? `${inv.kind === 'red' ? t('payAfter.invoices.kind.red') : t('payAfter.invoices.title')}-${inv.invoiceNo}.pdf` : '';

  return (
    <Drawer open={!!id} onClose={onClose} width={720} title={t('payAfter.invoices.detail')} loading={detail.isPending} data-testid="invoice-drawer"
      extra={inv && (
        <Space>
          {inv.hasPdf && (
            <Button onClick={() => void download('pdf', `/api/invoices/${inv.id}/pdf`, name)} loading={busy === 'pdf'} data-testid="invoice-pdf">{t('payAfter.invoices.pdf')}</Button>
          )}
          {inv.abilities.retry && (
            <Button loading={retry.isPending} data-testid="invoice-retry"
              onClick={() => retry.mutate({ id: inv.id }, { onSuccess: () => void message.success(t('payAfter.invoices.retriedMsg')), onError: (e) => onError(e) })}>
              {t('payAfter.invoices.retry')}
            </Button>
          )}
          {inv.abilities.red && <Button danger onClick={() => setReversing(inv)} data-testid="invoice-red">{t('payAfter.invoices.red.action')}</Button>}
        </Space>
      )}>
      {inv && (
        <>
          {inv.status === 'failed' && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={t('payAfter.invoices.failed')} description={inv.failReason} />}
          <Descriptions size="small" column={2} bordered items={[
            { key: 'kind', label: t('payAfter.invoices.col.kind'), children: <InvoiceKindTag kind={inv.kind} /> },
            { key: 'status', label: t('common.status'), children: <InvoiceStatusTag inv={inv} /> },
            { key: 'no', label: t('payAfter.invoices.col.invoiceNo'), children: <span data-testid="invoice-no">{inv.invoiceNo ?? '—'}</span> },
            { key: 'check', label: t('payAfter.invoices.col.checkCode'), children: inv.checkCode ?? '—' },
            { key: 'room', label: t('payAfter.invoices.col.room'), children: `${inv.projectName} ${inv.roomCode}` },
            { key: 'issued', label: t('payAfter.invoices.col.issuedAt'), children: formatDateTime(inv.issuedAt) },
            { key: 'buyer', label: t('payAfter.invoices.col.buyer'), children: `${inv.buyerName}（${t(`payAfter.invoices.buyerType.${inv.buyerType}`)}）` },
            { key: 'tax', label: t('payAfter.invoices.form.buyerTaxId'), children: inv.buyerTaxId ?? '—' },
            { key: 'email', label: t('payAfter.invoices.form.buyerEmail'), children: inv.buyerEmail ?? '—' },
            { key: 'amount', label: t('payAfter.invoices.col.amount'), children: <b>{yuan(inv.amountFen)}</b> },
            ...(inv.redOf ? [{ key: 'redOf', label: t('payAfter.invoices.redOf'), children: <Button type="link" size="small" onClick={() => onOpen(inv.redOf!)}>{t('payAfter.invoices.open')}</Button> }] : []),
            ...(inv.reversedBy ? [{ key: 'rev', label: t('payAfter.invoices.reversedBy'), children: <Button type="link" size="small" onClick={() => onOpen(inv.reversedBy!)} data-testid="invoice-open-red">{t('payAfter.invoices.open')}</Button> }] : []),
          ]} />
          <h4 style={{ marginTop: 16 }}>{t('payAfter.invoices.lines')}</h4>
          <Table<Line> rowKey="feeItemId" size="small" pagination={false} dataSource={inv.lines} data-testid="invoice-lines"
            columns={[
              { title: t('payAfter.invoices.line.name'), key: 'n', render: (_: unknown, l: Line) => `*${l.invoiceCategory}*${l.name}` },
              { title: t('payAfter.invoices.line.net'), key: 'net', align: 'right', render: (_: unknown, l: Line) => yuan(l.amountFen - l.taxFen) },
              { title: t('payAfter.invoices.line.rate'), dataIndex: 'taxRateBp', align: 'right', render: (v: number) => rate(v) },
              { title: t('payAfter.invoices.line.tax'), dataIndex: 'taxFen', align: 'right', render: (v: number) => yuan(v) },
              { title: t('payAfter.invoices.line.total'), dataIndex: 'amountFen', align: 'right', render: (v: number) => yuan(v) },
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>{t('payAfter.invoices.line.sum')}</Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">{yuan(inv.amountFen - inv.taxFen)}</Table.Summary.Cell>
                <Table.Summary.Cell index={2} />
                <Table.Summary.Cell index={3} align="right">{yuan(inv.taxFen)}</Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right"><b>{yuan(inv.amountFen)}</b></Table.Summary.Cell>
              </Table.Summary.Row>
            )} />
          <h4 style={{ marginTop: 16 }}>{t('payAfter.invoices.payments')}</h4>
          <Table rowKey="paymentId" size="small" pagination={false} dataSource={inv.payments}
            columns={[
              { title: t('payAfter.invoices.col.receipt'), dataIndex: 'receiptNumber', render: (v: string | null) => v ?? '—' },
              { title: t('payAfter.invoices.col.businessDate'), dataIndex: 'businessDate' },
              { title: t('payAfter.invoices.col.channel'), dataIndex: 'channel', render: (c: string) => t(`payments.channel.${c}`, { defaultValue: c }) },
              { title: t('payAfter.invoices.col.invoiced'), dataIndex: 'amountFen', align: 'right', render: (v: number) => yuan(v) },
            ]} />
        </>
      )}
      <RedModal inv={reversing} onClose={() => setReversing(null)} onDone={(redId) => { setReversing(null); onOpen(redId); }} />
    </Drawer>
  );
}
