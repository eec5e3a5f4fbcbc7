import { Form, Input, InputNumber, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../../shared/FormDrawer.tsx';
import { runSubmit } from '../../../../shared/runSubmit.ts';
import { useSaveParking } from '../api-places.ts';
import { enumOptions, PARKING_TYPES, PLACE_STATUSES } from '../labels.tsx';
import type { ParkingSpace, ParkingType, ParkingUpdate, PlaceStatus } from '../types.ts';
import { useFieldSaveFeedback } from './fieldErrors.ts';
import { ProjectField } from './ProjectField.tsx';
import { useCurrentProject } from './ProjectRequired.tsx';
import { RoomPicker } from './RoomPicker.tsx';

interface Values {
  projectId: string;
  code: string;
  area?: string | null;
  type: ParkingType;
  roomId?: string | null;
  status: PlaceStatus;
}

function diff(p: ParkingSpace, v: Values): ParkingUpdate {
  const out: ParkingUpdate = { version: p.version };
  const area = v.area ? Number(v.area).toFixed(2) : null;
  if (area !== p.area) out.area = v.area || null;
  if (v.type !== p.type) out.type = v.type;
  if ((v.roomId ?? null) !== p.roomId) out.roomId = v.roomId ?? null;
  if (v.status !== p.status) out.status = v.status;
  return out;
}

/** New parking space, or an existing one's area, type, bound room and status (the code stays). */
export function ParkingFormDrawer({ open, space, onClose }: { open: boolean; space: ParkingSpace | null; onClose: () => void }) {
  const { t } = useTranslation();
  const project = useCurrentProject();
  const [form] = Form.useForm<Values>();
  const save = useSaveParking();
  const saved = useFieldSaveFeedback(form, onClose, { closeOnStale: true });
  const projectId = Form.useWatch('projectId', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (space) form.setFieldsValue({ projectId: space.projectId, code: space.code, area: space.area, type: space.type, roomId: space.roomId, status: space.status });
    else form.setFieldsValue({ projectId: project.id || undefined });
  }, [open, space, form, project.id]);

  const submit = async () => {
    const v = await form.validateFields();
    if (space) return save.mutate({ id: space.id, update: diff(space, v) }, saved);
    save.mutate({ create: { projectId: v.projectId, code: v.code.trim(), type: v.type, ...(v.area ? { area: v.area } : {}), ...(v.roomId ? { roomId: v.roomId } : {}) } }, saved);
  };

  return (
    <FormDrawer open={open} size={440} title={space ? t('parking.edit') : t('parking.create')} onClose={onClose} onSave={runSubmit(submit)} saving={save.isPending} saveTestId="parking-form-submit">
      <Form form={form} layout="vertical" initialValues={{ type: 'owned', status: 'active' }}>
        <ProjectField show={!space} />
        <Form.Item name="code" label={t('parking.code')} extra={t('parking.codeHelp')} rules={[{ required: true, whitespace: true }, { max: 32 }]}>
          <Input disabled={!!space} maxLength={32} data-testid="parking-code" />
        </Form.Item>
        <Form.Item name="type" label={t('parking.type')} rules={[{ required: true }]}>
          <Select options={enumOptions(t, 'parkingType', PARKING_TYPES)} data-testid="parking-type" />
        </Form.Item>
        <Form.Item name="area" label={t('parking.area')}>
          <InputNumber<string> stringMode precision={2} min="0.01" suffix="m²" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="roomId" label={t('parking.room')} extra={t('parking.roomHelp')}>
          <RoomPicker projectId={space?.projectId ?? projectId} testId="parking-room" />
        </Form.Item>
        {space && (
          <Form.Item name="status" label={t('common.status')}>
            <Select options={enumOptions(t, 'status', PLACE_STATUSES)} />
          </Form.Item>
        )}
      </Form>
    </FormDrawer>
  );
}
