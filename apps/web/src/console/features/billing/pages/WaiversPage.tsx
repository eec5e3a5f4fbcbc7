import { App, Button, Form, Input, Modal, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../../shared/api.ts';
import { errorText, useApiErrorHandler } from '../../../../shared/errors.ts';
import { RefreshButton, ValueFilter } from '../../../../shared/ListControls.tsx';
import { yuan } from '../../../../shared/money.ts';
import { PageHead } from '../../../../shared/PageHead.tsx';
import { runSubmit } from '../../../../shared/runSubmit.ts';
import { formatDateTime } from '../../../../shared/time.ts';
import { usePagedQuery } from '../../../../shared/usePagedQuery.ts';
import { useDecideWaiver, useWaivers, type Waiver, type WaiverQuery } from '../api-accounts.ts';
import { BillDetailDrawer, WaiverStatusTag } from '../bills/BillDetailDrawer.tsx';
import { periodText } from '../runs/labels.tsx';

const STATUSES = ['requested', 'approved', 'rejected', 'withdrawn'] as const;
type Decision = { w: Waiver; decision: 'approve' | 'reject' };

/** 批准 / 驳回 with a note (驳回 needs one). Approving one's own request is the server's 403, said plainly. */
function DecideModal({ d, onClose }: { d: Decision | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const onError = useApiErrorHandler();
  const decide = useDecideWaiver();
  const [form] = Form.useForm<{ note?: string }>();
  const submit = async () => {
    const { note } = await form.validateFields();
    decide.mutate({ id: d!.w.id, decision: d!.decision, version: d!.w.version, ...(note?.trim() ? { note: note.trim() } : {}) }, {
      onSuccess: () => {
        void message.success(t(d!.decision === 'approve' ? 'billing.waiver.approvedMsg' : 'billing.waiver.rejectedMsg'));
        form.resetFields();
        onClose();
      },
      onError: (e) => {
        if (isApiError(e) && e.status === 403) {
          modal.error({ title: t('billing.waiver.forbidden'), content: <span data-testid="waiver-forbidden">{errorText(t, e)}</span> });
          return;
        }
        onError(e, { form });
      },
    });
  };
  return (
    <Modal open={!!d} title={d && t(`billing.waiver.${d.decision}`)} onCancel={onClose} onOk={runSubmit(submit)} confirmLoading={decide.isPending} forceRender
      okButtonProps={{ danger: d?.decision === 'reject', 'data-testid': 'waiver-decide-submit' }}>
      {d && <p>{d.w.targetCode} · {d.w.feeItemName} · {t('billing.waiver.principal')} {yuan(d.w.principalFen)} · {t('billing.waiver.lateFee')} {yuan(d.w.lateFeeFen)}</p>}
      <Form form={form} layout="vertical">
        <Form.Item name="note" label={t('billing.waiver.note')}
          rules={d?.decision === 'reject' ? [{ required: true, whitespace: true, message: t('billing.waiver.noteRequired') }] : []}>
          <Input.TextArea rows={3} maxLength={500} data-testid="waiver-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 减免审批: requests of the header's project (pending first by default), approved or rejected here. */
export default function WaiversPage() {
  const { t } = useTranslation();
  const { query, filter, pagination } = usePagedQuery<WaiverQuery>();
  const [status, setStatus] = useState<Waiver['status'] | undefined>('requested');
  const list = useWaivers({ ...query, status });
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const [bill, setBill] = useState<string | null>(null);
  return (
    <>
      <PageHead title={t('billing.waiver.approvalTitle')}>
        <ValueFilter values={STATUSES} labelPrefix="billing.waiver.status" placeholder={t('common.status')} value={status}
          onChange={(s) => { setStatus(s); filter({}); }} width={110} testId="waiver-filter-status" />
        <RefreshButton query={list} />
      </PageHead>
      <Table<Waiver>
        rowKey="id" size="middle" loading={list.isPending || list.isPlaceholderData} dataSource={list.data?.items ?? []} pagination={pagination(list.data?.total)}
        data-testid="waiver-table"
        columns={[
          { title: t('billing.bill.code'), dataIndex: 'targetCode', width: 110 },
          { title: t('billing.standard.feeItem'), dataIndex: 'feeItemName' },
          { title: t('billing.run.period'), key: 'p', width: 200, render: (_: unknown, w: Waiver) => periodText(w.periodFrom, w.periodTo) },
          { title: t('billing.waiver.principal'), dataIndex: 'principalFen', align: 'right', render: (v: number) => yuan(v) },
          { title: t('billing.waiver.lateFee'), dataIndex: 'lateFeeFen', align: 'right', render: (v: number) => yuan(v) },
          { title: t('billing.waiver.reason'), dataIndex: 'reason', ellipsis: true },
          { title: t('billing.waiver.requestedBy'), dataIndex: 'requestedByName', width: 100 },
          { title: t('common.createdAt'), dataIndex: 'createdAt', width: 160, render: (v: string) => formatDateTime(v) },
          { title: t('common.status'), dataIndex: 'status', width: 90, render: (s: Waiver['status'], w: Waiver) => <span title={w.decisionNote ?? ''}><WaiverStatusTag status={s} /></span> },
          {
            title: t('common.actions'), key: 'a', width: 170,
            render: (_: unknown, w: Waiver) => (
              <>
                <Button type="link" size="small" onClick={() => setBill(w.billId)}>{t('billing.waiver.bill')}</Button>
                {w.status === 'requested' && (
                  <>
                    <Button type="link" size="small" onClick={() => setDeciding({ w, decision: 'approve' })} data-testid={`waiver-approve-${w.targetCode}`}>{t('billing.waiver.approve')}</Button>
                    <Button type="link" size="small" danger onClick={() => setDeciding({ w, decision: 'reject' })} data-testid={`waiver-reject-${w.targetCode}`}>{t('billing.waiver.reject')}</Button>
                  </>
                )}
              </>
            ),
          },
        ]}
      />
      <DecideModal d={deciding} onClose={() => setDeciding(null)} />
      <BillDetailDrawer id={bill} onClose={() => setBill(null)} />
    </>
  );
}
