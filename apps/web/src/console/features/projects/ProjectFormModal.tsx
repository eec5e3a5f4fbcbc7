import { App, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../shared/errors.ts';
import type { Project } from '../../../shared/types.ts';
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
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveProject();
  const onError = useApiErrorHandler();

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
    save.mutate(input, {
      onSuccess: () => {
        void message.success(t('common.saved'));
        onClose();
      },
      onError: (e) => onError(e, { form, onStale: onClose }),
    });
  };

  return (
    <Modal
      open={open}
      title={project ? t('project.edit') : t('project.create')}
      onCancel={onClose}
      onOk={() => void submit()}
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
            <Select
              options={[
                { value: 'active', label: t('status.active') },
                { value: 'archived', label: t('status.archived') },
              ]}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
