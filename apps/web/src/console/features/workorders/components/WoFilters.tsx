import { useQuery } from '@tanstack/react-query';
import { DatePicker, Input, Select, Space } from 'antd';
import { woPriorities, woTypes, workOrderStatuses } from '@wuye/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api.ts';
import { usePermissions } from '../../../../shared/auth.ts';
import { ValueFilter } from '../../../../shared/ListControls.tsx';
import { useProjectId } from '../../../../shared/project.ts';
import { dayjs } from '../../../../shared/time.ts';
import type { Page, Staff } from '../../../../shared/types.ts';
import { useBuildings } from '../../estate/api.ts';
import { useWoCategories } from '../api.ts';
import type { WoListQuery } from '../types.ts';

type Filters = Omit<WoListQuery, 'page' | 'pageSize'>;

/** Staff of the current project (for the assignee filter); the desk reads them with org.user.read. */
function useStaffOptions(projectId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['woStaff', projectId],
    queryFn: () => api.get<Page<Staff>>('/api/staff', { query: { status: 'active', pageSize: 200 } }),
    staleTime: 60_000,
    enabled,
  });
}

/** The list's filter bar: status (several), type, category, priority, overdue, assignee, building, created between, search. */
export function WoFilters({ query, filter, showStatus = true }: { query: Filters; filter: (patch: Partial<Filters>) => void; showStatus?: boolean }) {
  const { t } = useTranslation();
  const projectId = useProjectId();
  const categories = useWoCategories();
  const buildings = useBuildings(projectId || undefined);
  const canListStaff = usePermissions().has('org.user.read');
  const staff = useStaffOptions(projectId, canListStaff);
  const [q, setQ] = useState(query.q ?? '');
  // a saved view applied from outside replaces the text too
  useEffect(() => setQ(query.q ?? ''), [query.q]);

  return (
    <Space wrap style={{ marginBottom: 16 }}>
      {showStatus && (
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          style={{ width: 220 }}
          placeholder={t('woConsole.filter.status')}
          value={query.status ?? []}
          onChange={(status: string[]) => filter({ status: status.length ? status : undefined })}
          options={workOrderStatuses.map((s) => ({ value: s, label: t(`woConsole.status.${s}`) }))}
          data-testid="wo-filter-status"
        />
      )}
      <ValueFilter values={woTypes} labelPrefix="woConsole.type" placeholder={t('woConsole.filter.type')} value={query.type as (typeof woTypes)[number] | undefined}
        onChange={(type) => filter({ type })} width={110} testId="wo-filter-type" />
      <Select
        allowClear
        style={{ width: 140 }}
        placeholder={t('woConsole.filter.category')}
        value={query.categoryId}
        onChange={(categoryId?: string) => filter({ categoryId })}
        options={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        data-testid="wo-filter-category"
      />
      <ValueFilter values={woPriorities} labelPrefix="woConsole.priority" placeholder={t('woConsole.filter.priority')}
        value={query.priority as (typeof woPriorities)[number] | undefined} onChange={(priority) => filter({ priority })} width={110} testId="wo-filter-priority" />
      <ValueFilter values={['true', 'false'] as const} labelPrefix="woConsole.overdueFilter" placeholder={t('woConsole.filter.overdue')}
        value={query.overdue} onChange={(overdue) => filter({ overdue })} width={110} testId="wo-filter-overdue" />
      {canListStaff && <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 140 }}
        placeholder={t('woConsole.filter.assignee')}
        value={query.assigneeId}
        onChange={(assigneeId?: string) => filter({ assigneeId })}
        options={(staff.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
        data-testid="wo-filter-assignee"
      />}
      <Select
        allowClear
        style={{ width: 140 }}
        disabled={!projectId}
        placeholder={projectId ? t('woConsole.filter.building') : t('woConsole.filter.buildingNeedsProject')}
        value={query.buildingId}
        onChange={(buildingId?: string) => filter({ buildingId })}
        options={(buildings.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
        data-testid="wo-filter-building"
      />
      <DatePicker.RangePicker
        value={query.from && query.to ? [dayjs(query.from), dayjs(query.to)] : null}
        onChange={(r) => filter({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
        data-testid="wo-filter-dates"
      />
      <ValueFilter values={['created', 'deadline'] as const} labelPrefix="woConsole.sort" placeholder={t('woConsole.filter.sort')}
        value={query.sort} onChange={(sort) => filter({ sort })} width={130} testId="wo-filter-sort" />
      <Input.Search
        allowClear
        style={{ width: 220 }}
        placeholder={t('woConsole.filter.search')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(v) => filter({ q: v.trim() || undefined })}
        data-testid="wo-filter-q"
      />
    </Space>
  );
}
