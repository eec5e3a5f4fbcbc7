import { useQueryClient } from '@tanstack/react-query';
import { Form, Input, InputNumber, Modal, Rate, Select, type ButtonProps } from 'antd';
import { revisitResults, woPauseReasons } from '@wuye/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../../shared/errors.ts';
import { FormErrorAlert } from '../../../../shared/FormErrorAlert.tsx';
import { fenOf, YUAN_PATTERN } from '../../../../shared/money.ts';
import { runSubmit } from '../../../../shared/runSubmit.ts';
import { WO_KEY, useWorkOrderEvent } from '../api.ts';
import { PhotoPicker } from '../components/PhotoPicker.tsx';
import type { WorkOrderDetail, WorkOrderEvent, WorkOrderEventBody } from '../types.ts';
import { woFieldErrors } from '../fieldErrors.ts';
import { AssigneeSelect } from './AssigneeSelect.tsx';

const NOTE_REQUIRED = new Set<WorkOrderEvent>(['reject', 'cancel', 'reopen']);
const WITH_PHOTOS = new Set<WorkOrderEvent>(['start', 'pause', 'complete', 'reject']);

interface Values {
  note?: string;
  assigneeId?: string;
  reason?: (typeof woPauseReasons)[number];
  amount?: string;
  materials?: string;
  labourMinutes?: number | null;
  rating?: number;
  comment?: string;
  result?: (typeof revisitResults)[number];
  fileIds?: string[];
}

const blank = (s?: string) => (s && s.trim() ? s.trim() : undefined);

/** The body of one event, as `ZWorkOrderEventBody` wants it (the server checks the table again). */
function bodyOf(event: WorkOrderEvent, version: number, v: Values): WorkOrderEventBody {
  const base = { version, note: blank(v.note), fileIds: v.fileIds ?? [] };
  switch (event) {
    case 'assign': case 'transfer': return { event, ...base, assigneeId: v.assigneeId! };
    case 'reject': case 'cancel': case 'reopen': return { event, ...base, note: v.note!.trim() };
    case 'pause': return { event, ...base, reason: v.reason! };
    case 'quote': return { event, ...base, amountFen: fenOf(v.amount)! };
    case 'complete': return { event, ...base, materials: blank(v.materials), labourMinutes: v.labourMinutes ?? undefined };
    case 'confirm': return { event, ...base, rating: v.rating!, comment: blank(v.comment) };
    case 'revisit': return { event, ...base, result: v.result! };
    default: return { event, ...base } as WorkOrderEventBody;
  }
}

/** One transition's small form; it sends the order's version, and shows the server's 409 / 403 / 400 answer in place. */
export function EventModal({ order, event, onClose }: { order: WorkOrderDetail; event: WorkOrderEvent | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const send = useWorkOrderEvent(order.id);
  const [error, setError] = useState<string | null>(null);
  const [idempotencyKey, setKey] = useState(() => crypto.randomUUID());

  useEffect(() => {
    if (!event) return;
    setKey(crypto.randomUUID());
    setError(null);
    form.resetFields();
  }, [event, form]);

  const submit = async () => {
    if (!event) return;
    const v = await form.validateFields();
    setError(null);
    send.mutate({ body: bodyOf(event, order.version, v), idempotencyKey }, {
      onSuccess: onClose,
      onError: (e) => {
        woFieldErrors(form, e, t);
        setError(errorText(t, e));
        // what is allowed may have changed under us: show the current abilities
        void qc.invalidateQueries({ queryKey: WO_KEY });
      },
    });
  };

  const required = { required: true, message: t('woConsole.action.required') };
  return (
    <Modal
      open={!!event}
      title={event ? t(`woConsole.event.${event}`) : ''}
      onCancel={onClose}
      onOk={runSubmit(submit)}
      confirmLoading={send.isPending}
      okButtonProps={{ 'data-testid': 'wo-event-submit' } as ButtonProps}
      forceRender
    >
      <Form form={form} layout="vertical" data-testid="wo-event-form">
        <FormErrorAlert error={error} testId="wo-event-error" />
        {(event === 'assign' || event === 'transfer') && (
          <Form.Item name="assigneeId" label={t('woConsole.field.assignee')} rules={[required]}>
            <AssigneeSelect orderId={order.id} exclude={event === 'transfer' ? order.assigneeId : null} />
          </Form.Item>
        )}
        {event === 'pause' && (
          <Form.Item name="reason" label={t('woConsole.field.pauseReason')} rules={[required]}>
            <Select options={woPauseReasons.map((r) => ({ value: r, label: t(`woConsole.pauseReason.${r}`) }))} data-testid="wo-event-reason" />
          </Form.Item>
        )}
        {event === 'quote' && (
          <Form.Item name="amount" label={t('woConsole.field.quoteYuan')} rules={[required, { pattern: YUAN_PATTERN, message: t('woConsole.action.yuan') }]}>
            <Input inputMode="decimal" suffix={t('woConsole.yuan')} data-testid="wo-event-amount" />
          </Form.Item>
        )}
        {event === 'complete' && (
          <>
            <Form.Item name="materials" label={t('woConsole.field.materials')}>
              <Input.TextArea rows={2} maxLength={1000} data-testid="wo-event-materials" />
            </Form.Item>
            <Form.Item name="labourMinutes" label={t('woConsole.field.labourMinutes')}>
              <InputNumber min={0} max={43200} precision={0} data-testid="wo-event-labour" />
            </Form.Item>
          </>
        )}
        {event === 'confirm' && (
          <>
            <Form.Item name="rating" label={t('woConsole.field.rating')} rules={[required]} extra={t('woConsole.action.phoneRating')}>
              <Rate data-testid="wo-event-rating" />
            </Form.Item>
            <Form.Item name="comment" label={t('woConsole.field.ratingComment')}>
              <Input.TextArea rows={2} maxLength={1000} data-testid="wo-event-comment" />
            </Form.Item>
          </>
        )}
        {event === 'revisit' && (
          <Form.Item name="result" label={t('woConsole.field.revisitResult')} rules={[required]}>
            <Select options={revisitResults.map((r) => ({ value: r, label: t(`woConsole.revisitResult.${r}`) }))} data-testid="wo-event-result" />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('woConsole.field.note')} rules={event && NOTE_REQUIRED.has(event) ? [{ ...required, whitespace: true }] : []}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="wo-event-note" />
        </Form.Item>
        {event && WITH_PHOTOS.has(event) && (
          <Form.Item name="fileIds" label={t('woConsole.field.photos')}>
            <PhotoPicker key={idempotencyKey} testId="wo-event-photos" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
