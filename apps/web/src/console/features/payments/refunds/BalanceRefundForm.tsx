import { App, Button, Empty, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../../shared/errors.ts';
import { fenOf, yuan } from '../../../../shared/money.ts';
import { runSubmit } from '../../../../shared/runSubmit.ts';
import { useAttemptKey } from '../shared/attemptKey.ts';
import { RoomPicker } from '../shared/RoomPicker.tsx';
import { useRequestBalanceRefund, useRoomHeld } from './api.ts';
import { RefundAmountItem } from './RefundAmountItem.tsx';

interface Values { balance: string; amount: string; channel: 'cash' | 'transfer'; reason: string }

/** 退预存 / 退押金: a room (by code, owner or phone), one of its balances, at most what it holds (the server checks). */
export function BalanceRefundForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [roomId, setRoomId] = useState<string | null>(null);
  const held = useRoomHeld(roomId);
  const request = useRequestBalanceRefund();
  const attempt = useAttemptKey();
  const [form] = Form.useForm<Values>();

  const balances = held.data ? [
    ...held.data.prepaid.balances.map((b) => ({ key: `prepaid:${b.feeItemId ?? ''}`, label: `${t('payAfter.refunds.source.prepaid')} · ${b.feeItemName ?? t('payAfter.refunds.form.general')}`, fen: b.balanceFen })),
    ...held.data.deposits.balances.map((b) => ({ key: `deposit:${b.feeItemId ?? ''}`, label: `${t('payAfter.refunds.source.deposit')} · ${b.feeItemName ?? ''}`, fen: b.balanceFen })),
  ].filter((b) => b.fen > 0) : [];

  const submit = async () => {
    const v = await form.validateFields();
    const [source, item] = v.balance.split(':') as ['prepaid' | 'deposit', string];
    const body = { roomId: roomId!, source, feeItemId: item || null, amountFen: fenOf(v.amount)!, channel: v.channel, reason: v.reason.trim() };
    request.mutate({ body, key: attempt.keyFor(body) }, {
      onSuccess: () => { attempt.reset(); void message.success(t('payAfter.refunds.form.submittedMsg')); form.resetFields(); onDone(); },
      onError: (e) => onError(e, { form }),
    });
  };

  return (
    <Form form={form} layout="vertical" initialValues={{ channel: 'cash' }}>
      <Form.Item label={t('payAfter.refunds.form.room')} required>
        <RoomPicker value={roomId} onChange={(id) => { setRoomId(id); form.resetFields(['balance']); }} placeholder={t('payAfter.refunds.form.roomSearch')} testId="refund-room" />
      </Form.Item>
      {roomId && held.data && balances.length === 0 && <Empty description={t('payAfter.refunds.form.noBalance')} />}
      {balances.length > 0 && (
        <>
          <Form.Item name="balance" label={t('payAfter.refunds.form.balance')} rules={[{ required: true }]}>
            <Select data-testid="refund-balance" options={balances.map((b) => ({ value: b.key, label: `${b.label}：${yuan(b.fen)}` }))} />
          </Form.Item>
          <RefundAmountItem />
          <Form.Item name="channel" label={t('payAfter.refunds.form.channel')} rules={[{ required: true }]}>
            <Select data-testid="refund-channel" options={(['cash', 'transfer'] as const).map((c) => ({ value: c, label: t(`payAfter.refunds.channel.${c}`) }))} />
          </Form.Item>
          <Form.Item name="reason" label={t('payAfter.refunds.form.reason')} rules={[{ required: true, whitespace: true, message: t('payAfter.refunds.form.reasonRequired') }]}>
            <Input.TextArea rows={2} maxLength={200} data-testid="refund-reason" />
          </Form.Item>
          <Button type="primary" onClick={runSubmit(submit)} loading={request.isPending} data-testid="refund-submit">{t('payAfter.refunds.form.submit')}</Button>
        </>
      )}
    </Form>
  );
}
