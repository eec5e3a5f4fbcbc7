import { Alert, App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../../shared/errors.ts';
import { runSubmit } from '../../../../shared/runSubmit.ts';
import { useCancelRun, type BillRun } from '../api-accounts.ts';

/** 作废批次: its unpaid bills are voided (with reversals); a bill with money paid keeps the run from being cancelled. */
export function CancelRunModal({ run, onClose }: { run: BillRun | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const cancel = useCancelRun();
  const [form] = Form.useForm<{ reason: string }>();
  useEffect(() => {
    if (run) form.resetFields();
  }, [run, form]);
  const submit = async () => {
    const { reason } = await form.validateFields();
    cancel.mutate({ id: run!.id, version: run!.version, reason }, {
      onSuccess: (r) => {
        void message.success(t('billing.run.cancelled', { n: r.billsVoided }));
        onClose();
      },
      onError: (e) => onError(e, { form }),
    });
  };
  return (
    <Modal open={!!run} title={t('billing.run.cancel')} onCancel={onClose} onOk={runSubmit(submit)} confirmLoading={cancel.isPending} forceRender
      okButtonProps={{ danger: true, 'data-testid': 'run-cancel-submit' }}>
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('billing.run.cancelHelp')} />
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('billing.run.cancelReason')} rules={[{ required: true, min: 2, max: 200, message: t('billing.run.reasonRule') }]}>
          <Input.TextArea rows={3} data-testid="run-cancel-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
