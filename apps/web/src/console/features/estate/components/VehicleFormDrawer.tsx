import { Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../../shared/FormDrawer.tsx';
import { runSubmit } from '../../../../shared/runSubmit.ts';
import { useSaveVehicle } from '../api-people.ts';
import { enumOptions, PLACE_STATUSES } from '../labels.tsx';
import type { PlaceStatus, Vehicle, VehicleUpdate } from '../types.ts';
import { useFieldSaveFeedback } from './fieldErrors.ts';
import { ParkingPicker } from './ParkingPicker.tsx';
import { PersonPicker } from './PersonPicker.tsx';
import { ProjectField } from './ProjectField.tsx';
import { useCurrentProject } from './ProjectRequired.tsx';
import { RoomPicker } from './RoomPicker.tsx';

interface Values {
  projectId: string;
  plate: string;
  personId?: string | null;
  roomId?: string | null;
  parkingSpaceId?: string | null;
  brand?: string | null;
  color?: string | null;
  status: PlaceStatus;
}

const text = (s: string | null | undefined) => s?.trim() || null;

function diff(v0: Vehicle, v: Values): VehicleUpdate {
  const out: VehicleUpdate = { version: v0.version };
  if ((v.personId ?? null) !== v0.personId) out.personId = v.personId ?? null;
  if ((v.roomId ?? null) !== v0.roomId) out.roomId = v.roomId ?? null;
  if ((v.parkingSpaceId ?? null) !== v0.parkingSpaceId) out.parkingSpaceId = v.parkingSpaceId ?? null;
  if (text(v.brand) !== v0.brand) out.brand = text(v.brand);
  if (text(v.color) !== v0.color) out.color = text(v.color);
  if (v.status !== v0.status) out.status = v.status;
  return out;
}

/** 登记车辆: the plate is checked by the server (incl. 8-character new-energy plates) and its refusal lands on the field. */
export function VehicleFormDrawer({ open, vehicle, onClose }: { open: boolean; vehicle: Vehicle | null; onClose: () => void }) {
  const { t } = useTranslation();
  const project = useCurrentProject();
  const [form] = Form.useForm<Values>();
  const save = useSaveVehicle();
  const saved = useFieldSaveFeedback(form, onClose, { closeOnStale: true });
  const projectId = Form.useWatch('projectId', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (vehicle) form.setFieldsValue({ ...vehicle });
    else form.setFieldsValue({ projectId: project.id || undefined });
  }, [open, vehicle, form, project.id]);

  const submit = async () => {
    const v = await form.validateFields();
    if (vehicle) return save.mutate({ id: vehicle.id, update: diff(vehicle, v) }, saved);
    const refs = { personId: v.personId, roomId: v.roomId, parkingSpaceId: v.parkingSpaceId, brand: text(v.brand), color: text(v.color) };
    const create = { projectId: v.projectId, plate: v.plate.trim().toUpperCase(), ...Object.fromEntries(Object.entries(refs).filter(([, x]) => x)) };
    save.mutate({ create }, saved);
  };

  return (
    <FormDrawer open={open} size={460} title={vehicle ? t('vehicle.edit') : t('vehicle.create')} onClose={onClose} onSave={runSubmit(submit)} saving={save.isPending} saveTestId="vehicle-form-submit">
      <Form form={form} layout="vertical" initialValues={{ status: 'active' }}>
        <ProjectField show={!vehicle} />
        <Form.Item name="plate" label={t('vehicle.plate')} extra={vehicle ? undefined : t('vehicle.plateHelp')} rules={[{ required: true, whitespace: true }]}>
          <Input disabled={!!vehicle} maxLength={10} style={{ textTransform: 'uppercase' }} data-testid="vehicle-plate" />
        </Form.Item>
        <Form.Item name="personId" label={t('vehicle.owner')}>
          <PersonPicker initialLabel={vehicle?.personName} testId="vehicle-person" />
        </Form.Item>
        <Form.Item name="roomId" label={t('vehicle.room')}>
          <RoomPicker projectId={vehicle?.projectId ?? projectId} testId="vehicle-room" />
        </Form.Item>
        <Form.Item name="parkingSpaceId" label={t('vehicle.parkingSpace')}>
          <ParkingPicker testId="vehicle-parking" />
        </Form.Item>
        <Form.Item name="brand" label={t('vehicle.brand')} rules={[{ max: 32 }]}>
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="color" label={t('vehicle.color')} rules={[{ max: 16 }]}>
          <Input maxLength={16} />
        </Form.Item>
        {vehicle && (
          <Form.Item name="status" label={t('common.status')}>
            <Select options={enumOptions(t, 'status', PLACE_STATUSES)} />
          </Form.Item>
        )}
      </Form>
    </FormDrawer>
  );
}
