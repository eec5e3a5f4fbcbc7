import { Alert, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../../shared/api.ts';
import { applyFieldErrors, errorText } from '../../../../shared/errors.ts';
import { runSubmit } from '../../../../shared/runSubmit.ts';
import { yuan } from '../shared/format.ts';
import { useVoidPayment, type PaymentDetail } from '../shared/api.ts';

/** 作废 a same-day payment with a reason; the server's refusal (409: another day, refunded …) is shown as it says it */
export function VoidModal({ payment, onClose }: { payment: PaymentDetail | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const voidIt = useVoidPayment();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { if (payment) { form.resetFields(); setError(null); } }, [payment?.id]); // eslint-disable-line react-hooks/exhaustive-deps
  const submit = async () => {
    const { reason } = await form.validateFields();
    setError(null);
    voidIt.mutate({ id: payment!.id, body: { reason: reason.trim(), version: payment!.version } }, {
      onSuccess: onClose,
      onError: (e) => {
        if (isApiError(e) && e.status === 400) applyFieldErrors(form, e, t);
        setError(errorText(t, e));
      },
    });
  };
  return (
    <Modal open={!!payment} title={t('payments.void.title')} onCancel={onClose} onOk={runSubmit(submit)} confirmLoading={voidIt.isPending} forceRender
      okText={t('payments.void.confirm')} okButtonProps={{ danger: true, 'data-testid': 'payment-void-submit' } as never}>
      {payment && <p>{payment.receipt?.number} · {payment.roomCode} · ¥{yuan(payment.amountFen)} · {payment.businessDate}</p>}
      <Alert type="warning" showIcon title={t('payments.void.sameDay')} style={{ marginBottom: 12 }} />
      {error && <Alert type="error" showIcon title={error} data-testid="payment-void-error" style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('payments.void.reason')} rules={[{ required: true, whitespace: true, message: t('payments.void.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={200} data-testid="payment-void-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
