import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParkingSpaces } from '../api-places.ts';

interface Props {
  value?: string | null;
  onChange?: (id: string | null) => void;
  testId: string;
}

/** Picks a parking space by (part of) its code. */
export function ParkingPicker({ value, onChange, testId }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const found = useParkingSpaces({ q: text, page: 1, pageSize: 20 }, text.length > 0);
  const options = (text ? (found.data?.items ?? []) : []).map((p) => ({ value: p.id, label: p.roomCode ? `${p.code}（${p.roomCode}）` : p.code }));
  // there is no single-space lookup: a space chosen earlier shows as "bound" until searched for
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: t('vehicle.boundSpace') });

  return (
    <Select
      allowClear
      value={value ?? undefined}
      placeholder={t('parking.pickPlaceholder')}
      showSearch={{ filterOption: false, onSearch: (s) => setText(s.trim()) }}
      notFoundContent={text ? t('parking.noMatch') : t('parking.typeToSearch')}
      loading={found.isFetching}
      options={options}
      onChange={(id?: string) => onChange?.(id ?? null)}
      data-testid={testId}
    />
  );
}
