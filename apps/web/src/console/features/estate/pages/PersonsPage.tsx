import { EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../../shared/auth.ts';
import { RefreshButton } from '../../../../shared/ListControls.tsx';
import { PageHead } from '../../../../shared/PageHead.tsx';
import { usePagedQuery } from '../../../../shared/usePagedQuery.ts';
import { PHONE, usePersons, type PersonQuery } from '../api-people.ts';
import { ImportExportSlot } from '../components/ImportExportSlot.tsx';
import { PersonFormDrawer } from '../components/PersonFormDrawer.tsx';
import { PersonRevealModal } from '../components/PersonRevealModal.tsx';
import type { Person } from '../types.ts';

type SearchBy = 'q' | 'phone' | 'idNo';

/** 住户档案: people by name prefix, exact phone or exact ID number; phones and ID numbers masked unless revealed. */
export default function PersonsPage() {
  const { t } = useTranslation();
  const { has } = usePermissions();
  const { query, filter, pagination } = usePagedQuery<PersonQuery>();
  const persons = usePersons(query);
  const [by, setBy] = useState<SearchBy>('q');
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [creating, setCreating] = useState(false);
  const [revealId, setRevealId] = useState<string | null>(null);

  const search = (value: string) => {
    const v = value.trim();
    const bad = by === 'phone' && v !== '' && !PHONE.test(v);
    setInvalid(bad);
    if (bad) return;
    filter({ q: undefined, phone: undefined, idNo: undefined, [by]: v || undefined });
  };

  return (
    <>
      <PageHead title={t('person.title')}>
        <ImportExportSlot entity="persons" />
        <RefreshButton query={persons} />
        {has('estate.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="person-create">
            {t('person.create')}
          </Button>
        )}
      </PageHead>
      <Space.Compact style={{ marginBottom: 16 }}>
        <Select<SearchBy>
          value={by}
          onChange={(v) => {
            setBy(v);
            setInvalid(false);
          }}
          style={{ width: 110 }}
          options={(['q', 'phone', 'idNo'] as const).map((v) => ({ value: v, label: t(`person.searchBy.${v}`) }))}
          data-testid="persons-search-by"
        />
        <Input.Search
          allowClear
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={search}
          status={invalid ? 'error' : undefined}
          placeholder={t(`person.searchPlaceholder.${by}`)}
          style={{ width: 260 }}
          data-testid="persons-search"
        />
      </Space.Compact>
      <Table<Person>
        rowKey="id"
        size="middle"
        loading={persons.isPending || persons.isPlaceholderData}
        dataSource={persons.data?.items ?? []}
        pagination={pagination(persons.data?.total)}
        data-testid="persons-table"
        scroll={{ x: 900 }}
        columns={[
          { title: t('person.name'), dataIndex: 'name' },
          { title: t('person.gender'), dataIndex: 'gender', width: 70, render: (g: string) => t(`gender.${g}`, { defaultValue: g }) },
          { title: t('person.phone'), dataIndex: 'phone', render: (v: string | null) => <span data-testid="person-phone-cell">{v ?? '—'}</span> },
          { title: t('person.idType'), dataIndex: 'idType', render: (v: string | null) => (v ? t(`idType.${v}`, { defaultValue: v }) : '—') },
          { title: t('person.idNo'), dataIndex: 'idNo', render: (v: string | null) => v ?? '—' },
          { title: t('person.birthday'), dataIndex: 'birthday', render: (v: string | null) => v ?? '—' },
          { title: t('person.emergencyContact'), dataIndex: 'emergencyContact', ellipsis: true, render: (v: string | null) => v ?? '—' },
          ...(has('pii.view')
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 130,
                  fixed: 'right' as const,
                  render: (_: unknown, r: Person) => (
                    <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => setRevealId(r.id)} data-testid="person-reveal">
                      {t('person.reveal')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <PersonFormDrawer open={creating} onClose={() => setCreating(false)} />
      <PersonRevealModal personId={revealId} onClose={() => setRevealId(null)} />
    </>
  );
}
