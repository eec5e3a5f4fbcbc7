import { runSubmit } from '../../../shared/runSubmit.ts';
import { Alert, Form, Input, Modal, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../../../shared/auth.ts';
import { useApiErrorHandler } from '../../../shared/errors.ts';
import type { ApiKeyCreated } from '../../../shared/types.ts';
import { usePermissionCatalogue } from '../roles/api.ts';
import { PermissionChecklist } from '../roles/PermissionChecklist.tsx';
import { useCreateApiKey } from './api.ts';

interface Values {
  name: string;
  permissions: string[];
  allProjects: boolean;
  projectIds: string[];
}

/** Create a key; the secret is shown once, in the same dialog, after the server answers. */
export function ApiKeyCreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const [form] = Form.useForm<Values>();
  const catalogue = usePermissionCatalogue();
  const create = useCreateApiKey();
  const onError = useApiErrorHandler();
  const [created, setCreated] = useState<ApiKeyCreated | null>(null);
  const allProjects = Form.useWatch('allProjects', form);

  const submit = async () => {
    if (created) return onClose();
    const v = await form.validateFields();
    create.mutate(
      { name: v.name.trim(), permissions: v.permissions, projectIds: v.allProjects ? null : v.projectIds ?? [] },
      { onSuccess: setCreated, onError: (e) => onError(e, { form }) },
    );
  };

  const groups = Object.fromEntries(
    Object.entries(catalogue.data?.groups ?? {}).filter(([g]) => g !== 'platform' && g !== 'resident'),
  );

  return (
    <Modal
      open={open}
      width={680}
      title={created ? t('apikeys.secretTitle') : t('apikeys.create')}
      onCancel={onClose}
      onOk={runSubmit(submit)}
      okText={created ? t('common.ok') : t('common.create')}
      okButtonProps={{ 'data-testid': created ? 'apikey-secret-done' : 'apikey-form-submit' }}
      cancelButtonProps={{ style: created ? { display: 'none' } : undefined }}
      confirmLoading={create.isPending}
      afterClose={() => {
        setCreated(null);
        form.resetFields();
      }}
      mask={{ closable: !created }}
      forceRender
    >
      {created ? (
        <>
          <Alert type="warning" showIcon title={t('apikeys.secretWarning')} style={{ marginBottom: 16 }} />
          <Typography.Paragraph>
            <Typography.Text strong>{created.name}</Typography.Text>
          </Typography.Paragraph>
          <Typography.Paragraph copyable={{ text: created.secret }} code data-testid="apikey-secret" style={{ wordBreak: 'break-all' }}>
            {created.secret}
          </Typography.Paragraph>
        </>
      ) : (
        <Form form={form} layout="vertical" initialValues={{ allProjects: true, projectIds: [], permissions: [] }}>
          <Form.Item name="name" label={t('apikeys.name')} rules={[{ required: true, whitespace: true }, { max: 64 }]}>
            <Input maxLength={64} data-testid="apikey-name" />
          </Form.Item>
          <Form.Item
            name="permissions"
            label={t('apikeys.permissions')}
            rules={[{ required: true, type: 'array', min: 1, message: t('apikeys.permissionsRequired') }]}
          >
            <PermissionChecklist groups={groups} />
          </Form.Item>
          <Form.Item name="allProjects" label={t('apikeys.allProjects')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item
            name="projectIds"
            label={t('apikeys.restrictProjects')}
            hidden={!!allProjects}
            rules={allProjects ? [] : [{ required: true, type: 'array', min: 1 }]}
          >
            <Select mode="multiple" options={me.projects.map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
