import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api.ts';
import { errorText, useApiErrorHandler } from '../../../shared/errors.ts';
import { useChangePassword } from './api.ts';

interface Values {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const onError = useApiErrorHandler();

  const submit = async () => {
    const v = await form.validateFields();
    change.mutate(
      { oldPassword: v.oldPassword, newPassword: v.newPassword },
      {
        onSuccess: () => {
          void message.success(t('sessions.passwordChanged'));
          onClose();
        },
        onError: (e) => {
          if (isApiError(e) && e.code === 'invalid_credentials') {
            form.setFields([{ name: 'oldPassword', errors: [errorText(t, e)] }]);
          } else onError(e, { form });
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('layout.changePassword')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={change.isPending}
      afterClose={() => form.resetFields()}
      forceRender
    >
      <Form form={form} layout="vertical">
        <Form.Item name="oldPassword" label={t('sessions.oldPassword')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" data-testid="password-old" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('sessions.newPassword')} rules={[{ required: true }, { min: 8, message: t('sessions.minLength') }]}>
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('sessions.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('sessions.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
