import { App, Empty, Form, Input, Modal, Radio, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../../shared/errors.ts';
import { yuan } from '../../../../shared/money.ts';
import { runSubmit } from '../../../../shared/runSubmit.ts';
import { useAttemptKey } from '../shared/attemptKey.ts';
import { RoomPicker } from '../shared/RoomPicker.tsx';
import { useInvoiceable, useRequestInvoice, type InvoiceablePayment } from './api.ts';

/** 纳税人识别号: 15, 18 or 20 digits / capitals (the server's contract says the same) */
export const TAX_ID = /^(?:[0-9A-Z]{15}|[0-9A-Z]{18}|[0-9A-Z]{20})$/;

interface Values { buyerType: 'personal' | 'company'; buyerName: string; buyerTaxId?: string; buyerEmail?: string }

/** 开票: a room (code, owner or phone), its payments not invoiced yet (ticked), the buyer (抬头). */
export function NewInvoiceModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (id: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [roomId, setRoomId] = useState<string | null>(null);
  const payments = useInvoiceable(roomId);
  const [picked, setPicked] = useState<string[]>([]);
  const request = useRequestInvoice();
  const attempt = useAttemptKey();
  const [form] = Form.useForm<Values>();
  const buyerType = Form.useWatch('buyerType', form);
  const items = payments.data?.items ?? [];
  const total = items.filter((p) => picked.includes(p.paymentId)).reduce((s, p) => s + p.invoiceableFen, 0);

  const close = () => { form.resetFields(); setRoomId(null); setPicked([]); onClose(); };
  const submit = async () => {
    const v = await form.validateFields();
    if (picked.length === 0) { void message.warning(t('payAfter.invoices.form.pickPayments')); return; }
    const body = {
      paymentIds: picked, buyerType: v.buyerType, buyerName: v.buyerName.trim(),
      ...(v.buyerTaxId?.trim() ? { buyerTaxId: v.buyerTaxId.trim().toUpperCase() } : {}), ...(v.buyerEmail?.trim() ? { buyerEmail: v.buyerEmail.trim() } : {}),
    };
    request.mutate({ body, key: attempt.keyFor(body) }, {
      onSuccess: (inv) => {
        attempt.reset();
        void message.success(t(inv.status === 'failed' ? 'payAfter.invoices.form.failedMsg' : 'payAfter.invoices.form.submittedMsg'));
        close();
        onDone(inv.id);
      },
      onError: (e) => onError(e, { form }),
    });
  };

  return (
    <Modal open={open} title={t('payAfter.invoices.create')} onCancel={close} onOk={runSubmit(submit)} confirmLoading={request.isPending} width={760} destroyOnHidden
      okText={t('payAfter.invoices.form.submit')} okButtonProps={{ disabled: picked.length === 0, 'data-testid': 'invoice-submit' }}>
      <Form form={form} layout="vertical" initialValues={{ buyerType: 'personal' }}>
        <Form.Item label={t('payAfter.invoices.form.room')} required>
          <RoomPicker value={roomId} onChange={(id) => { setRoomId(id); setPicked([]); }} placeholder={t('payAfter.invoices.form.roomSearch')} testId="invoice-room" />
        </Form.Item>
        {roomId && (
          items.length === 0 && !payments.isPending
            ? <Empty description={t('payAfter.invoices.form.noPayments')} style={{ marginBottom: 16 }} />
            : (
              <Table<InvoiceablePayment> rowKey="paymentId" size="small" pagination={false} loading={payments.isPending} dataSource={items} scroll={{ y: 240 }}
                style={{ marginBottom: 16 }} data-testid="invoice-payments"
                rowSelection={{ selectedRowKeys: picked, onChange: (keys) => setPicked(keys as string[]) }}
                columns={[
                  { title: t('payAfter.invoices.col.receipt'), dataIndex: 'receiptNumber', render: (v: string | null) => v ?? '—' },
                  { title: t('payAfter.invoices.col.businessDate'), dataIndex: 'businessDate', width: 110 },
                  { title: t('payAfter.invoices.col.channel'), dataIndex: 'channel', width: 90, render: (c: string) => t(`payments.channel.${c}`, { defaultValue: c }) },
                  { title: t('payAfter.invoices.col.paid'), dataIndex: 'amountFen', align: 'right', render: (v: number) => yuan(v) },
                  { title: t('payAfter.invoices.col.excluded'), key: 'x', align: 'right', render: (_: unknown, p: InvoiceablePayment) => yuan(p.amountFen - p.invoiceableFen) },
                  { title: t('payAfter.invoices.col.invoiceable'), dataIndex: 'invoiceableFen', align: 'right', render: (v: number) => <b>{yuan(v)}</b> },
                ]} />
            )
        )}
        {picked.length > 0 && <p data-testid="invoice-total">{t('payAfter.invoices.form.total', { count: picked.length, amount: yuan(total) })}</p>}
        <p style={{ color: '#888' }}>{t('payAfter.invoices.form.prepaidNote')}</p>
        <Form.Item name="buyerType" label={t('payAfter.invoices.form.buyerType')}>
          <Radio.Group data-testid="invoice-buyer-type" options={(['personal', 'company'] as const).map((v) => ({ value: v, label: t(`payAfter.invoices.buyerType.${v}`) }))} />
        </Form.Item>
        <Form.Item name="buyerName" label={t('payAfter.invoices.form.buyerName')} rules={[{ required: true, whitespace: true, message: t('payAfter.invoices.form.buyerNameRequired') }]}>
          <Input maxLength={100} data-testid="invoice-buyer-name" />
        </Form.Item>
        <Form.Item name="buyerTaxId" label={t('payAfter.invoices.form.buyerTaxId')} extra={t('payAfter.invoices.form.taxIdHint')}
          rules={[{ required: buyerType === 'company', message: t('payAfter.invoices.form.taxIdRequired') },
            { validator: async (_r, v?: string) => { if (v?.trim() && !TAX_ID.test(v.trim().toUpperCase())) throw new Error(t('payAfter.invoices.form.taxIdInvalid')); } }]}>
          <Input maxLength={20} data-testid="invoice-buyer-tax-id" />
        </Form.Item>
        <Form.Item name="buyerEmail" label={t('payAfter.invoices.form.buyerEmail')} rules={[{ type: 'email', message: t('payAfter.invoices.form.emailInvalid') }]}>
          <Input maxLength={120} data-testid="invoice-buyer-email" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
