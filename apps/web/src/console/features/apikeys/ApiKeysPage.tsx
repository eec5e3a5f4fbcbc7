import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../../../shared/auth.ts';
import { ConfirmMutationLink } from '../../../shared/ConfirmMutationLink.tsx';
import { permLabel } from '../../../shared/labels.tsx';
import { PageHead } from '../../../shared/PageHead.tsx';
import { formatDateTime } from '../../../shared/time.ts';
import type { ApiKey } from '../../../shared/types.ts';
import { useApiKeys, useRevokeApiKey } from './api.ts';
import { ApiKeyCreateModal } from './ApiKeyCreateModal.tsx';

export default function ApiKeysPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const [open, setOpen] = useState(false);
  const projectName = (id: string) => me.projects.find((p) => p.id === id)?.name ?? `…${id.slice(-8)}`;

  return (
    <>
      <PageHead title={t('apikeys.title')}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="apikey-create">
          {t('apikeys.create')}
        </Button>
      </PageHead>
      <Table<ApiKey>
        rowKey="id"
        loading={keys.isLoading}
        dataSource={keys.data ?? []}
        scroll={{ x: 900 }}
        pagination={{ defaultPageSize: 20, showTotal: (total) => t('common.total', { total }) }}
        columns={[
          { title: t('apikeys.name'), dataIndex: 'name' },
          { title: t('apikeys.prefix'), dataIndex: 'prefix', width: 140, render: (v: string) => <Typography.Text code>{v}…</Typography.Text> },
          {
            title: t('apikeys.permissions'),
            dataIndex: 'permissions',
            render: (ps: string[]) => (
              <Space size={[0, 4]} wrap>
                {ps.map((p) => (
                  <Tag key={p}>{permLabel(t, p)}</Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('apikeys.projects'),
            dataIndex: 'projectIds',
            render: (ids: string[] | null) =>
              ids === null ? (
                <Tag color="gold">{t('apikeys.allProjects')}</Tag>
              ) : (
                <Space size={[0, 4]} wrap>
                  {ids.map((id) => (
                    <Tag key={id}>{projectName(id)}</Tag>
                  ))}
                </Space>
              ),
          },
          { title: t('common.createdAt'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
          {
            title: t('apikeys.lastUsedAt'),
            dataIndex: 'lastUsedAt',
            width: 170,
            render: (v: string | null) => (v ? formatDateTime(v) : t('apikeys.never')),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 110,
            render: (_, r) =>
              r.revokedAt ? (
                <Tag>{t('status.revoked')}</Tag>
              ) : (
                <ConfirmMutationLink confirm={t('apikeys.confirmRevoke')} mutation={revoke} variables={r.id} done={t('apikeys.revoked')} danger>
                  {t('apikeys.revoke')}
                </ConfirmMutationLink>
              ),
          },
        ]}
      />
      <ApiKeyCreateModal open={open} onClose={() => setOpen(false)} />
    </>
  );
}
