import { Button, DatePicker, Form, InputNumber, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { runSubmit } from '../../../../shared/runSubmit.ts';
import { dayjs } from '../../../../shared/time.ts';
import { useUpdateRoom } from '../api.ts';
import { enumOptions, ROOM_TYPES } from '../labels.tsx';
import type { RoomDetail, RoomType, RoomUpdate } from '../types.ts';
import { useFieldSaveFeedback } from './fieldErrors.ts';

interface Values {
  type: RoomType;
  buildingArea: string;
  insideArea: string | null;
  deliveryDate: Dayjs | null;
}

/** Exact m² with two decimals, as strings: "89.5" and "89.50" are the same area. */
const sameArea = (a: string | null | undefined, b: string | null) => (a ? Number(a).toFixed(2) : null) === b;

/** Only what changed, with the version the edit started from (a stale one answers 409). */
function diff(room: RoomDetail, v: Values): RoomUpdate {
  const out: RoomUpdate = { version: room.version };
  if (v.type !== room.type) out.type = v.type;
  if (!sameArea(v.buildingArea, room.buildingArea)) out.buildingArea = v.buildingArea;
  if (!sameArea(v.insideArea, room.insideArea)) out.insideArea = v.insideArea || null;
  const delivery = v.deliveryDate ? v.deliveryDate.format('YYYY-MM-DD') : null;
  if (delivery !== room.deliveryDate) out.deliveryDate = delivery;
  return out;
}

export function RoomEditForm({ room, onDone }: { room: RoomDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const update = useUpdateRoom();
  const saved = useFieldSaveFeedback(form, onDone, { closeOnStale: true });

  const submit = async () => {
    const v = await form.validateFields();
    const body = diff(room, v);
    if (Object.keys(body).length === 1) return onDone();
    update.mutate({ id: room.id, body }, saved);
  };

  const area = (testId: string) => (
    <InputNumber<string> stringMode precision={2} min="0.01" max="9999999.99" suffix="m²" style={{ width: 200 }} data-testid={testId} />
  );

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{
        type: room.type,
        buildingArea: room.buildingArea,
        insideArea: room.insideArea,
        deliveryDate: room.deliveryDate ? dayjs(room.deliveryDate) : null,
      }}
    >
      <Form.Item name="type" label={t('room.type')} rules={[{ required: true }]}>
        <Select options={enumOptions(t, 'roomType', ROOM_TYPES)} style={{ width: 200 }} data-testid="room-edit-type" />
      </Form.Item>
      <Form.Item name="buildingArea" label={t('room.buildingArea')} rules={[{ required: true }]}>
        {area('room-edit-area')}
      </Form.Item>
      <Form.Item name="insideArea" label={t('room.insideArea')}>
        {area('room-edit-inside')}
      </Form.Item>
      <Form.Item name="deliveryDate" label={t('room.deliveryDate')}>
        <DatePicker style={{ width: 200 }} />
      </Form.Item>
      <Space>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="primary" loading={update.isPending} onClick={runSubmit(submit)} data-testid="room-edit-save">
          {t('common.save')}
        </Button>
      </Space>
    </Form>
  );
}
