import { Descriptions, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { runSubmit } from '../../../../shared/runSubmit.ts';
import { useDecideBinding } from '../api-people.ts';
import type { Binding } from '../types.ts';
import { useFieldSaveFeedback } from './fieldErrors.ts';

export interface Decision {
  binding: Binding;
  approve: boolean;
}

/** 通过 / 驳回 a resident's request to be bound to a room, with a note the resident sees. */
export function BindingDecisionModal({ decision, onClose }: { decision: Decision | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note?: string }>();
  const decide = useDecideBinding();
  const approve = decision?.approve ?? true;
  const saved = useFieldSaveFeedback(form, onClose, { doneKey: approve ? 'binding.approved' : 'binding.rejected', closeOnStale: true });

  useEffect(() => {
    if (decision) form.resetFields();
  }, [decision, form]);

  const submit = async () => {
    if (!decision) return;
    const v = await form.validateFields();
    decide.mutate({ id: decision.binding.id, approve, version: decision.binding.version, note: v.note?.trim() || undefined }, saved);
  };

  const b = decision?.binding;
  return (
    <Modal
      open={!!decision}
      title={approve ? t('binding.approveTitle') : t('binding.rejectTitle')}
      onCancel={onClose}
      onOk={runSubmit(submit)}
      okText={approve ? t('binding.approve') : t('binding.reject')}
      okButtonProps={{ danger: !approve, 'data-testid': 'binding-decision-submit' }}
      confirmLoading={decide.isPending}
      forceRender
    >
      {b && (
        <Descriptions
          size="small"
          column={2}
          style={{ marginBottom: 16 }}
          items={[
            { key: 'name', label: t('binding.name'), children: b.name },
            { key: 'phone', label: t('binding.phone'), children: b.phone ?? '—' },
            { key: 'room', label: t('binding.room'), children: `${b.projectName} ${b.roomCode}` },
            { key: 'relation', label: t('binding.relation'), children: t(`relation.${b.relation}`) },
          ]}
        />
      )}
      <Form form={form} layout="vertical">
        <Form.Item
          name="note"
          label={approve ? t('binding.noteOptional') : t('binding.reason')}
          rules={[{ required: !approve, whitespace: true, message: t('binding.reasonRequired') }, { max: 200 }]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount data-testid="binding-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
