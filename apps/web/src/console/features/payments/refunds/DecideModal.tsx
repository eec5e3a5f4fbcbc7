import { App, Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../../shared/api.ts';
import { errorText, useApiErrorHandler } from '../../../../shared/errors.ts';
import { yuan } from '../../../../shared/money.ts';
import { runSubmit } from '../../../../shared/runSubmit.ts';
import { useDecideRefund, type Refund } from './api.ts';

export type Decision = { r: Refund; decision: 'approve' | 'reject' };

/**
 * 批准 / 驳回 a refund after a confirmation that says what happens: cash and transfers are posted at
 * once, the original channel goes through the provider (processing until it confirms). A rejection
 * needs a note. The server's 403 (one's own request) and 409 (the limits no longer hold) are said plainly.
 */
export function DecideModal({ d, onClose }: { d: Decision | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const onError = useApiErrorHandler();
  const decide = useDecideRefund();
  const [form] = Form.useForm<{ note?: string }>();
  const approving = d?.decision === 'approve';
  const submit = async () => {
    const { note } = await form.validateFields();
    decide.mutate({ id: d!.r.id, decision: d!.decision, version: d!.r.version, ...(note?.trim() ? { note: note.trim() } : {}) }, {
      onSuccess: (r) => {
        if (r.status === 'succeeded') void message.success(t('payAfter.refunds.approvedMsg'));
        else if (r.status === 'processing') void message.info(t('payAfter.refunds.processingMsg'));
        else if (r.status === 'failed') void message.error(t('payAfter.refunds.failedMsg', { reason: r.failReason ?? '' }));
        else void message.success(t('payAfter.refunds.rejectedMsg'));
        form.resetFields();
        onClose();
      },
      onError: (e) => {
        if (isApiError(e) && e.status === 403) {
          modal.error({ title: t('payAfter.refunds.forbidden'), content: <span data-testid="refund-forbidden">{errorText(t, e)}</span> });
          return;
        }
        onError(e, { form });
      },
    });
  };
  const r = d?.r;
  const confirm = r && (r.channel === 'original'
    ? t('payAfter.refunds.approveOriginal', { amount: yuan(r.amountFen) })
    : t('payAfter.refunds.approveConfirm', { amount: yuan(r.amountFen), channel: t(`payAfter.refunds.channel.${r.channel}`) }));
  return (
    <Modal open={!!d} title={d && t(approving ? 'payAfter.refunds.approveTitle' : 'payAfter.refunds.rejectTitle')} onCancel={onClose} onOk={runSubmit(submit)}
      confirmLoading={decide.isPending} forceRender okText={d && t(approving ? 'payAfter.refunds.approve' : 'payAfter.refunds.reject')}
      okButtonProps={{ danger: !approving, 'data-testid': 'refund-decide-submit' }}>
      {r && (
        <>
          <p>
            {r.roomCode} · {t(`payAfter.refunds.source.${r.source}`)}{r.receiptNumber ? ` · ${r.receiptNumber}` : ''} · <b>{yuan(r.amountFen)}</b>
          </p>
          <p>{t('payAfter.refunds.col.reason')}：{r.reason}</p>
          {approving && <Alert type={r.channel === 'original' ? 'info' : 'warning'} showIcon message={confirm} style={{ marginBottom: 12 }} data-testid="refund-decide-confirm" />}
        </>
      )}
      <Form form={form} layout="vertical">
        <Form.Item name="note" label={t('payAfter.refunds.note')}
          rules={approving ? [] : [{ required: true, whitespace: true, message: t('payAfter.refunds.noteRequired') }]}>
          <Input.TextArea rows={3} maxLength={500} data-testid="refund-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
