import { LockOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmMutationLink } from '../../../shared/ConfirmMutationLink.tsx';
import { formatDateTime } from '../../../shared/time.ts';
import type { SessionInfo } from '../../../shared/types.ts';
import { useRevokeSession, useSessions } from './api.ts';
import { ChangePasswordModal } from './ChangePasswordModal.tsx';

export default function SessionsPage() {
  const { t } = useTranslation();
  const sessions = useSessions();
  const revoke = useRevokeSession();
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
                <ConfirmMutationLink confirm={t('sessions.revoke')} mutation={revoke} variables={r.id} done={t('sessions.revoked')} danger>
                  {t('sessions.revoke')}
                </ConfirmMutationLink>
              ),
          },
        ]}
      />
      <ChangePasswordModal open={pwOpen} onClose={() => setPwOpen(false)} />
    </>
  );
}
