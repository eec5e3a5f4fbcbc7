import { runSubmit } from '../../../shared/runSubmit.ts';
import { Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { statusOptions } from '../../../shared/labels.tsx';
import type { Project } from '../../../shared/types.ts';
import { useSaveFeedback } from '../../../shared/useSaveFeedback.ts';
import { useSaveProject } from './api.ts';

interface Values {
  code: string;
  name: string;
  status: Project['status'];
}

interface Props {
  open: boolean;
  /** the project being edited; none = create */
  project: Project | null;
  onClose: () => void;
}

export function ProjectFormModal({ open, project, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveProject();
  const saved = useSaveFeedback(form, onClose, { closeOnStale: true });

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (project) form.setFieldsValue({ code: project.code, name: project.name, status: project.status });
  }, [open, project, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const input = project
      ? {
          id: project.id,
          update: {
            version: project.version,
            ...(v.name !== project.name ? { name: v.name.trim() } : {}),
            ...(v.status !== project.status ? { status: v.status } : {}),
          },
        }
      : { create: { code: v.code.trim(), name: v.name.trim() } };
    save.mutate(input, saved);
  };

  return (
    <Modal
      open={open}
      title={project ? t('project.edit') : t('project.create')}
      onCancel={onClose}
      onOk={runSubmit(submit)}
      confirmLoading={save.isPending}
      forceRender
      okButtonProps={{ 'data-testid': 'project-form-submit' }}
    >
      <Form form={form} layout="vertical" initialValues={{ status: 'active' }}>
        <Form.Item
          name="code"
          label={t('project.code')}
          extra={project ? undefined : t('project.codeHelp')}
          rules={[{ required: true }, { pattern: /^[A-Za-z0-9_-]{1,32}$/, message: t('validation.invalid_code') }]}
        >
          <Input disabled={!!project} maxLength={32} data-testid="project-code" />
        </Form.Item>
        <Form.Item name="name" label={t('project.name')} rules={[{ required: true, whitespace: true }, { max: 64 }]}>
          <Input maxLength={64} data-testid="project-name" />
        </Form.Item>
        {project && (
          <Form.Item name="status" label={t('common.status')}>
            <Select options={statusOptions(t, ['active', 'archived'])} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
