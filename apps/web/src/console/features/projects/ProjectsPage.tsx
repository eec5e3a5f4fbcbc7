import { PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../shared/auth.ts';
import { StatusTag } from '../../../shared/labels.tsx';
import { PageHead } from '../../../shared/PageHead.tsx';
import { formatDateTime } from '../../../shared/time.ts';
import type { Project } from '../../../shared/types.ts';
import { useProjects } from './api.ts';
import { ProjectFilesDrawer } from './ProjectFilesDrawer.tsx';
import { ProjectFormModal } from './ProjectFormModal.tsx';

export default function ProjectsPage() {
  const { t } = useTranslation();
  const { has } = usePermissions();
  const canManage = has('org.project.manage');
  const projects = useProjects();
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<Project | null>(null);
  const [open, setOpen] = useState(false);
  const [filesOf, setFilesOf] = useState<Project | null>(null);

  const rows = useMemo(() => {
    const needle = q.trim().toLowerCase();
    const all = projects.data ?? [];
    return needle ? all.filter((p) => p.name.toLowerCase().includes(needle) || p.code.toLowerCase().includes(needle)) : all;
  }, [projects.data, q]);

  const openForm = (p: Project | null) => {
    setEditing(p);
    setOpen(true);
  };

  return (
    <>
      <PageHead title={t('project.title')}>
        <Input.Search allowClear placeholder={t('common.search')} onSearch={setQ} style={{ width: 220 }} />
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openForm(null)} data-testid="project-create">
            {t('project.create')}
          </Button>
        )}
      </PageHead>
      <Table<Project>
        rowKey="id"
        loading={projects.isLoading}
        dataSource={rows}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => t('common.total', { total }) }}
        columns={[
          { title: t('project.code'), dataIndex: 'code', width: 160 },
          { title: t('project.name'), dataIndex: 'name' },
          { title: t('common.status'), dataIndex: 'status', width: 120, render: (s: string) => <StatusTag status={s} /> },
          { title: t('common.createdAt'), dataIndex: 'createdAt', width: 200, render: (v: string) => formatDateTime(v) },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 150,
            render: (_: unknown, r: Project) => (
              <>
                <Button type="link" size="small" icon={<PaperClipOutlined />} onClick={() => setFilesOf(r)} data-testid={`project-files-${r.code}`}>
                  {t('project.files.open')}
                </Button>
                {canManage && (
                  <Button type="link" size="small" onClick={() => openForm(r)} data-testid={`project-edit-${r.code}`}>
                    {t('common.edit')}
                  </Button>
                )}
              </>
            ),
          },
        ]}
      />
      <ProjectFormModal open={open} project={editing} onClose={() => setOpen(false)} />
      <ProjectFilesDrawer project={filesOf} onClose={() => setFilesOf(null)} />
    </>
  );
}
