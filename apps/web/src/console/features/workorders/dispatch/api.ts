import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZWoBuildingStaff, ZWoShift, ZWoShiftCreate, ZWoSkillsResult, ZWoWorker } from '@wuye/shared';
import { api } from '../../../../shared/api.ts';
import { useInvalidatingMutation } from '../../../../shared/useInvalidatingMutation.ts';
import { WO_KEY } from '../api.ts';

export type WoWorker = z.output<typeof ZWoWorker>;
export type WoShift = z.output<typeof ZWoShift>;
export type WoShiftCreate = z.input<typeof ZWoShiftCreate>;

/** Under the work-order key: a live work-order event (a load change) refreshes the workers too. */
const DISPATCH_KEY = [...WO_KEY, 'dispatch'] as const;
const keys = {
  workers: (projectId: string) => [...DISPATCH_KEY, 'workers', projectId] as const,
  shifts: (projectId: string, from: string, to: string) => [...DISPATCH_KEY, 'shifts', projectId, from, to] as const,
};

export function useWorkers(projectId: string) {
  return useQuery({ queryKey: keys.workers(projectId), queryFn: () => api.get<WoWorker[]>('/api/work-orders/staff', { query: { projectId } }) });
}

export function useSetSkills() {
  return useInvalidatingMutation(DISPATCH_KEY, ({ userId, skills }: { userId: string; skills: string[] }) =>
    api.put<z.output<typeof ZWoSkillsResult>>(`/api/work-orders/staff/${userId}/skills`, { skills }));
}

export function useShifts(projectId: string, from: string, to: string) {
  return useQuery({ queryKey: keys.shifts(projectId, from, to), queryFn: () => api.get<WoShift[]>('/api/work-orders/shifts', { query: { projectId, from, to } }) });
}

export function useCreateShift() {
  return useInvalidatingMutation(DISPATCH_KEY, (body: WoShiftCreate) => api.post<WoShift>('/api/work-orders/shifts', body));
}

export function useDeleteShift() {
  return useInvalidatingMutation(DISPATCH_KEY, (id: string) => api.delete(`/api/work-orders/shifts/${id}`));
}

export function useSetBuildingStaff() {
  return useInvalidatingMutation(DISPATCH_KEY, ({ buildingId, userIds }: { buildingId: string; userIds: string[] }) =>
    api.put<z.output<typeof ZWoBuildingStaff>>(`/api/work-orders/buildings/${buildingId}/staff`, { userIds }));
}
