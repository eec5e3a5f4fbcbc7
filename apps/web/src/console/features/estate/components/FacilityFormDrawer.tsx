import { Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../../shared/FormDrawer.tsx';
import { runSubmit } from '../../../../shared/runSubmit.ts';
import { useBuildings } from '../api.ts';
import { useSaveFacility } from '../api-places.ts';
import { enumOptions, FACILITY_CATEGORIES, PLACE_STATUSES } from '../labels.tsx';
import type { Facility, FacilityCategory, FacilityUpdate, PlaceStatus } from '../types.ts';
import { useFieldSaveFeedback } from './fieldErrors.ts';
import { ProjectField } from './ProjectField.tsx';
import { useCurrentProject } from './ProjectRequired.tsx';

interface Values {
  projectId: string;
  buildingId?: string | null;
  name: string;
  category: FacilityCategory;
  location?: string | null;
  status: PlaceStatus;
}

function diff(f: Facility, v: Values): FacilityUpdate {
  const out: FacilityUpdate = { version: f.version };
  if (v.name.trim() !== f.name) out.name = v.name.trim();
  if (v.category !== f.category) out.category = v.category;
  const location = v.location?.trim() || null;
  if (location !== f.location) out.location = location;
  if (v.status !== f.status) out.status = v.status;
  return out;
}

/** New public facility (clubhouse, pump room, gate …), optionally in a building; or an existing one's details. */
export function FacilityFormDrawer({ open, facility, onClose }: { open: boolean; facility: Facility | null; onClose: () => void }) {
  const { t } = useTranslation();
  const project = useCurrentProject();
  const [form] = Form.useForm<Values>();
  const save = useSaveFacility();
  const saved = useFieldSaveFeedback(form, onClose, { closeOnStale: true });
  const projectId = Form.useWatch('projectId', form);
  const buildings = useBuildings(facility?.projectId ?? projectId);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (facility) form.setFieldsValue({ ...facility, location: facility.location ?? undefined });
    else form.setFieldsValue({ projectId: project.id || undefined });
  }, [open, facility, form, project.id]);

  const submit = async () => {
    const v = await form.validateFields();
    if (facility) return save.mutate({ id: facility.id, update: diff(facility, v) }, saved);
    save.mutate(
      { create: { projectId: v.projectId, name: v.name.trim(), category: v.category, buildingId: v.buildingId ?? null, location: v.location?.trim() || null } },
      saved,
    );
  };

  return (
    <FormDrawer open={open} size={440} title={facility ? t('facility.edit') : t('facility.create')} onClose={onClose} onSave={runSubmit(submit)} saving={save.isPending} saveTestId="facility-form-submit">
      <Form form={form} layout="vertical" initialValues={{ category: 'clubhouse', status: 'active' }}>
        <ProjectField show={!facility} />
        <Form.Item name="name" label={t('facility.name')} rules={[{ required: true, whitespace: true }, { max: 64 }]}>
          <Input maxLength={64} data-testid="facility-name" />
        </Form.Item>
        <Form.Item name="category" label={t('facility.category')} rules={[{ required: true }]}>
          <Select options={enumOptions(t, 'facilityCategory', FACILITY_CATEGORIES)} data-testid="facility-category" />
        </Form.Item>
        <Form.Item name="buildingId" label={t('facility.building')} extra={facility ? undefined : t('facility.buildingHelp')}>
          <Select allowClear disabled={!!facility} options={(buildings.data ?? []).map((b) => ({ value: b.id, label: b.name }))} />
        </Form.Item>
        <Form.Item name="location" label={t('facility.location')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        {facility && (
          <Form.Item name="status" label={t('common.status')}>
            <Select options={enumOptions(t, 'status', PLACE_STATUSES)} />
          </Form.Item>
        )}
      </Form>
    </FormDrawer>
  );
}
