import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Payment } from './api.ts';

export const CHANNELS = ['cash', 'transfer', 'pos', 'online'] as const;
export const PAYMENT_STATUSES = ['posted', 'voided'] as const;

export function ChannelTag({ channel }: { channel: Payment['channel'] }) {
  const { t } = useTranslation();
  const color = { cash: 'green', transfer: 'blue', pos: 'purple', online: 'cyan' }[channel];
  return <Tag color={color}>{t(`payments.channel.${channel}`)}</Tag>;
}

export function PaymentStatusTag({ status }: { status: Payment['status'] }) {
  const { t } = useTranslation();
  return <Tag color={status === 'posted' ? 'success' : 'default'} data-testid="payment-status">{t(`payments.status.${status}`)}</Tag>;
}
