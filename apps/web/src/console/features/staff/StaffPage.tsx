import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions, useSignedInMe } from '../../../shared/auth.ts';
import { ConfirmMutationLink } from '../../../shared/ConfirmMutationLink.tsx';
import { RoleTag, StatusTag, roleLabel, statusOptions } from '../../../shared/labels.tsx';
import { PageHead } from '../../../shared/PageHead.tsx';
import type { Staff } from '../../../shared/types.ts';
import { usePagedQuery } from '../../../shared/usePagedQuery.ts';
import { useRoles } from '../roles/api.ts';
import { STAFF_STATUSES, useStaffList, useUnlockStaff, type StaffQuery } from './api.ts';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { StaffFormDrawer } from './StaffFormDrawer.tsx';

export default function StaffPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const { has } = usePermissions();
  const canManage = has('org.user.manage');
  const { filter, query, pagination } = usePagedQuery<StaffQuery>();
  const list = useStaffList(query);
  const roles = useRoles(has('org.role.read'));
  const unlock = useUnlockStaff();
  const [drawer, setDrawer] = useState<{ open: boolean; staff: Staff | null }>({ open: false, staff: null });
  const [resetFor, setResetFor] = useState<Staff | null>(null);

  return (
    <>
      <PageHead title={t('staff.title')}>
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ open: true, staff: null })} data-testid="staff-create">
            {t('staff.create')}
          </Button>
        )}
      </PageHead>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('staff.searchPlaceholder')}
          onSearch={(q) => filter({ q: q.trim() || undefined })}
          style={{ width: 240 }}
          data-testid="staff-search"
        />
        <Select
          allowClear
          placeholder={t('staff.filterProject')}
          style={{ width: 180 }}
          options={me.projects.map((p) => ({ value: p.id, label: p.name }))}
          onChange={(projectId?: string) => filter({ projectId })}
        />
        <Select
          allowClear
          placeholder={t('staff.filterRole')}
          style={{ width: 160 }}
          options={(roles.data ?? []).map((r) => ({ value: r.id, label: roleLabel(t, r.code, r.name) }))}
          onChange={(roleId?: string) => filter({ roleId })}
        />
        <Select
          allowClear
          placeholder={t('staff.filterStatus')}
          style={{ width: 120 }}
          options={statusOptions(t, STAFF_STATUSES)}
          onChange={(status?: Staff['status']) => filter({ status })}
        />
      </Space>
      <Table<Staff>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 960 }}
        pagination={pagination(list.data?.total)}
        columns={[
          {
            title: t('staff.name'),
            dataIndex: 'name',
            render: (v: string, r) => (
              <Space size={4}>
                {v}
                {r.locked && (
                  <Tag color="red" data-testid="staff-locked">
                    {t('status.locked')}
                  </Tag>
                )}
              </Space>
            ),
          },
          { title: t('staff.username'), dataIndex: 'username', render: (v: string | null) => v ?? '—' },
          { title: t('staff.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
          {
            title: t('staff.roles'),
            key: 'roles',
            render: (_, r) => (
              <Space size={[0, 4]} wrap>
                {r.roles.map((role) => (
                  <RoleTag key={role.id} code={role.code} name={role.name} />
                ))}
              </Space>
            ),
          },
          {
            title: t('staff.projects'),
            key: 'projects',
            render: (_, r) =>
              r.allProjects ? (
                <Tag color="gold">{t('staff.allProjects')}</Tag>
              ) : (
                <Space size={[0, 4]} wrap>
                  {r.projects.map((p) => (
                    <Tag key={p.id}>{p.name}</Tag>
                  ))}
                </Space>
              ),
          },
          { title: t('common.status'), dataIndex: 'status', width: 90, render: (s: string) => <StatusTag status={s} /> },
          ...(canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  fixed: 'right' as const,
                  width: 220,
                  render: (_: unknown, r: Staff) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setDrawer({ open: true, staff: r })}>
                        {t('common.edit')}
                      </Button>
                      {r.locked && (
                        <ConfirmMutationLink confirm={t('staff.unlock')} mutation={unlock} variables={r.id} done={t('staff.unlocked')} testId="staff-unlock">
                          {t('staff.unlock')}
                        </ConfirmMutationLink>
                      )}
                      <Button type="link" size="small" onClick={() => setResetFor(r)}>
                        {t('staff.resetPassword')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <StaffFormDrawer
        open={drawer.open}
        staff={drawer.staff}
        roles={roles.data ?? []}
        onClose={() => setDrawer((d) => ({ ...d, open: false }))}
      />
      <ResetPasswordModal staff={resetFor} onClose={() => setResetFor(null)} />
    </>
  );
}
