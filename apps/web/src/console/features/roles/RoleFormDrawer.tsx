import { runSubmit } from '../../../shared/runSubmit.ts';
import { Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../shared/FormDrawer.tsx';
import { roleLabel } from '../../../shared/labels.tsx';
import type { Role } from '../../../shared/types.ts';
import { useSaveFeedback } from '../../../shared/useSaveFeedback.ts';
import { usePermissionCatalogue, useSaveRole, type RoleUpdate } from './api.ts';
import { PermissionChecklist } from './PermissionChecklist.tsx';

interface Values {
  code: string;
  name: string;
  scope: Role['scope'];
  permissions: string[];
}

interface Props {
  open: boolean;
  role: Role | null;
  onClose: () => void;
}

const scopes: Role['scope'][] = ['company', 'project', 'assignee', 'own'];

export function RoleFormDrawer({ open, role, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const catalogue = usePermissionCatalogue();
  const save = useSaveRole();
  const saved = useSaveFeedback(form, onClose, { closeOnStale: true });

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (role) {
      form.setFieldsValue({
        code: role.code,
        name: role.builtin ? roleLabel(t, role.code, role.name) : role.name,
        scope: role.scope,
        permissions: role.permissions,
      });
    }
  }, [open, role, form, t]);

  const submit = async () => {
    const v = await form.validateFields();
    let input;
    if (role) {
      const update: RoleUpdate = { version: role.version };
      const shownName = role.builtin ? roleLabel(t, role.code, role.name) : role.name;
      if (v.name.trim() !== shownName) update.name = v.name.trim();
      const perms = v.permissions ?? [];
      if (perms.length !== role.permissions.length || perms.some((p) => !role.permissions.includes(p))) update.permissions = perms;
      input = { id: role.id, update };
    } else {
      input = { create: { code: v.code.trim(), name: v.name.trim(), scope: v.scope, permissions: v.permissions ?? [] } };
    }
    save.mutate(input, saved);
  };

  // platform permissions can never be part of a company role
  const groups = Object.fromEntries(Object.entries(catalogue.data?.groups ?? {}).filter(([g]) => g !== 'platform'));

  return (
    <FormDrawer
      open={open}
      size={640}
      title={role ? t('roles.edit') : t('roles.create')}
      onClose={onClose}
      onSave={runSubmit(submit)}
      saving={save.isPending}
      saveTestId="role-form-submit"
    >
      <Form form={form} layout="vertical" initialValues={{ scope: 'project', permissions: [] }}>
        <Form.Item
          name="code"
          label={t('roles.code')}
          extra={role ? undefined : t('roles.codeHelp')}
          rules={[{ required: true }, { pattern: /^[a-z][a-z0-9_]{1,31}$/, message: t('validation.invalid_code') }]}
        >
          <Input disabled={!!role} maxLength={32} data-testid="role-code" />
        </Form.Item>
        <Form.Item name="name" label={t('roles.name')} rules={[{ required: true, whitespace: true }, { max: 64 }]}>
          <Input maxLength={64} data-testid="role-name" />
        </Form.Item>
        <Form.Item name="scope" label={t('roles.scope')} rules={[{ required: true }]}>
          <Select disabled={!!role} options={scopes.map((s) => ({ value: s, label: t(`scope.${s}`) }))} />
        </Form.Item>
        <Form.Item name="permissions" label={t('roles.permissions')}>
          <PermissionChecklist groups={groups} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
