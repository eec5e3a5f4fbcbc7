import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentProject } from './ProjectRequired.tsx';

/**
 * The project a new record belongs to: the header's project, or — while HQ looks at all
 * projects — one chosen here. Editing never moves a record, so it is shown only when creating.
 */
export function ProjectField({ show }: { show: boolean }) {
  const { t } = useTranslation();
  const project = useCurrentProject();
  return (
    <Form.Item name="projectId" label={t('layout.project')} hidden={!show || !!project.id} rules={[{ required: show }]}>
      <Select options={project.projects.map((p) => ({ value: p.id, label: p.name }))} data-testid="estate-form-project" />
    </Form.Item>
  );
}
