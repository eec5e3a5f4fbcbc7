import { Alert, App, Button, Checkbox, Descriptions, Empty, Form, Input, List, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../../shared/errors.ts';
import { fenOf, yuan } from '../../../../shared/money.ts';
import { runSubmit } from '../../../../shared/runSubmit.ts';
import { useAttemptKey } from '../shared/attemptKey.ts';
import { usePayment, type Payment } from '../shared/api.ts';
import { ChannelTag } from '../shared/labels.tsx';
import { usePaymentSearch, useRequestPaymentRefund } from './api.ts';
import { RefundAmountItem } from './RefundAmountItem.tsx';

interface Values { amount: string; channel: 'original' | 'cash' | 'transfer'; reason: string; allocationIds?: string[] }

/** 按收款退款: find the payment by its receipt number, then refund part of it (the server plans the lines and checks the limit). */
export function PaymentRefundForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<Payment | null>(null);
  const found = usePaymentSearch(q);
  const detail = usePayment(picked?.id ?? null);
  const request = useRequestPaymentRefund();
  const attempt = useAttemptKey();
  const [form] = Form.useForm<Values>();
  const online = picked?.channel === 'online';

  const submit = async () => {
    const v = await form.validateFields();
    const body = { amountFen: fenOf(v.amount)!, channel: v.channel, reason: v.reason.trim(), ...(v.allocationIds?.length ? { allocationIds: v.allocationIds } : {}) };
    request.mutate({ paymentId: picked!.id, body, key: attempt.keyFor({ paymentId: picked!.id, body }) }, {
      onSuccess: () => { attempt.reset(); void message.success(t('payAfter.refunds.form.submittedMsg')); form.resetFields(); setPicked(null); onDone(); },
      onError: (e) => onError(e, { form }),
    });
  };

  const items = found.data?.items ?? [];
  return (
    <>
      <Input.Search allowClear placeholder={t('payAfter.refunds.form.paymentSearch')} onSearch={(s) => { setQ(s.trim()); setPicked(null); }}
        enterButton data-testid="refund-payment-search" />
      <div style={{ color: '#888', margin: '4px 0 12px' }}>{t('payAfter.refunds.form.paymentSearchHint')}</div>
      {q && !picked && (
        items.length === 0 && !found.isPending ? <Empty description={t('payAfter.refunds.form.noPayment')} /> : (
          <List size="small" bordered loading={found.isPending} dataSource={items} data-testid="refund-payment-hits"
            renderItem={(p) => (
              <List.Item style={{ cursor: 'pointer' }} onClick={() => { setPicked(p); form.setFieldsValue({ channel: p.channel === 'online' ? 'original' : 'cash' }); }}
                data-testid={`refund-payment-hit-${p.receipt?.number ?? p.id}`}>
                <Space>
                  <b>{p.receipt?.number ?? '—'}</b><span>{p.roomCode}</span><ChannelTag channel={p.channel} />
                  <span>{t('payAfter.refunds.form.paid')} {yuan(p.amountFen)}</span>
                  {p.refundedFen > 0 && <span>{t('payAfter.refunds.form.refunded')} {yuan(p.refundedFen)}</span>}
                  {p.status === 'voided' && <Tag>{t('payments.status.voided')}</Tag>}
                </Space>
              </List.Item>
            )} />
        )
      )}
      {picked && (
        <>
          <Descriptions size="small" column={2} bordered style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('payAfter.refunds.col.receipt')}>{picked.receipt?.number ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('payAfter.refunds.col.room')}>{picked.roomCode}</Descriptions.Item>
            <Descriptions.Item label={t('payAfter.refunds.form.paid')}>{yuan(picked.amountFen)} <ChannelTag channel={picked.channel} /></Descriptions.Item>
            <Descriptions.Item label={t('payAfter.refunds.form.refunded')}>{yuan(picked.refundedFen)}</Descriptions.Item>
            {picked.prepaidFen > 0 && <Descriptions.Item label={t('payAfter.refunds.form.toPrepaid')}>{yuan(picked.prepaidFen)}</Descriptions.Item>}
          </Descriptions>
          {picked.status === 'voided' && <Alert type="warning" showIcon message={t('payAfter.refunds.form.voided')} style={{ marginBottom: 12 }} />}
          <Form form={form} layout="vertical" disabled={picked.status === 'voided'}>
            <Form.Item name="allocationIds" label={t('payAfter.refunds.form.allocations')} extra={t('payAfter.refunds.form.allocationsHint')}>
              <Checkbox.Group style={{ display: 'flex', flexDirection: 'column' }}>
                {(detail.data?.allocations ?? []).filter((a) => a.amountFen > a.refundedFen).map((a) => (
                  <Checkbox key={a.id} value={a.id} data-testid={`refund-alloc-${a.id}`}>
                    {a.feeItemName} {a.periodFrom}～{a.periodTo} · {t(`payAfter.refunds.line.${a.component}`)} {yuan(a.amountFen - a.refundedFen)}
                  </Checkbox>
                ))}
              </Checkbox.Group>
            </Form.Item>
            <RefundAmountItem />
            <Form.Item name="channel" label={t('payAfter.refunds.form.channel')} rules={[{ required: true }]}
              extra={online ? undefined : t('payAfter.refunds.form.originalOnlyOnline')}>
              <Select data-testid="refund-channel" options={(['original', 'cash', 'transfer'] as const).map((c) => ({
                value: c, label: t(`payAfter.refunds.channel.${c}`), disabled: c === 'original' && !online,
              }))} />
            </Form.Item>
            <Form.Item name="reason" label={t('payAfter.refunds.form.reason')} rules={[{ required: true, whitespace: true, message: t('payAfter.refunds.form.reasonRequired') }]}>
              <Input.TextArea rows={2} maxLength={200} data-testid="refund-reason" />
            </Form.Item>
            <Button type="primary" onClick={runSubmit(submit)} loading={request.isPending} data-testid="refund-submit">{t('payAfter.refunds.form.submit')}</Button>
          </Form>
        </>
      )}
    </>
  );
}
