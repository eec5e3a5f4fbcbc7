import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { runSubmit } from '../../../../shared/runSubmit.ts';
import { dayjs } from '../../../../shared/time.ts';
import { useTransferOwnership } from '../api.ts';
import type { RoomResident } from '../types.ts';
import { useFieldSaveFeedback } from './fieldErrors.ts';
import { PersonPicker } from './PersonPicker.tsx';
import { TransferDocuments } from './TransferDocuments.tsx';

interface Values {
  date: Dayjs;
  owners: { personId?: string; sharePercent?: number }[];
  note?: string;
  fileIds: string[];
}

const totalBp = (owners: Values['owners'] | undefined) => (owners ?? []).reduce((s, o) => s + Math.round((o?.sharePercent ?? 0) * 100), 0);

interface Props {
  roomId: string;
  open: boolean;
  /** the owners now, whose relations end the day before the transfer date */
  currentOwners: RoomResident[];
  onClose: () => void;
}

/** 过户: from a date the new owners (shares adding up to 100 %) replace the current ones, with its documents; tenants and family stay. */
export function TransferModal({ roomId, open, currentOwners, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const transfer = useTransferOwnership();
  const saved = useFieldSaveFeedback(form, onClose, { doneKey: 'resident.transferred' });
  const owners = Form.useWatch('owners', form);
  const total = totalBp(owners);

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const body = {
      date: v.date.format('YYYY-MM-DD'),
      owners: v.owners.map((o) => ({ personId: o.personId!, shareBp: Math.round(o.sharePercent! * 100) })),
      ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      ...(v.fileIds?.length ? { fileIds: v.fileIds } : {}),
    };
    transfer.mutate({ roomId, body }, saved);
  };

  return (
    <Modal
      open={open}
      title={t('resident.transfer')}
      width={760}
      onCancel={onClose}
      onOk={runSubmit(submit)}
      confirmLoading={transfer.isPending}
      okButtonProps={{ 'data-testid': 'transfer-submit' }}
      forceRender
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={
          currentOwners.length
            ? t('resident.transferFrom', { names: currentOwners.map((o) => o.name).join('、') })
            : t('resident.transferNoOwner')
        }
      />
      <Form form={form} layout="vertical" initialValues={{ date: dayjs(), owners: [{ sharePercent: 100 }], fileIds: [] }}>
        <Form.Item name="date" label={t('resident.transferDate')} extra={t('resident.transferDateHelp')} rules={[{ required: true }]}>
          <DatePicker allowClear={false} data-testid="transfer-date" />
        </Form.Item>
        <Form.List
          name="owners"
          rules={[
            {
              validator: async (_, list: Values['owners']) => {
                if (totalBp(list) !== 10000) throw new Error(t('validation.shares_must_total_10000'));
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              <Typography.Text strong>{t('resident.newOwners')}</Typography.Text>
              {fields.map((f, i) => (
                <Space key={f.key} align="start" style={{ display: 'flex', marginTop: 8 }}>
                  <Form.Item name={[f.name, 'personId']} rules={[{ required: true, message: t('person.pickRequired') }]} style={{ width: 340, marginBottom: 8 }}>
                    <PersonPicker testId={`transfer-owner-${i}`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'sharePercent']} rules={[{ required: true, message: t('resident.shareRequired') }]} style={{ marginBottom: 8 }}>
                    <InputNumber min={0.01} max={100} precision={2} suffix="%" style={{ width: 130 }} data-testid={`transfer-share-${i}`} />
                  </Form.Item>
                  {fields.length > 1 && <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label={t('common.delete')} />}
                </Space>
              ))}
              <Space style={{ margin: '4px 0 12px' }}>
                {fields.length < 10 && (
                  <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({})}>
                    {t('resident.addOwner')}
                  </Button>
                )}
                <Typography.Text type={total === 10000 ? 'success' : 'warning'} data-testid="transfer-total">
                  {t('resident.shareTotal', { total: (total / 100).toFixed(2) })}
                </Typography.Text>
              </Space>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
        <Form.Item name="note" label={t('resident.note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="fileIds" label={t('resident.documents')} extra={t('resident.documentsHelp')}>
          <TransferDocuments roomId={roomId} active={open} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
