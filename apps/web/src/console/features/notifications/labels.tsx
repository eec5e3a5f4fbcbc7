import { Tag } from 'antd';
import type { Channel, DeliveryStatus } from '@wuye/shared/notifications';
import { useTranslation } from 'react-i18next';

const statusColours: Record<DeliveryStatus, string> = {
  pending: 'default',
  sending: 'processing',
  sent: 'success',
  failed: 'warning',
  dead: 'error',
};

export function DeliveryStatusTag({ status }: { status: DeliveryStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColours[status] ?? 'default'} data-testid={`delivery-status-${status}`}>
      {t(`deliveryStatus.${status}`, { defaultValue: status })}
    </Tag>
  );
}

const channelColours: Record<Channel, string> = { inapp: 'blue', sms: 'green', wechat: 'cyan', email: 'purple', webpush: 'geekblue' };

export function ChannelTag({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  return <Tag color={channelColours[channel] ?? 'default'}>{t(`channel.${channel}`, { defaultValue: channel })}</Tag>;
}
