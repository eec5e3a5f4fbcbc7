import { LeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Empty, Form, Input, Radio, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorText, useApiErrorHandler } from '../../shared/errors.ts';
import { yuan } from '../../shared/money.ts';
import { newIdempotencyKey } from '../workorders/common/idempotency.ts';
import { useMyInvoiceable, useRequestMyInvoice } from './api.ts';
import '../home/my-home.css';
import '../payments/pay-h5.css';

/** 纳税人识别号: 15, 18 or 20 digits / capitals (the server says the same) */
const TAX_ID = /^(?:[0-9A-Z]{15}|[0-9A-Z]{18}|[0-9A-Z]{20})$/;

interface Values { buyerType: 'personal' | 'company'; buyerName: string; buyerTaxId?: string; buyerEmail?: string }

/** 申请开票: tick my payments not invoiced yet (one room per invoice), fill in the 抬头, submit once (Idempotency-Key), then the list. */
export function InvoiceRequestPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const onError = useApiErrorHandler();
  const q = useMyInvoiceable();
  const [picked, setPicked] = useState<string[]>([]);
  const [key] = useState(newIdempotencyKey);
  const request = useRequestMyInvoice(key);
  const [form] = Form.useForm<Values>();
  const buyerType = Form.useWatch('buyerType', form);
  const items = q.data?.items ?? [];
  const room = items.find((p) => p.paymentId === picked[0])?.roomId;
  const total = items.filter((p) => picked.includes(p.paymentId)).reduce((s, p) => s + p.invoiceableFen, 0);

  const toggle = (id: string, on: boolean) => setPicked((ps) => (on ? [...ps, id] : ps.filter((x) => x !== id)));
  const submit = (v: Values) => {
    request.mutate({
      paymentIds: picked, buyerType: v.buyerType, buyerName: v.buyerName.trim(),
      ...(v.buyerTaxId?.trim() ? { buyerTaxId: v.buyerTaxId.trim().toUpperCase() } : {}), ...(v.buyerEmail?.trim() ? { buyerEmail: v.buyerEmail.trim() } : {}),
    }, {
      onSuccess: () => void navigate('/invoices', { replace: true }),
      onError: (e) => onError(e, { form }),
    });
  };

  return (
    <div className="pay-h5" data-testid="invoice-request-page">
      <Button type="link" icon={<LeftOutlined />} className="my-home-back" onClick={() => void navigate('/invoices')} data-testid="back-invoices">{t('common.back')}</Button>
      <Form form={form} layout="vertical" initialValues={{ buyerType: 'personal' }} onFinish={submit} requiredMark={false}>
        <Card title={t('payH5.invoices.pick')}>
          {q.isError && <Alert type="error" showIcon title={errorText(t, q.error)} />}
          {q.isPending ? <Skeleton active paragraph={{ rows: 3 }} /> : items.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('payH5.invoices.nothing')} data-testid="invoice-request-empty" />
          ) : (
            <div className="my-home-rows">
              {items.map((p) => {
                const other = !!room && p.roomId !== room;
                return (
                  <label key={p.paymentId} className="my-home-row" data-testid="invoice-request-payment" style={{ opacity: other ? 0.5 : 1 }}>
                    <Checkbox checked={picked.includes(p.paymentId)} disabled={other} onChange={(e) => toggle(p.paymentId, e.target.checked)} style={{ marginRight: 8 }} />
                    <div className="my-home-row-main">
                      <div className="my-home-row-title">{p.roomCode} · {t(`payH5.channel.${p.channel}`, { defaultValue: p.channel })}</div>
                      <div className="my-home-row-sub">{p.businessDate}{p.receiptNumber ? ` · ${p.receiptNumber}` : ''}</div>
                      {p.invoiceableFen < p.amountFen && <div className="my-home-row-sub">{t('payH5.invoices.partly', { amount: yuan(p.amountFen) })}</div>}
                    </div>
                    <div className="my-bill-amount">¥{yuan(p.invoiceableFen)}</div>
                  </label>
                );
              })}
            </div>
          )}
          <div className="my-home-row-sub" style={{ marginTop: 8 }}>{t('payH5.invoices.oneRoom')}</div>
        </Card>
        <Card title={t('payH5.invoices.buyer')} style={{ marginTop: 12 }}>
          <Form.Item name="buyerType" label={t('payH5.invoices.buyerType')}>
            <Radio.Group optionType="button" data-testid="invoice-request-type"
              options={(['personal', 'company'] as const).map((v) => ({ value: v, label: t(`payH5.invoices.type.${v}`) }))} />
          </Form.Item>
          <Form.Item name="buyerName" label={t('payH5.invoices.buyerName')} rules={[{ required: true, whitespace: true, message: t('payH5.invoices.buyerNameRequired') }]}>
            <Input size="large" maxLength={100} data-testid="invoice-request-name" />
          </Form.Item>
          <Form.Item name="buyerTaxId" label={t('payH5.invoices.taxId')}
            rules={[{ required: buyerType === 'company', message: t('payH5.invoices.taxIdRequired') },
              { validator: async (_r, v?: string) => { if (v?.trim() && !TAX_ID.test(v.trim().toUpperCase())) throw new Error(t('payH5.invoices.taxIdInvalid')); } }]}>
            <Input size="large" maxLength={20} data-testid="invoice-request-tax-id" />
          </Form.Item>
          <Form.Item name="buyerEmail" label={t('payH5.invoices.email')} rules={[{ type: 'email', message: t('payH5.invoices.emailInvalid') }]}>
            <Input size="large" inputMode="email" maxLength={120} data-testid="invoice-request-email" />
          </Form.Item>
        </Card>
        <div className="pay-h5-bar">
          <div>
            <div className="pay-h5-bar-label">{t('payH5.invoices.total', { count: picked.length })}</div>
            <div className="pay-h5-total" data-testid="invoice-request-total">¥{yuan(total)}</div>
          </div>
          <Button type="primary" size="large" htmlType="submit" disabled={picked.length === 0} loading={request.isPending} data-testid="invoice-request-submit">
            {t('payH5.invoices.submit')}
          </Button>
        </div>
      </Form>
    </div>
  );
}
