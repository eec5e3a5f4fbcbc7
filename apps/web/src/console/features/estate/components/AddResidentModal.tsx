import { DatePicker, Form, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { runSubmit } from '../../../../shared/runSubmit.ts';
import { dayjs } from '../../../../shared/time.ts';
import { useAddResident } from '../api.ts';
import { enumOptions, ownsRoom, RELATIONS } from '../labels.tsx';
import type { Relation } from '../types.ts';
import { useFieldSaveFeedback } from './fieldErrors.ts';
import { PersonPicker } from './PersonPicker.tsx';

interface Values {
  personId: string;
  relation: Relation;
  /** percent, two decimals (owners only) */
  sharePercent?: number;
  validFrom: Dayjs;
}

/** 添加住户: a co-owner, tenant or family member from a day on (owners change hands through 过户). */
export function AddResidentModal({ roomId, open, onClose }: { roomId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const add = useAddResident();
  const saved = useFieldSaveFeedback(form, onClose, { doneKey: 'resident.added' });
  const relation = Form.useWatch('relation', form);

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const shareBp = ownsRoom(v.relation) && v.sharePercent != null ? Math.round(v.sharePercent * 100) : undefined;
    add.mutate({ roomId, body: { personId: v.personId, relation: v.relation, validFrom: v.validFrom.format('YYYY-MM-DD'), ...(shareBp ? { shareBp } : {}) } }, saved);
  };

  return (
    <Modal
      open={open}
      title={t('resident.add')}
      onCancel={onClose}
      onOk={runSubmit(submit)}
      confirmLoading={add.isPending}
      okButtonProps={{ 'data-testid': 'resident-add-submit' }}
      forceRender
    >
      <Form form={form} layout="vertical" initialValues={{ relation: 'tenant', validFrom: dayjs() }}>
        <Form.Item name="personId" label={t('resident.person')} rules={[{ required: true, message: t('person.pickRequired') }]}>
          <PersonPicker testId="resident-person" />
        </Form.Item>
        <Form.Item name="relation" label={t('resident.relation')} rules={[{ required: true }]}>
          <Select options={enumOptions(t, 'relation', RELATIONS)} data-testid="resident-relation" />
        </Form.Item>
        {relation && ownsRoom(relation) && (
          <Form.Item name="sharePercent" label={t('resident.share')} rules={[{ required: true }]} extra={t('resident.shareHelp')}>
            <InputNumber min={0.01} max={100} precision={2} suffix="%" style={{ width: 160 }} data-testid="resident-share" />
          </Form.Item>
        )}
        <Form.Item name="validFrom" label={t('resident.validFrom')} rules={[{ required: true }]}>
          <DatePicker allowClear={false} data-testid="resident-valid-from" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
