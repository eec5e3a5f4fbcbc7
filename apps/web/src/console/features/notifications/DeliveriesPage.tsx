import { ReloadOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Select, Table, Typography } from 'antd';
import { channels, deliveryStatuses, type Channel, type DeliveryStatus } from '@wuye/shared/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../shared/auth.ts';
import { useApiErrorHandler } from '../../../shared/errors.ts';
import { PageHead } from '../../../shared/PageHead.tsx';
import { formatDateTime } from '../../../shared/time.ts';
import { useDeliveries, useResend, type Delivery, type DeliveryQuery } from './api.ts';
import { ChannelTag, DeliveryStatusTag } from './labels.tsx';

const resendable = (s: DeliveryStatus) => s === 'failed' || s === 'dead';

/** 发送记录: every outgoing SMS / WeChat / e-mail / push with its attempts; failed ones can be resent. */
export default function DeliveriesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { has } = usePermissions();
  const onError = useApiErrorHandler();
  const [query, setQuery] = useState<DeliveryQuery>({ page: 1, pageSize: 20 });
  const log = useDeliveries(query);
  const resend = useResend();
  const canResend = has('notify.delivery.resend');

  return (
    <>
      <PageHead title={t('deliveries.title')}>
        <Select<DeliveryStatus>
          allowClear
          style={{ width: 150 }}
          placeholder={t('deliveries.filterStatus')}
          data-testid="deliveries-status"
          value={query.status}
          onChange={(status) => setQuery((q) => ({ ...q, status, page: 1 }))}
          options={deliveryStatuses.map((s) => ({ value: s, label: t(`deliveryStatus.${s}`) }))}
        />
        <Select<Channel>
          allowClear
          style={{ width: 150 }}
          placeholder={t('deliveries.filterChannel')}
          data-testid="deliveries-channel"
          value={query.channel}
          onChange={(channel) => setQuery((q) => ({ ...q, channel, page: 1 }))}
          options={channels.filter((c) => c !== 'inapp').map((c) => ({ value: c, label: t(`channel.${c}`) }))}
        />
        <Button icon={<ReloadOutlined />} onClick={() => void log.refetch()} loading={log.isFetching}>
          {t('common.refresh')}
        </Button>
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
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: log.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setQuery((q) => ({ ...q, page, pageSize })),
        }}
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
            render: (v: string | null) =>
              v ? (
                <Typography.Text type="danger" ellipsis={{ tooltip: v }} style={{ maxWidth: 200 }}>
                  {v}
                </Typography.Text>
              ) : (
                '—'
              ),
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
                      <Popconfirm
                        title={t('deliveries.confirmResend')}
                        onConfirm={() =>
                          resend.mutate(r.id, { onSuccess: () => void message.success(t('deliveries.resent')), onError: (e) => onError(e) })
                        }
                      >
                        <Button type="link" size="small" data-testid={`delivery-resend-${r.id}`}>
                          {t('deliveries.resend')}
                        </Button>
                      </Popconfirm>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
