import { Table, Typography } from 'antd';
import { channels, deliveryStatuses, type Channel, type DeliveryStatus } from '@wuye/shared/notifications';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../shared/auth.ts';
import { ConfirmMutationLink } from '../../../shared/ConfirmMutationLink.tsx';
import { LongTextCell, RefreshButton, ValueFilter } from '../../../shared/ListControls.tsx';
import { PageHead } from '../../../shared/PageHead.tsx';
import { formatDateTime } from '../../../shared/time.ts';
import { usePagedQuery } from '../../../shared/usePagedQuery.ts';
import { useDeliveries, useResend, type Delivery, type DeliveryQuery } from './api.ts';
import { ChannelTag, DeliveryStatusTag } from './labels.tsx';

const resendable = (s: DeliveryStatus) => s === 'failed' || s === 'dead';
/** in-app messages are the inbox itself, not a delivery */
const deliveryChannels = channels.filter((c) => c !== 'inapp');

/** 发送记录: every outgoing SMS / WeChat / e-mail / push with its attempts; failed ones can be resent. */
export default function DeliveriesPage() {
  const { t } = useTranslation();
  const { has } = usePermissions();
  const { query, filter, pagination } = usePagedQuery<DeliveryQuery>();
  const log = useDeliveries(query);
  const resend = useResend();
  const canResend = has('notify.delivery.resend');

  return (
    <>
      <PageHead title={t('deliveries.title')}>
        <ValueFilter
          values={deliveryStatuses}
          labelPrefix="deliveryStatus"
          placeholder={t('deliveries.filterStatus')}
          value={query.status}
          onChange={(status) => filter({ status })}
          width={150}
          testId="deliveries-status"
        />
        <ValueFilter
          values={deliveryChannels}
          labelPrefix="channel"
          placeholder={t('deliveries.filterChannel')}
          value={query.channel}
          onChange={(channel) => filter({ channel })}
          width={150}
          testId="deliveries-channel"
        />
        <RefreshButton query={log} />
      </PageHead>
      <Table<Delivery>
        rowKey="id"
        size="middle"
        loading={log.isPending || log.isPlaceholderData}
        dataSource={log.data?.items ?? []}
        scroll={{ x: 1200 }}
        expandable={{
          expandedRowRender: (r) => (
            <div style={{ whiteSpace: 'pre-wrap' }}>
              <Typography.Text strong>{r.title}</Typography.Text>
              <div>{r.body}</div>
              {r.providerRef && (
                <Typography.Text type="secondary">
                  {t('deliveries.providerRef')}: {r.providerRef}
                </Typography.Text>
              )}
            </div>
          ),
        }}
        pagination={pagination(log.data?.total)}
        columns={[
          { title: t('deliveries.time'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
          { title: t('deliveries.recipient'), dataIndex: 'recipient', width: 130 },
          { title: t('deliveries.channel'), dataIndex: 'channel', width: 110, render: (c: Channel) => <ChannelTag channel={c} /> },
          { title: t('deliveries.address'), dataIndex: 'address', width: 170, ellipsis: true },
          { title: t('deliveries.subject'), dataIndex: 'title', ellipsis: true },
          { title: t('deliveries.status'), dataIndex: 'status', width: 100, render: (s: DeliveryStatus) => <DeliveryStatusTag status={s} /> },
          { title: t('deliveries.attempts'), dataIndex: 'attempts', width: 90, align: 'right' },
          {
            title: t('deliveries.lastError'),
            dataIndex: 'lastError',
            width: 220,
            render: (v: string | null) => <LongTextCell text={v} maxWidth={200} type="danger" />,
          },
          { title: t('deliveries.sentAt'), dataIndex: 'sentAt', width: 170, render: (v: string | null) => (v ? formatDateTime(v) : '—') },
          ...(canResend
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 90,
                  fixed: 'right' as const,
                  render: (_: unknown, r: Delivery) =>
                    resendable(r.status) ? (
                      <ConfirmMutationLink
                        confirm={t('deliveries.confirmResend')}
                        mutation={resend}
                        variables={r.id}
                        done={t('deliveries.resent')}
                        testId={`delivery-resend-${r.id}`}
                      >
                        {t('deliveries.resend')}
                      </ConfirmMutationLink>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
