import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../shared/api.ts';
import type { AuditEntry, Page } from '../../../shared/types.ts';

export interface AuditQuery {
  action?: string;
  entityType?: string;
  entityId?: string;
  actorId?: string;
  projectId?: string;
  /** ISO timestamps with offset */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export function useAuditLog(query: AuditQuery) {
  return useQuery({
    queryKey: ['audit-logs', query],
    queryFn: () => api.get<Page<AuditEntry>>('/api/audit-logs', { query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}
