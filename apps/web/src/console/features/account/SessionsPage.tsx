import { LockOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../shared/errors.ts';
import { formatDateTime } from '../../../shared/time.ts';
import type { SessionInfo } from '../../../shared/types.ts';
import { useRevokeSession, useSessions } from './api.ts';
import { ChangePasswordModal } from './ChangePasswordModal.tsx';

export default function SessionsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const sessions = useSessions();
  const revoke = useRevokeSession();
  const onError = useApiErrorHandler();
  const [pwOpen, setPwOpen] = useState(false);

  return (
    <>
      <div className="wuye-page-head">
        <Typography.Title level={4}>{t('sessions.title')}</Typography.Title>
        <Space>
          <Button onClick={() => void sessions.refetch()}>{t('common.refresh')}</Button>
          <Button icon={<LockOutlined />} onClick={() => setPwOpen(true)} data-testid="change-password">
            {t('layout.changePassword')}
          </Button>
        </Space>
      </div>
      <Table<SessionInfo>
        rowKey="id"
        loading={sessions.isLoading}
        dataSource={sessions.data ?? []}
        pagination={false}
        columns={[
          {
            title: t('sessions.createdAt'),
            dataIndex: 'createdAt',
            render: (v: string, r) => (
              <Space>
                {formatDateTime(v)}
                {r.current && <Tag color="green">{t('sessions.current')}</Tag>}
              </Space>
            ),
          },
          { title: t('sessions.lastSeenAt'), dataIndex: 'lastSeenAt', render: (v: string) => formatDateTime(v) },
          { title: t('sessions.ip'), dataIndex: 'ip', render: (v: string | null) => v ?? '—' },
          {
            title: t('sessions.userAgent'),
            dataIndex: 'userAgent',
            ellipsis: true,
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_, r) =>
              r.current ? null : (
                <Popconfirm
                  title={t('sessions.revoke')}
                  onConfirm={() =>
                    revoke.mutate(r.id, {
                      onSuccess: () => void message.success(t('sessions.revoked')),
                      onError: (e) => onError(e),
                    })
                  }
                >
                  <Button type="link" danger size="small">
                    {t('sessions.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <ChangePasswordModal open={pwOpen} onClose={() => setPwOpen(false)} />
    </>
  );
}
