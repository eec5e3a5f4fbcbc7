import { UserAddOutlined } from '@ant-design/icons';
import { Button, Select, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../../shared/auth.ts';
import { PHONE, usePersons } from '../api-people.ts';
import type { Person } from '../types.ts';
import { PersonFormDrawer } from './PersonFormDrawer.tsx';

const label = (p: Pick<Person, 'name' | 'phone'>) => (p.phone ? `${p.name} ${p.phone}` : p.name);

interface Props {
  value?: string;
  onChange?: (id: string | undefined) => void;
  /** the label of a value chosen before (editing a record that already names a person) */
  initialLabel?: string | null;
  testId: string;
}

/** Picks a person by name (prefix) or full phone; 新建 registers one and selects them. */
export function PersonPicker({ value, onChange, initialLabel, testId }: Props) {
  const { t } = useTranslation();
  const { has } = usePermissions();
  const [text, setText] = useState('');
  const [creating, setCreating] = useState(false);
  // labels of people chosen so far: a new search must not turn the selection into a bare id
  const [known, setKnown] = useState<Record<string, string>>({});
  const query = PHONE.test(text) ? { phone: text, page: 1, pageSize: 20 } : { q: text, page: 1, pageSize: 20 };
  const found = usePersons(query, text.length > 0);

  const options = (text ? (found.data?.items ?? []) : []).map((p) => ({ value: p.id, label: label(p) }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: known[value] ?? initialLabel ?? value });

  return (
    <>
      <Space.Compact style={{ width: '100%' }}>
        <Select
          allowClear
          style={{ width: '100%' }}
          value={value}
          placeholder={t('person.pickPlaceholder')}
          showSearch={{ filterOption: false, onSearch: (s) => setText(s.trim()) }}
          notFoundContent={text ? t('person.noMatch') : t('person.typeToSearch')}
          loading={found.isFetching}
          options={options}
          onChange={(id: string | undefined) => {
            const o = options.find((x) => x.value === id);
            if (id && o) setKnown((k) => ({ ...k, [id]: o.label }));
            onChange?.(id);
          }}
          data-testid={testId}
        />
        {has('estate.manage') && (
          <Tooltip title={t('person.create')}>
            <Button icon={<UserAddOutlined />} onClick={() => setCreating(true)} data-testid={`${testId}-create`} />
          </Tooltip>
        )}
      </Space.Compact>
      {/* mounted only while used: a form with several pickers must not carry a hidden drawer for each */}
      {creating && (
        <PersonFormDrawer
          open
          onClose={() => setCreating(false)}
          onCreated={(p) => {
            setKnown((k) => ({ ...k, [p.id]: label(p) }));
            onChange?.(p.id);
          }}
        />
      )}
    </>
  );
}
