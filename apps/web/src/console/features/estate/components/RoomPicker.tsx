import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoom, useRooms } from '../api.ts';

interface Props {
  value?: string | null;
  onChange?: (id: string | null) => void;
  /** rooms of this project only (the record being edited belongs to it) */
  projectId?: string;
  testId: string;
}

/** Picks a room by its code (a part of it is enough); the chosen room keeps its code as label. */
export function RoomPicker({ value, onChange, projectId, testId }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const found = useRooms({ projectId, q: text, page: 1, pageSize: 20 }, text.length > 0);
  const current = useRoom(value ?? null);
  const options = (text ? (found.data?.items ?? []) : []).map((r) => ({ value: r.id, label: r.code }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: current.data?.code ?? '…' });

  return (
    <Select
      allowClear
      value={value ?? undefined}
      placeholder={t('room.pickPlaceholder')}
      showSearch={{ filterOption: false, onSearch: (s) => setText(s.trim()) }}
      notFoundContent={text ? t('room.noMatch') : t('room.typeToSearch')}
      loading={found.isFetching}
      options={options}
      onChange={(id?: string) => onChange?.(id ?? null)}
      data-testid={testId}
    />
  );
}
