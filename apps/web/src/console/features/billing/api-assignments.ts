import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZAssignment, ZAssignmentPreview, ZAssignTarget } from '@wuye/shared';
import { api } from '../../../shared/api.ts';
import { useInvalidatingMutation } from '../../../shared/useInvalidatingMutation.ts';
import { BILLING_KEY } from './api.ts';

export type Assignment = z.output<typeof ZAssignment>;
export type AssignmentPreview = z.output<typeof ZAssignmentPreview>;
export type AssignTarget = z.input<typeof ZAssignTarget>;
export type AssignBy = AssignTarget['by'];
export const ASSIGN_BY = ['project', 'building', 'room_type', 'rooms', 'parking'] as const satisfies readonly AssignBy[];

export interface AssignmentInput { standardId: string; projectId: string; target: AssignTarget; from: string; to: string | null }

/** Counts only: how many rooms / spaces the target matches and how many already carry the fee item. */
export function usePreviewAssignment() {
  return useMutation({ mutationFn: (input: AssignmentInput) => api.post<AssignmentPreview>('/api/billing/assignments/preview', input) });
}

export function useCreateAssignment() {
  return useInvalidatingMutation(BILLING_KEY, (input: AssignmentInput) => api.post<AssignmentPreview>('/api/billing/assignments', input));
}

/** A room's assignments (under the billing key, so a new assignment refreshes them). */
export function useRoomAssignments(roomId: string | null) {
  return useQuery({
    queryKey: [...BILLING_KEY, 'room-assignments', roomId],
    queryFn: () => api.get<Assignment[]>(`/api/rooms/${roomId}/charge-assignments`),
    enabled: !!roomId,
  });
}

export function useEndAssignment() {
  return useInvalidatingMutation(BILLING_KEY, ({ id, version, to }: { id: string; version: number; to: string }) =>
    api.post<Assignment>(`/api/billing/assignments/${id}/end`, { version, to }));
}
