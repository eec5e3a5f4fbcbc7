import { runSubmit } from '../../../shared/runSubmit.ts';
import { Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { PasswordFields } from '../../../shared/PasswordFields.tsx';
import type { Staff } from '../../../shared/types.ts';
import { useSaveFeedback } from '../../../shared/useSaveFeedback.ts';
import { useResetStaffPassword } from './api.ts';

interface Values {
  newPassword: string;
  confirm: string;
}

export function ResetPasswordModal({ staff, onClose }: { staff: Staff | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const reset = useResetStaffPassword();
  const saved = useSaveFeedback(form, onClose, { doneKey: 'staff.passwordReset' });

  const submit = async () => {
    if (!staff) return;
    const v = await form.validateFields();
    reset.mutate({ id: staff.id, newPassword: v.newPassword }, saved);
  };

  return (
    <Modal
      open={!!staff}
      title={`${t('staff.resetPassword')} · ${staff?.name ?? ''}`}
      onCancel={onClose}
      onOk={runSubmit(submit)}
      confirmLoading={reset.isPending}
      afterClose={() => form.resetFields()}
      forceRender
    >
      <Form form={form} layout="vertical">
        <PasswordFields
          keys={{ label: 'staff.newPassword', confirmLabel: 'staff.confirmPassword', mismatch: 'staff.passwordMismatch' }}
          testIds={{ password: 'reset-password-new', confirm: 'reset-password-confirm' }}
        />
      </Form>
    </Modal>
  );
}
