import { runSubmit } from '../../../shared/runSubmit.ts';
import { Divider, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../shared/FormDrawer.tsx';
import { newPasswordRules } from '../../../shared/PasswordFields.tsx';
import { useSaveFeedback } from '../../../shared/useSaveFeedback.ts';
import { useCreateCompany, type CompanyCreate } from './api.ts';

export function CompanyFormDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CompanyCreate>();
  const create = useCreateCompany();
  const saved = useSaveFeedback(form, onClose);

  const submit = async () => {
    const v = await form.validateFields();
    const username = v.admin.username?.trim();
    create.mutate(
      {
        code: v.code.trim(),
        name: v.name.trim(),
        admin: { name: v.admin.name.trim(), phone: v.admin.phone.trim(), password: v.admin.password, ...(username ? { username } : {}) },
      },
      saved,
    );
  };

  return (
    <FormDrawer
      open={open}
      size={480}
      title={t('companies.create')}
      onClose={onClose}
      afterOpenChange={(o) => !o && form.resetFields()}
      onSave={runSubmit(submit)}
      saving={create.isPending}
      saveTestId="company-form-submit"
    >
      <Form form={form} layout="vertical">
        <Form.Item name="code" label={t('companies.code')} rules={[{ required: true }, { pattern: /^[A-Za-z0-9_-]{1,32}$/, message: t('validation.invalid_code') }]}>
          <Input maxLength={32} data-testid="company-code" />
        </Form.Item>
        <Form.Item name="name" label={t('companies.name')} rules={[{ required: true, whitespace: true }, { max: 64 }]}>
          <Input maxLength={64} data-testid="company-name" />
        </Form.Item>
        <Divider titlePlacement="start">{t('companies.admin')}</Divider>
        <Form.Item name={['admin', 'name']} label={t('companies.adminName')} rules={[{ required: true, whitespace: true }, { max: 64 }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name={['admin', 'phone']} label={t('companies.adminPhone')} rules={[{ required: true }, { pattern: /^1[3-9]\d{9}$/, message: t('validation.invalid_phone') }]}>
          <Input maxLength={11} inputMode="tel" />
        </Form.Item>
        <Form.Item name={['admin', 'username']} label={t('companies.adminUsername')} rules={[{ pattern: /^[A-Za-z][A-Za-z0-9_.-]{2,31}$/, message: t('validation.invalid_username') }]}>
          <Input maxLength={32} autoComplete="off" />
        </Form.Item>
        <Form.Item name={['admin', 'password']} label={t('companies.adminPassword')} rules={newPasswordRules(t)}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
