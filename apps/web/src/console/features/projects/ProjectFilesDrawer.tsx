import { DownloadOutlined, FileOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Image, Space, Table, Typography, Upload, type UploadProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../shared/auth.ts';
import { formatDateTime } from '../../../shared/time.ts';
import type { Project } from '../../../shared/types.ts';
import { fileUrl, projectUploadUrl, sizeText, useProjectFiles, useRefreshProjectFiles, type StoredFile } from './api-files.ts';

// a hint for the file chooser only: the server judges the type by content and answers 415 otherwise
const ACCEPT = '.png,.jpg,.jpeg,.webp,.gif,.heic,.pdf,.xlsx,.docx,.zip,.dwg';

type UploadFile = Parameters<NonNullable<UploadProps['onChange']>>[0]['file'];
/** antd's Upload keeps the error body it got back: `{ error: { message } }` (413 too big, 415 a type not allowed, 403 …). */
const serverMessage = (f: UploadFile) => (f.response as { error?: { message?: string } } | undefined)?.error?.message;

function FileUpload({ project }: { project: Project }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshProjectFiles(project.id);
  const [busy, setBusy] = useState(false);

  const onChange: UploadProps['onChange'] = ({ file }) => {
    setBusy(file.status === 'uploading');
    if (file.status === 'done') {
      void message.success(t('project.files.uploaded', { name: file.name }));
      void refresh();
    } else if (file.status === 'error') {
      const why = serverMessage(file);
      void message.error(why ? `${t('project.files.uploadFailed', { name: file.name })}：${why}` : t('project.files.uploadFailed', { name: file.name }));
    }
  };

  return (
    <Space orientation="vertical" size={4} style={{ marginBottom: 16 }}>
      <Upload name="file" action={projectUploadUrl(project.id)} withCredentials accept={ACCEPT} showUploadList={false} onChange={onChange}>
        <Button type="primary" icon={<UploadOutlined />} loading={busy} data-testid="project-files-upload">
          {t('project.files.upload')}
        </Button>
      </Upload>
      <Typography.Text type="secondary">{t('project.files.hint')}</Typography.Text>
    </Space>
  );
}

/** 项目附件: drawings, equipment lists and the like, listed with thumbnails for images; upload with org.project.manage. */
export function ProjectFilesDrawer({ project, onClose }: { project: Project | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { has } = usePermissions();
  const files = useProjectFiles(project?.id ?? null);

  return (
    <Drawer open={!!project} onClose={onClose} size={720} destroyOnHidden title={project ? t('project.files.title', { name: project.name }) : ''}>
      {project && (
        <>
          <Typography.Paragraph type="secondary">{t('project.files.intro')}</Typography.Paragraph>
          {has('org.project.manage') && <FileUpload project={project} />}
          <Table<StoredFile>
            rowKey="id"
            size="small"
            loading={files.isPending}
            dataSource={files.data ?? []}
            pagination={false}
            locale={{ emptyText: t('project.files.empty') }}
            data-testid="project-files-table"
            columns={[
              {
                key: 'thumb',
                width: 64,
                render: (_, f) =>
                  f.hasThumbnail ? (
                    <Image width={48} height={48} style={{ objectFit: 'cover' }} src={fileUrl(f.id, 'thumb')} preview={{ src: fileUrl(f.id, 'inline') }} alt={f.name} />
                  ) : (
                    <FileOutlined style={{ fontSize: 24, color: '#8c8c8c' }} />
                  ),
              },
              { title: t('project.files.name'), dataIndex: 'name', ellipsis: true },
              { title: t('project.files.size'), dataIndex: 'size', width: 100, align: 'right', render: (n: number) => sizeText(n) },
              { title: t('project.files.time'), dataIndex: 'createdAt', width: 180, render: (v: string) => formatDateTime(v) },
              {
                title: t('common.actions'),
                key: 'actions',
                width: 90,
                render: (_, f) => (
                  <Button type="link" size="small" icon={<DownloadOutlined />} href={fileUrl(f.id, 'download')} data-testid={`project-file-download-${f.name}`}>
                    {t('project.files.download')}
                  </Button>
                ),
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
