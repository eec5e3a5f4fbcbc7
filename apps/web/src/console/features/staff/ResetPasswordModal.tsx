import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../shared/errors.ts';
import type { Staff } from '../../../shared/types.ts';
import { useResetStaffPassword } from './api.ts';

interface Values {
  newPassword: string;
  confirm: string;
}

export function ResetPasswordModal({ staff, onClose }: { staff: Staff | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const reset = useResetStaffPassword();
  const onError = useApiErrorHandler();

  const submit = async () => {
    if (!staff) return;
    const v = await form.validateFields();
    reset.mutate(
      { id: staff.id, newPassword: v.newPassword },
      {
        onSuccess: () => {
          void message.success(t('staff.passwordReset'));
          onClose();
        },
        onError: (e) => onError(e, { form }),
      },
    );
  };

  return (
    <Modal
      open={!!staff}
      title={`${t('staff.resetPassword')} · ${staff?.name ?? ''}`}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={reset.isPending}
      afterClose={() => form.resetFields()}
      forceRender
    >
      <Form form={form} layout="vertical">
        <Form.Item name="newPassword" label={t('staff.newPassword')} rules={[{ required: true }, { min: 8, message: t('sessions.minLength') }]}>
          <Input.Password autoComplete="new-password" data-testid="reset-password-new" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('staff.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('staff.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="reset-password-confirm" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
