import { App, Button, Descriptions, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../../shared/auth.ts';
import { useApiErrorHandler } from '../../../../shared/errors.ts';
import { fenOf, yuan, YUAN_PATTERN } from '../../../../shared/money.ts';
import { runSubmit } from '../../../../shared/runSubmit.ts';
import { useFeeItems } from '../api.ts';
import { useRecordHeld, useRoomAccounts, type RoomAccounts } from '../api-accounts.ts';

type Movement = RoomAccounts['movements'][number];
interface Values { amountYuan: string; feeItemId?: string | null; note?: string }

function RecordModal({ roomId, kind, onClose }: { roomId: string; kind: 'prepaid' | 'deposit' | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const items = useFeeItems();
  const record = useRecordHeld(roomId);
  const [form] = Form.useForm<Values>();
  const options = (items.data ?? [])
    .filter((i) => i.status === 'active' && (kind === 'deposit' ? i.category === 'deposit' : i.category !== 'deposit'))
    .map((i) => ({ value: i.id, label: i.name }));
  const submit = async () => {
    const v = await form.validateFields();
    const amountFen = fenOf(v.amountYuan)!;
    const note = v.note?.trim() || null;
    const m = kind === 'deposit' ? { kind, amountFen, feeItemId: v.feeItemId!, note } as const : { kind: 'prepaid' as const, amountFen, feeItemId: v.feeItemId ?? null, note };
    record.mutate(m, {
      onSuccess: () => {
        void message.success(t('billing.account.recorded'));
        form.resetFields();
        onClose();
      },
      onError: (e) => onError(e, { form }),
    });
  };
  return (
    <Modal open={!!kind} title={kind && t(kind === 'prepaid' ? 'billing.account.recordPrepaid' : 'billing.account.recordDeposit')} onCancel={onClose}
      onOk={runSubmit(submit)} confirmLoading={record.isPending} forceRender okButtonProps={{ 'data-testid': 'held-submit' }}>
      <Form form={form} layout="vertical">
        <Form.Item name="amountYuan" label={t('billing.account.amount')} rules={[{
          validator: (_: unknown, v?: string) => (v && YUAN_PATTERN.test(v.trim()) && (fenOf(v) ?? 0) > 0 ? Promise.resolve() : Promise.reject(new Error(t('billing.account.amountRule')))),
        }]}>
          <Input suffix="元" inputMode="decimal" data-testid="held-amount" />
        </Form.Item>
        <Form.Item name="feeItemId" label={t(kind === 'deposit' ? 'billing.account.depositItem' : 'billing.account.earmarkItem')}
          extra={kind === 'prepaid' ? t('billing.account.earmarkHelp') : undefined}
          rules={kind === 'deposit' ? [{ required: true, message: t('billing.account.pickDepositItem') }] : []}>
          <Select allowClear={kind === 'prepaid'} options={options} data-testid="held-item" />
        </Form.Item>
        <Form.Item name="note" label={t('billing.account.note')}>
          <Input maxLength={200} data-testid="held-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 预存/押金 tab: what the room holds (general and earmarked prepaid, deposits per item), its latest movements, and recording money in. */
export function RoomHeldPanel({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const { has } = usePermissions();
  const q = useRoomAccounts(roomId);
  const [recording, setRecording] = useState<'prepaid' | 'deposit' | null>(null);
  const a = q.data;
  const balanceText = (b: RoomAccounts['prepaid']['balances'][number], prepaid: boolean) =>
    `${prepaid && !b.feeItemId ? t('billing.account.general') : prepaid ? t('billing.account.earmark', { name: b.feeItemName }) : b.feeItemName}: ${yuan(b.balanceFen)}`;
  return (
    <>
      {has('billing.prepay.manage') && (
        <Space style={{ marginBottom: 12 }}>
          <Button onClick={() => setRecording('prepaid')} data-testid="held-record-prepaid">{t('billing.account.recordPrepaid')}</Button>
          <Button onClick={() => setRecording('deposit')} data-testid="held-record-deposit">{t('billing.account.recordDeposit')}</Button>
        </Space>
      )}
      <Descriptions size="small" column={1} bordered data-testid="held-balances" items={[
        {
          key: 'p', label: t('billing.account.prepaid'),
          children: a ? <><b data-testid="held-prepaid-total">{yuan(a.prepaid.totalFen)}</b> {a.prepaid.balances.map((b) => balanceText(b, true)).join('；')}</> : '…',
        },
        {
          key: 'd', label: t('billing.account.deposit'),
          children: a ? <><b data-testid="held-deposit-total">{yuan(a.deposits.totalFen)}</b> {a.deposits.balances.map((b) => balanceText(b, false)).join('；')}</> : '…',
        },
      ]} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>{t('billing.account.movements')}</Typography.Title>
      <Table<Movement> rowKey="id" size="small" pagination={false} loading={q.isPending} dataSource={a?.movements ?? []} data-testid="held-movements" columns={[
        { title: t('billing.ledger.date'), dataIndex: 'entryDate', width: 110 },
        { title: t('billing.ledger.account'), dataIndex: 'account', width: 70, render: (v: string) => t(`billing.ledger.accountName.${v}`) },
        { title: t('billing.ledger.kindTitle'), dataIndex: 'kind', width: 100, render: (v: string) => t(`billing.ledger.kind.${v}`) },
        { title: t('billing.standard.feeItem'), dataIndex: 'feeItemName', render: (v: string | null) => v ?? t('billing.account.general') },
        { title: t('billing.ledger.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => yuan(v) },
        { title: t('billing.ledger.note'), dataIndex: 'note', ellipsis: true },
      ]} />
      <RecordModal roomId={roomId} kind={recording} onClose={() => setRecording(null)} />
    </>
  );
}
