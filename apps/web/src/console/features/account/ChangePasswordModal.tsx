import { runSubmit } from '../../../shared/runSubmit.ts';
import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api.ts';
import { errorText } from '../../../shared/errors.ts';
import { PasswordFields } from '../../../shared/PasswordFields.tsx';
import { useSaveFeedback } from '../../../shared/useSaveFeedback.ts';
import { useChangePassword } from './api.ts';

interface Values {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const saved = useSaveFeedback(form, onClose, { doneKey: 'sessions.passwordChanged' });

  const submit = async () => {
    const v = await form.validateFields();
    change.mutate(
      { oldPassword: v.oldPassword, newPassword: v.newPassword },
      {
        onSuccess: saved.onSuccess,
        onError: (e) => {
          if (isApiError(e) && e.code === 'invalid_credentials') {
            form.setFields([{ name: 'oldPassword', errors: [errorText(t, e)] }]);
          } else saved.onError(e);
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('layout.changePassword')}
      onCancel={onClose}
      onOk={runSubmit(submit)}
      confirmLoading={change.isPending}
      afterClose={() => form.resetFields()}
      forceRender
    >
      <Form form={form} layout="vertical">
        <Form.Item name="oldPassword" label={t('sessions.oldPassword')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" data-testid="password-old" />
        </Form.Item>
        <PasswordFields
          keys={{ label: 'sessions.newPassword', confirmLabel: 'sessions.confirmPassword', mismatch: 'sessions.mismatch' }}
          testIds={{ password: 'password-new', confirm: 'password-confirm' }}
        />
      </Form>
    </Modal>
  );
}
