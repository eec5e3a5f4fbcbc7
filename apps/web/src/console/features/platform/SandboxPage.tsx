import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Space, Table, Typography } from 'antd';
import type { Channel } from '@wuye/shared/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../shared/errors.ts';
import { RefreshButton, ValueFilter } from '../../../shared/ListControls.tsx';
import { PageHead } from '../../../shared/PageHead.tsx';
import { formatDateTime } from '../../../shared/time.ts';
import { ChannelTag } from '../notifications/labels.tsx';
import { contentOf, SANDBOX_REFRESH_MS, sandboxChannels, useSandboxMessages, type SandboxChannel, type SandboxMessage, type SandboxQuery } from './api.ts';

/**
 * 沙箱消息: what the demo's sandbox SMS / WeChat / e-mail providers "sent" — verification codes
 * included — across all companies, for the platform operator. Refreshes itself every 5 s.
 */
export default function SandboxPage() {
  const { t } = useTranslation();
  const [query, setQuery] = useState<SandboxQuery>({});
  const [to, setTo] = useState('');
  const messages = useSandboxMessages(query);
  const search = () => setQuery((q) => ({ ...q, to: to.trim() || undefined }));

  return (
    <>
      <PageHead title={t('sandbox.title')}>
        <ValueFilter<SandboxChannel>
          values={sandboxChannels}
          labelPrefix="channel"
          placeholder={t('sandbox.filterChannel')}
          value={query.channel}
          onChange={(channel) => setQuery((q) => ({ ...q, channel }))}
          width={140}
          testId="sandbox-channel"
        />
        <Space.Compact>
          <Input
            allowClear
            style={{ width: 240 }}
            placeholder={t('sandbox.searchTo')}
            value={to}
            onChange={(e) => {
              setTo(e.target.value);
              if (!e.target.value) setQuery((q) => ({ ...q, to: undefined }));
            }}
            onPressEnter={search}
            data-testid="sandbox-to"
          />
          <Button icon={<SearchOutlined />} onClick={search} aria-label={t('common.search')} data-testid="sandbox-search" />
        </Space.Compact>
        <RefreshButton query={messages} testId="sandbox-refresh" />
      </PageHead>
      <Typography.Paragraph type="secondary" data-testid="sandbox-hint">
        {t('sandbox.hint', { seconds: SANDBOX_REFRESH_MS / 1000 })}
        {messages.dataUpdatedAt > 0 && ` · ${t('sandbox.updatedAt', { time: formatDateTime(new Date(messages.dataUpdatedAt).toISOString()) })}`}
      </Typography.Paragraph>
      {messages.isError && <Alert type="error" showIcon title={errorText(t, messages.error)} style={{ marginBottom: 16 }} />}
      <Table<SandboxMessage>
        rowKey="id"
        size="middle"
        data-testid="sandbox-table"
        loading={messages.isPending}
        dataSource={messages.data ?? []}
        scroll={{ x: 1000 }}
        pagination={{ pageSize: 20, showSizeChanger: true, showTotal: (total) => t('common.total', { total }) }}
        expandable={{
          rowExpandable: (r) => contentOf(r).data !== null,
          expandedRowRender: (r) => <pre className="wuye-json">{JSON.stringify(contentOf(r).data, null, 2)}</pre>,
        }}
        columns={[
          { title: t('sandbox.time'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
          { title: t('sandbox.channel'), dataIndex: 'channel', width: 100, render: (c: string) => <ChannelTag channel={c as Channel} /> },
          { title: t('sandbox.to'), dataIndex: 'to', width: 200, render: (v: string) => <Typography.Text copyable>{v}</Typography.Text> },
          { title: t('sandbox.subject'), key: 'title', width: 160, render: (_: unknown, r) => contentOf(r).title || '—' },
          {
            title: t('sandbox.body'),
            key: 'body',
            render: (_: unknown, r) => (
              <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="sandbox-body">
                {contentOf(r).body}
              </div>
            ),
          },
        ]}
      />
    </>
  );
}
