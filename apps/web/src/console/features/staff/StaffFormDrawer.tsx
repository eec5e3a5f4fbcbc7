import { runSubmit } from '../../../shared/runSubmit.ts';
import { Form, Input, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../../../shared/auth.ts';
import { FormDrawer } from '../../../shared/FormDrawer.tsx';
import { roleLabel, statusOptions } from '../../../shared/labels.tsx';
import { newPasswordRules } from '../../../shared/PasswordFields.tsx';
import type { Role, Staff } from '../../../shared/types.ts';
import { useSaveFeedback } from '../../../shared/useSaveFeedback.ts';
import { STAFF_STATUSES, useSaveStaff, type StaffCreate, type StaffUpdate } from './api.ts';

/** the create form's fields, and the status (shown when editing) */
type Values = StaffCreate & { status: Staff['status'] };

interface Props {
  open: boolean;
  staff: Staff | null;
  roles: Role[];
  onClose: () => void;
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** The fields that changed, with the version the edit started from. */
function diff(staff: Staff, v: Values): StaffUpdate {
  const out: StaffUpdate = { version: staff.version };
  if (v.name.trim() !== staff.name) out.name = v.name.trim();
  if (v.status !== staff.status) out.status = v.status;
  if (!sameSet(v.roleIds, staff.roles.map((r) => r.id))) out.roleIds = v.roleIds;
  if (v.allProjects !== staff.allProjects) out.allProjects = v.allProjects;
  if (!v.allProjects && !sameSet(v.projectIds, staff.projects.map((p) => p.id))) out.projectIds = v.projectIds;
  return out;
}

export function StaffFormDrawer({ open, staff, roles, onClose }: Props) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const [form] = Form.useForm<Values>();
  const save = useSaveStaff();
  const saved = useSaveFeedback(form, onClose, { closeOnStale: true });
  const allProjects = Form.useWatch('allProjects', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (staff) {
      form.setFieldsValue({
        name: staff.name,
        username: staff.username ?? undefined,
        phone: staff.phone ?? '',
        roleIds: staff.roles.map((r) => r.id),
        projectIds: staff.projects.map((p) => p.id),
        allProjects: staff.allProjects,
        status: staff.status,
      });
    }
  }, [open, staff, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const input = staff
      ? { id: staff.id, update: diff(staff, v) }
      : {
          create: {
            name: v.name.trim(),
            ...(v.username?.trim() ? { username: v.username.trim() } : {}),
            phone: v.phone.trim(),
            password: v.password,
            roleIds: v.roleIds,
            projectIds: v.allProjects ? [] : v.projectIds ?? [],
            allProjects: v.allProjects,
          },
        };
    save.mutate(input, saved);
  };

  const roleOptions = roles
    .filter((r) => r.scope !== 'own')
    .map((r) => ({ value: r.id, label: r.builtin ? roleLabel(t, r.code, r.name) : r.name }));
  // roles the person holds that the list does not show (e.g. no org.role.read) stay selectable
  for (const r of staff?.roles ?? []) {
    if (!roleOptions.some((o) => o.value === r.id)) roleOptions.push({ value: r.id, label: roleLabel(t, r.code, r.name) });
  }
  const projectOptions = me.projects.map((p) => ({ value: p.id, label: p.name }));
  for (const p of staff?.projects ?? []) {
    if (!projectOptions.some((o) => o.value === p.id)) projectOptions.push({ value: p.id, label: p.name });
  }

  return (
    <FormDrawer
      open={open}
      size={480}
      title={staff ? t('staff.edit') : t('staff.create')}
      onClose={onClose}
      onSave={runSubmit(submit)}
      saving={save.isPending}
      saveTestId="staff-form-submit"
    >
      <Form form={form} layout="vertical" initialValues={{ allProjects: false, projectIds: [], roleIds: [], status: 'active' }}>
        <Form.Item name="name" label={t('staff.name')} rules={[{ required: true, whitespace: true }, { max: 64 }]}>
          <Input maxLength={64} data-testid="staff-name" />
        </Form.Item>
        <Form.Item name="phone" label={t('staff.phone')} rules={staff ? [] : [{ required: true }, { pattern: /^1[3-9]\d{9}$/, message: t('validation.invalid_phone') }]}>
          <Input disabled={!!staff} maxLength={11} inputMode="tel" data-testid="staff-phone" />
        </Form.Item>
        <Form.Item name="username" label={t('staff.username')} rules={staff ? [] : [{ pattern: /^[A-Za-z][A-Za-z0-9_.-]{2,31}$/, message: t('validation.invalid_username') }]}>
          <Input disabled={!!staff} maxLength={32} autoComplete="off" data-testid="staff-username" />
        </Form.Item>
        {!staff && (
          <Form.Item name="password" label={t('staff.password')} rules={newPasswordRules(t)}>
            <Input.Password autoComplete="new-password" data-testid="staff-password" />
          </Form.Item>
        )}
        <Form.Item name="roleIds" label={t('staff.roles')} rules={[{ required: true, type: 'array', min: 1 }]}>
          <Select mode="multiple" options={roleOptions} showSearch={{ optionFilterProp: 'label' }} data-testid="staff-roles" />
        </Form.Item>
        <Form.Item name="allProjects" label={t('staff.allProjects')} valuePropName="checked" extra={t('staff.allProjectsHelp')}>
          <Switch data-testid="staff-all-projects" />
        </Form.Item>
        <Form.Item name="projectIds" label={t('staff.projects')} hidden={!!allProjects}>
          <Select mode="multiple" options={projectOptions} showSearch={{ optionFilterProp: 'label' }} data-testid="staff-projects" />
        </Form.Item>
        {staff && (
          <Form.Item name="status" label={t('common.status')}>
            <Select options={statusOptions(t, STAFF_STATUSES)} />
          </Form.Item>
        )}
      </Form>
    </FormDrawer>
  );
}
