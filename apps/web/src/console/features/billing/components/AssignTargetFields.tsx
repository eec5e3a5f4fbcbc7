import { Form, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBuildings, useRooms } from '../../estate/api.ts';
import { useParkingSpaces } from '../../estate/api-places.ts';
import { enumOptions, ROOM_TYPES } from '../../estate/labels.tsx';
import { ASSIGN_BY, type AssignBy, type AssignTarget } from '../api-assignments.ts';

type Labelled = { value: string; label: string };
export interface TargetValues { by: AssignBy; buildingIds?: string[]; roomTypes?: string[]; rooms?: Labelled[]; spaces?: Labelled[] }

/** The form's target fields → the API's target. */
export function targetOf(v: TargetValues): AssignTarget {
  if (v.by === 'building') return { by: 'building', buildingIds: v.buildingIds ?? [] };
  if (v.by === 'room_type') return { by: 'room_type', roomTypes: (v.roomTypes ?? []) as never };
  if (v.by === 'rooms') return { by: 'rooms', roomIds: (v.rooms ?? []).map((r) => r.value) };
  if (v.by === 'parking') return { by: 'parking', parkingSpaceIds: (v.spaces ?? []).map((s) => s.value) };
  return { by: 'project' };
}

/** Several rooms or spaces, searched by (part of) their code; chosen ones keep their code as label. */
function CodeSearchSelect({ kind, projectId, value, onChange, testId }: {
  kind: 'rooms' | 'spaces'; projectId: string; value?: Labelled[]; onChange?: (v: Labelled[]) => void; testId: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const rooms = useRooms({ projectId, q: text, page: 1, pageSize: 20 }, kind === 'rooms' && text.length > 0);
  const spaces = useParkingSpaces({ q: text, page: 1, pageSize: 20 }, kind === 'spaces' && text.length > 0);
  const found = kind === 'rooms' ? rooms : spaces;
  const options = text ? (found.data?.items ?? []).map((x) => ({ value: x.id, label: x.code })) : [];
  return (
    <Select
      mode="multiple" labelInValue value={value} onChange={(v) => { onChange?.(v as Labelled[]); }}
      showSearch={{ filterOption: false, onSearch: (s) => setText(s.trim()) }}
      notFoundContent={text ? t('billing.assign.noMatch') : t('billing.assign.typeToSearch')}
      loading={found.isFetching} options={options} data-testid={testId}
    />
  );
}

/** 分配对象: the whole project, buildings, room types, or rooms / parking spaces picked one by one. */
export function AssignTargetFields({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const by = Form.useWatch<AssignBy | undefined>('by');
  const buildings = useBuildings(projectId || undefined);
  const required = [{ required: true, message: t('billing.assign.pickTarget') }];
  return (
    <>
      <Form.Item name="by" label={t('billing.assign.target')} rules={[{ required: true }]}>
        <Radio.Group optionType="button" options={ASSIGN_BY.map((b) => ({ value: b, label: t(`billing.assign.by.${b}`) }))} data-testid="assign-by" />
      </Form.Item>
      {by === 'building' && (
        <Form.Item name="buildingIds" label={t('billing.assign.by.building')} rules={required}>
          <Select mode="multiple" loading={buildings.isPending} optionFilterProp="label" data-testid="assign-buildings"
            options={(buildings.data ?? []).map((b) => ({ value: b.id, label: b.name }))} />
        </Form.Item>
      )}
      {by === 'room_type' && (
        <Form.Item name="roomTypes" label={t('billing.assign.by.room_type')} rules={required}>
          <Select mode="multiple" options={enumOptions(t, 'roomType', ROOM_TYPES)} data-testid="assign-room-types" />
        </Form.Item>
      )}
      {by === 'rooms' && (
        <Form.Item name="rooms" label={t('billing.assign.by.rooms')} rules={required}>
          <CodeSearchSelect kind="rooms" projectId={projectId} testId="assign-rooms" />
        </Form.Item>
      )}
      {by === 'parking' && (
        <Form.Item name="spaces" label={t('billing.assign.by.parking')} rules={required} extra={t('billing.assign.parkingHelp')}>
          <CodeSearchSelect kind="spaces" projectId={projectId} testId="assign-spaces" />
        </Form.Item>
      )}
    </>
  );
}
