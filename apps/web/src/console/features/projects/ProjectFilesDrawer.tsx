import { Drawer, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../shared/auth.ts';
import type { Project } from '../../../shared/types.ts';
import { useOwnerFiles } from '../files/api.ts';
import { FileUpload } from '../files/FileUpload.tsx';
import { FilesTable } from '../files/FilesTable.tsx';

/** 项目附件: drawings, equipment lists and the like, listed with thumbnails for images; upload with org.project.manage. */
export function ProjectFilesDrawer({ project, onClose }: { project: Project | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { has } = usePermissions();
  const owner = project ? { type: 'project', id: project.id } : null;
  const files = useOwnerFiles(owner);

  return (
    <Drawer open={!!project} onClose={onClose} size={720} destroyOnHidden title={project ? t('project.files.title', { name: project.name }) : ''}>
      {owner && (
        <>
          <Typography.Paragraph type="secondary">{t('project.files.intro')}</Typography.Paragraph>
          {has('org.project.manage') && <FileUpload owner={owner} label={t('project.files.upload')} testId="project-files-upload" />}
          <FilesTable files={files.data ?? []} loading={files.isPending} empty={t('project.files.empty')} testIdPrefix="project" />
        </>
      )}
    </Drawer>
  );
}
