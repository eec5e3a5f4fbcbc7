import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../shared/api.ts';
import type { Page, Staff } from '../../../shared/types.ts';
import { useInvalidatingMutation } from '../../../shared/useInvalidatingMutation.ts';

const KEY = ['staff'] as const;

export const STAFF_STATUSES: readonly Staff['status'][] = ['active', 'disabled'];

export interface StaffQuery {
  q?: string;
  projectId?: string;
  roleId?: string;
  status?: Staff['status'];
  page: number;
  pageSize: number;
}

export interface StaffCreate {
  name: string;
  username?: string;
  phone: string;
  password: string;
  roleIds: string[];
  projectIds: string[];
  allProjects: boolean;
}

export interface StaffUpdate {
  version: number;
  name?: string;
  status?: Staff['status'];
  roleIds?: string[];
  projectIds?: string[];
  allProjects?: boolean;
}

export function useStaffList(query: StaffQuery) {
  return useQuery({
    queryKey: [...KEY, query],
    queryFn: () => api.get<Page<Staff>>('/api/staff', { query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}

export function useSaveStaff() {
  return useInvalidatingMutation(KEY, (input: { id?: string; create?: StaffCreate; update?: StaffUpdate }) =>
    input.id ? api.patch<Staff>(`/api/staff/${input.id}`, input.update) : api.post<Staff>('/api/staff', input.create),
  );
}

export function useUnlockStaff() {
  return useInvalidatingMutation(KEY, (id: string) => api.post<unknown>(`/api/staff/${id}/unlock`, {}));
}

export function useResetStaffPassword() {
  return useInvalidatingMutation(KEY, (input: { id: string; newPassword: string }) =>
    api.post<unknown>(`/api/staff/${input.id}/reset-password`, { newPassword: input.newPassword }),
  );
}
