import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../shared/auth.ts';
import { ConfirmMutationLink } from '../../../shared/ConfirmMutationLink.tsx';
import { permLabel, roleLabel } from '../../../shared/labels.tsx';
import { PageHead } from '../../../shared/PageHead.tsx';
import type { Role } from '../../../shared/types.ts';
import { useDeleteRole, useRoles } from './api.ts';
import { RoleFormDrawer } from './RoleFormDrawer.tsx';

export default function RolesPage() {
  const { t } = useTranslation();
  const { has } = usePermissions();
  const canManage = has('org.role.manage');
  const roles = useRoles();
  const del = useDeleteRole();
  const [drawer, setDrawer] = useState<{ open: boolean; role: Role | null }>({ open: false, role: null });

  return (
    <>
      <PageHead title={t('roles.title')}>
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ open: true, role: null })} data-testid="role-create">
            {t('roles.create')}
          </Button>
        )}
      </PageHead>
      <Table<Role>
        rowKey="id"
        loading={roles.isLoading}
        dataSource={roles.data ?? []}
        pagination={{ defaultPageSize: 20, showTotal: (total) => t('common.total', { total }) }}
        expandable={{
          expandedRowRender: (r) => (
            <Space size={[4, 8]} wrap>
              {r.permissions.length ? r.permissions.map((p) => <Tag key={p}>{permLabel(t, p)}</Tag>) : t('common.none')}
            </Space>
          ),
        }}
        columns={[
          { title: t('roles.code'), dataIndex: 'code', width: 180 },
          {
            title: t('roles.name'),
            dataIndex: 'name',
            render: (_: string, r) => (r.builtin ? roleLabel(t, r.code, r.name) : r.name),
          },
          { title: t('roles.scope'), dataIndex: 'scope', width: 140, render: (s: string) => t(`scope.${s}`) },
          {
            title: t('common.status'),
            dataIndex: 'builtin',
            width: 100,
            render: (b: boolean) => (b ? <Tag color="blue">{t('roles.builtin')}</Tag> : <Tag>{t('roles.custom')}</Tag>),
          },
          {
            title: t('roles.permissions'),
            key: 'permissions',
            width: 140,
            render: (_, r) => t('roles.permissionCount', { count: r.permissions.length }),
          },
          ...(canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 160,
                  render: (_: unknown, r: Role) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setDrawer({ open: true, role: r })} data-testid={`role-edit-${r.code}`}>
                        {t('common.edit')}
                      </Button>
                      {r.builtin ? (
                        <Tooltip title={t('roles.builtinNoDelete')}>
                          <Button type="link" size="small" danger disabled>
                            {t('common.delete')}
                          </Button>
                        </Tooltip>
                      ) : (
                        <ConfirmMutationLink
                          confirm={t('common.confirmDelete')}
                          mutation={del}
                          variables={r.id}
                          done={t('common.deleted')}
                          danger
                          testId={`role-delete-${r.code}`}
                        >
                          {t('common.delete')}
                        </ConfirmMutationLink>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <RoleFormDrawer open={drawer.open} role={drawer.role} onClose={() => setDrawer((d) => ({ ...d, open: false }))} />
    </>
  );
}
