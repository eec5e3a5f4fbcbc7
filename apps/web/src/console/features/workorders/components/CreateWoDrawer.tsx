import { useQuery } from '@tanstack/react-query';
import { DatePicker, Form, Input, Radio, Select } from 'antd';
import { woPriorities, woSources, woTypes } from '@wuye/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api.ts';
import { useSignedInMe } from '../../../../shared/auth.ts';
import { errorText } from '../../../../shared/errors.ts';
import { FormDrawer } from '../../../../shared/FormDrawer.tsx';
import { FormErrorAlert } from '../../../../shared/FormErrorAlert.tsx';
import { useProjectId } from '../../../../shared/project.ts';
import { runSubmit } from '../../../../shared/runSubmit.ts';
import type { Page } from '../../../../shared/types.ts';
import { RoomPicker } from '../../estate/components/RoomPicker.tsx';
import type { Facility } from '../../estate/types.ts';
import { useCreateWorkOrder, useWoCategories } from '../api.ts';
import type { WorkOrderCreate, WorkOrderDetail } from '../types.ts';
import { PhotoPicker } from './PhotoPicker.tsx';
import type { Dayjs } from 'dayjs';
import { woFieldErrors } from '../fieldErrors.ts';

const SOURCES = woSources.filter((s) => s !== 'resident' && s !== 'qr' && s !== 'device');
const PHONE = /^1\d{10}$/;

interface Values {
  projectId: string;
  source: WorkOrderCreate['source'];
  type: WorkOrderCreate['type'];
  categoryId?: string;
  priority?: WorkOrderCreate['priority'];
  area: 'private' | 'public';
  roomId?: string | null;
  facilityId?: string;
  locationText?: string;
  description: string;
  contactName?: string;
  contactPhone?: string;
  slot?: [Dayjs, Dayjs] | null;
  fileIds?: string[];
}

function useProjectFacilities(projectId: string | undefined) {
  return useQuery({
    queryKey: ['woFacilities', projectId],
    queryFn: () => api.get<Page<Facility>>('/api/facilities', { query: { projectId, pageSize: 200 } }),
    enabled: !!projectId,
  });
}

const blank = (s?: string | null) => (s && s.trim() ? s.trim() : undefined);

/** 登记工单: the desk enters a phone call, a walk-in, a patrol / inspection finding; photos go up first, then the order. */
export function CreateWoDrawer({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (o: WorkOrderDetail) => void }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const current = useProjectId();
  const [form] = Form.useForm<Values>();
  const create = useCreateWorkOrder();
  const categories = useWoCategories();
  const [error, setError] = useState<string | null>(null);
  // one key per opening of the form: a double click or a retry after a lost answer creates one order
  const [idempotencyKey, setKey] = useState(() => crypto.randomUUID());
  const projectId = Form.useWatch('projectId', form);
  const area = Form.useWatch('area', form);
  const facilities = useProjectFacilities(area === 'public' ? projectId : undefined);

  useEffect(() => {
    if (!open) return;
    setKey(crypto.randomUUID());
    setError(null);
    form.resetFields();
    form.setFieldsValue({ projectId: current || me.projects[0]?.id, source: 'phone', type: 'repair', area: 'private', fileIds: [] });
  }, [open]); // eslint-disable-line react-hooks/exhaustive-deps

  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    const body: WorkOrderCreate = {
      projectId: v.projectId, source: v.source, type: v.type, categoryId: v.categoryId, priority: v.priority, area: v.area,
      roomId: v.area === 'private' ? (v.roomId ?? undefined) : undefined,
      facilityId: v.area === 'public' ? v.facilityId : undefined,
      locationText: blank(v.locationText), description: v.description.trim(),
      contactName: blank(v.contactName), contactPhone: blank(v.contactPhone),
      preferredFrom: v.slot?.[0]?.toISOString(), preferredTo: v.slot?.[1]?.toISOString(),
      fileIds: v.fileIds ?? [],
    };
    create.mutate({ body, idempotencyKey }, {
      onSuccess: (o) => { onClose(); onCreated(o); },
      onError: (e) => {
        woFieldErrors(form, e, t);
        setError(errorText(t, e));
      },
    });
  };

  return (
    <FormDrawer open={open} onClose={onClose} onSave={runSubmit(submit)} saving={create.isPending} saveTestId="wo-create-submit" title={t('woConsole.create.title')} size="large">
      <Form form={form} layout="vertical" data-testid="wo-create-form"
        // a room or facility belongs to one project: picking another project drops it
        onValuesChange={(changed: Partial<Values>) => { if ('projectId' in changed) form.setFieldsValue({ roomId: null, facilityId: undefined }); }}>
        <FormErrorAlert error={error} testId="wo-create-error" />
        <Form.Item name="projectId" label={t('woConsole.field.project')} rules={[{ required: true }]}>
          <Select options={me.projects.map((p) => ({ value: p.id, label: p.name }))} data-testid="wo-create-project" />
        </Form.Item>
        <Form.Item name="source" label={t('woConsole.field.source')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" options={SOURCES.map((s) => ({ value: s, label: t(`woConsole.source.${s}`) }))} data-testid="wo-create-source" />
        </Form.Item>
        <Form.Item name="type" label={t('woConsole.field.type')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" options={woTypes.map((s) => ({ value: s, label: t(`woConsole.type.${s}`) }))} data-testid="wo-create-type" />
        </Form.Item>
        <Form.Item name="categoryId" label={t('woConsole.field.category')} dependencies={['type']}
          rules={[({ getFieldValue }) => ({ required: getFieldValue('type') === 'repair', message: t('woConsole.validation.required_for_repair') })]}>
          <Select allowClear options={(categories.data ?? []).filter((c) => c.status === 'active').map((c) => ({ value: c.id, label: c.name }))} data-testid="wo-create-category" />
        </Form.Item>
        <Form.Item name="priority" label={t('woConsole.field.priority')} extra={t('woConsole.create.priorityHint')}>
          <Select allowClear options={woPriorities.map((p) => ({ value: p, label: t(`woConsole.priority.${p}`) }))} data-testid="wo-create-priority" />
        </Form.Item>
        <Form.Item name="area" label={t('woConsole.field.area')} rules={[{ required: true }]}>
          <Radio.Group options={[{ value: 'private', label: t('woConsole.area.private') }, { value: 'public', label: t('woConsole.area.public') }]} data-testid="wo-create-area" />
        </Form.Item>
        {area === 'private' ? (
          <Form.Item name="roomId" label={t('woConsole.field.room')} rules={[{ required: true, message: t('woConsole.create.roomRequired') }]}>
            <RoomPicker projectId={projectId} testId="wo-create-room" />
          </Form.Item>
        ) : (
          <Form.Item name="facilityId" label={t('woConsole.field.facility')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} loading={facilities.isFetching}
              options={(facilities.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))} data-testid="wo-create-facility" />
          </Form.Item>
        )}
        <Form.Item name="locationText" label={t('woConsole.field.locationText')}
          rules={[({ getFieldValue }) => ({
            validator: (_, v?: string) => getFieldValue('area') === 'public' && !getFieldValue('facilityId') && !v?.trim()
              ? Promise.reject(new Error(t('woConsole.create.locationRequired'))) : Promise.resolve(),
          })]}>
          <Input maxLength={200} data-testid="wo-create-location" />
        </Form.Item>
        <Form.Item name="description" label={t('woConsole.field.description')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="wo-create-description" />
        </Form.Item>
        <Form.Item name="contactName" label={t('woConsole.field.contactName')}>
          <Input maxLength={50} data-testid="wo-create-contact-name" />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('woConsole.field.contactPhone')} rules={[{ pattern: PHONE, message: t('validation.invalid_phone') }]}>
          <Input maxLength={11} inputMode="tel" data-testid="wo-create-contact-phone" />
        </Form.Item>
        <Form.Item name="slot" label={t('woConsole.field.preferredSlot')}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid="wo-create-slot" />
        </Form.Item>
        <Form.Item name="fileIds" label={t('woConsole.field.photos')}>
          <PhotoPicker key={idempotencyKey} testId="wo-create-photos" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
