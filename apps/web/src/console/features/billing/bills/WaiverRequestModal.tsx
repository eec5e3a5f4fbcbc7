import { Alert, App, Descriptions, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../../shared/errors.ts';
import { fenOf, yuan, YUAN_PATTERN } from '../../../../shared/money.ts';
import { runSubmit } from '../../../../shared/runSubmit.ts';
import { useRequestWaiver, type BillDetail } from '../api-accounts.ts';

interface Values { principalYuan?: string; lateFeeYuan?: string; reason: string }

/**
 * 申请减免: principal and late fee in 元 (to 分 exactly, no float), each at most what is owed; the
 * late fee may include what has accrued but is not yet posted (approval posts it first).
 */
export function WaiverRequestModal({ bill, onClose }: { bill: BillDetail | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const request = useRequestWaiver();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (bill) form.resetFields();
  }, [bill, form]);
  const b = bill?.balance;
  const lateOwed = b ? b.lateFeeOutstandingFen + b.lateFeeUnpostedFen : 0;
  const max = (limit: number) => ({
    validator: (_: unknown, v?: string) => {
      if (!v) return Promise.resolve();
      if (!YUAN_PATTERN.test(v.trim())) return Promise.reject(new Error(t('billing.waiver.yuanRule')));
      return fenOf(v)! > limit ? Promise.reject(new Error(t('billing.waiver.overLimit', { max: yuan(limit) }))) : Promise.resolve();
    },
  });
  const submit = async () => {
    const v = await form.validateFields();
    const principalFen = fenOf(v.principalYuan) ?? 0;
    const lateFeeFen = fenOf(v.lateFeeYuan) ?? 0;
    if (principalFen + lateFeeFen === 0) {
      form.setFields([{ name: 'principalYuan', errors: [t('billing.waiver.nothing')] }]);
      return;
    }
    request.mutate({ billId: bill!.id, principalFen, lateFeeFen, reason: v.reason }, {
      onSuccess: () => {
        void message.success(t('billing.waiver.requested'));
        onClose();
      },
      onError: (e) => onError(e, { form }),
    });
  };
  return (
    <Modal open={!!bill} title={t('billing.waiver.request')} onCancel={onClose} onOk={runSubmit(submit)} confirmLoading={request.isPending} forceRender
      okButtonProps={{ 'data-testid': 'waiver-submit' }}>
      {b && (
        <Descriptions size="small" column={2} style={{ marginBottom: 12 }} items={[
          { key: 'p', label: t('billing.bill.principalOutstanding'), children: yuan(b.principalOutstandingFen) },
          { key: 'l', label: t('billing.bill.lateFeeOwed'), children: yuan(lateOwed) },
        ]} />
      )}
      <Form form={form} layout="vertical">
        <Form.Item name="principalYuan" label={t('billing.waiver.principal')} rules={[max(b?.principalOutstandingFen ?? 0)]}>
          <Input suffix="元" inputMode="decimal" data-testid="waiver-principal" />
        </Form.Item>
        <Form.Item name="lateFeeYuan" label={t('billing.waiver.lateFee')} rules={[max(lateOwed)]}>
          <Input suffix="元" inputMode="decimal" data-testid="waiver-late-fee" />
        </Form.Item>
        <Form.Item name="reason" label={t('billing.waiver.reason')} rules={[{ required: true, whitespace: true, min: 2, max: 500, message: t('billing.waiver.reasonRule') }]}>
          <Input.TextArea rows={3} data-testid="waiver-reason" />
        </Form.Item>
      </Form>
      <Alert type="info" showIcon title={t('billing.waiver.help')} />
    </Modal>
  );
}
