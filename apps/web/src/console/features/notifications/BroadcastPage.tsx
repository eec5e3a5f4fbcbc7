import { SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Select, Typography } from 'antd';
import { builtinRoles } from '@wuye/shared/roles';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions, useSignedInMe } from '../../../shared/auth.ts';
import { useApiErrorHandler } from '../../../shared/errors.ts';
import { roleLabel } from '../../../shared/labels.tsx';
import { PageHead } from '../../../shared/PageHead.tsx';
import { useProjectId } from '../../../shared/project.ts';
import { useRoles } from '../roles/api.ts';
import { useBroadcast, type BroadcastInput } from './api.ts';

interface Values {
  projectId: string;
  role?: string;
  title: string;
  content: string;
}

/** 发送通知: an in-app notice to everyone of a project, or to one role's holders there. */
export default function BroadcastPage() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const me = useSignedInMe();
  const { has } = usePermissions();
  const current = useProjectId();
  const [form] = Form.useForm<Values>();
  const onError = useApiErrorHandler();
  const broadcast = useBroadcast();
  const [sent, setSent] = useState<number | null>(null);
  // the company's roles when the user may read them, else the built-in ones; residents are
  // reached by "everyone" (through their rooms), not by role
  const roles = useRoles(has('org.role.read'));
  const roleOptions = (roles.data ?? builtinRoles.map((r) => ({ code: r.code, name: r.code, scope: r.scope })))
    .filter((r) => r.scope !== 'own')
    .map((r) => ({ value: r.code, label: roleLabel(t, r.code, r.name) }));
  const initialProject = me.projects.some((p) => p.id === current) ? current : me.projects.length === 1 ? me.projects[0]!.id : undefined;

  const send = (v: Values) => {
    const input: BroadcastInput = { projectId: v.projectId, title: v.title.trim(), content: v.content.trim(), ...(v.role ? { role: v.role } : {}) };
    modal.confirm({
      title: t('broadcast.confirm'),
      content: `${me.projects.find((p) => p.id === v.projectId)?.name ?? ''} · ${v.role ? roleLabel(t, v.role) : t('broadcast.roleAll')}`,
      okText: t('broadcast.submit'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'broadcast-confirm' },
      onOk: () =>
        broadcast.mutateAsync(input).then(
          (r) => {
            setSent(r.recipients);
            form.resetFields(['title', 'content']);
          },
          (e: unknown) => onError(e, { form }),
        ),
    });
  };

  return (
    <>
      <PageHead title={t('broadcast.title')} />
      <Card style={{ maxWidth: 720 }}>
        <Typography.Paragraph type="secondary">{t('broadcast.hint')}</Typography.Paragraph>
        {sent !== null && (
          <Alert
            type={sent > 0 ? 'success' : 'warning'}
            showIcon
            closable={{ onClose: () => setSent(null) }}
            title={sent > 0 ? t('broadcast.sent', { count: sent }) : t('broadcast.none')}
            data-testid="broadcast-result"
            data-count={sent}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form form={form} layout="vertical" initialValues={{ projectId: initialProject }} onFinish={send} onValuesChange={() => setSent(null)}>
          <Form.Item name="projectId" label={t('broadcast.project')} rules={[{ required: true }]}>
            <Select
              data-testid="broadcast-project"
              showSearch={{ optionFilterProp: 'label' }}
              options={me.projects.map((p) => ({ value: p.id, label: p.name }))}
              notFoundContent={t('layout.noProject')}
            />
          </Form.Item>
          <Form.Item name="role" label={t('broadcast.role')} extra={t('broadcast.roleHelp')}>
            <Select data-testid="broadcast-role" allowClear placeholder={t('broadcast.roleAll')} options={roleOptions} loading={roles.isLoading} />
          </Form.Item>
          <Form.Item name="title" label={t('broadcast.subject')} rules={[{ required: true, whitespace: true }, { max: 100 }]}>
            <Input maxLength={100} showCount data-testid="broadcast-title" />
          </Form.Item>
          <Form.Item name="content" label={t('broadcast.content')} rules={[{ required: true, whitespace: true }, { max: 1000 }]}>
            <Input.TextArea rows={6} maxLength={1000} showCount data-testid="broadcast-content" />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={broadcast.isPending} data-testid="broadcast-submit">
            {t('broadcast.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
