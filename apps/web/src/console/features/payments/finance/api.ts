import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  DailyReport, Shift, ShiftPreview, StatementImport, StatementImportDetail, ZShiftCreate, ZStatementImportResult,
} from '@wuye/shared';
import { api } from '../../../../shared/api.ts';
import type { Page } from '../../../../shared/types.ts';

export type { DailyReport, Shift, ShiftPreview, StatementImport, StatementImportDetail };
export type StatementItem = StatementImportDetail['items'][number];
export type StatementImportResult = z.output<typeof ZStatementImportResult>;
export type ShiftCreate = z.input<typeof ZShiftCreate>;
export type PayProvider = StatementImport['provider'];
export const PROVIDERS = ['sandbox', 'wechat', 'alipay'] as const;

const RECON_KEY = ['payments', 'reconciliations'] as const;
const SHIFT_KEY = ['payments', 'shifts'] as const;

export function useImports(page: number) {
  return useQuery({
    queryKey: [...RECON_KEY, 'list', page],
    queryFn: () => api.get<Page<StatementImport>>('/api/payments/reconciliations', { query: { page, pageSize: 10 } }),
    placeholderData: keepPreviousData,
  });
}

export function useImport(id: string | null) {
  return useQuery({
    queryKey: [...RECON_KEY, 'one', id],
    queryFn: () => api.get<StatementImportDetail>(`/api/payments/reconciliations/${id}`),
    enabled: !!id,
  });
}

/** every reconciliation query is refetched after a change, and the changed import is put in the cache at once */
function useReconMutation<V, T extends StatementImportDetail>(fn: (v: V) => Promise<T>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (d) => {
      qc.setQueryData([...RECON_KEY, 'one', d.id], d);
      return qc.invalidateQueries({ queryKey: RECON_KEY });
    },
  });
}

export function useUploadStatement() {
  return useReconMutation((v: { provider: PayProvider; date: string; file: File }) => {
    const body = new FormData();
    body.set('provider', v.provider);
    body.set('date', v.date);
    body.set('file', v.file, v.file.name);
    return api.post<StatementImportResult>('/api/payments/reconciliations', body);
  });
}

export const useResolveItem = () =>
  useReconMutation((v: { itemId: string; note: string }) => api.post<StatementImportDetail>(`/api/payments/reconciliations/items/${v.itemId}/resolve`, { note: v.note }));

export const useReconcileDay = () =>
  useReconMutation((v: { id: string; version: number }) => api.post<StatementImportDetail>(`/api/payments/reconciliations/${v.id}/reconcile`, { version: v.version }));

export interface DailyQuery { projectId?: string; date?: string; cashierId?: string }

export function useDailyReport(q: DailyQuery) {
  return useQuery({
    queryKey: ['payments', 'daily-report', q],
    queryFn: () => api.get<DailyReport>('/api/payments/reports/daily', { query: { ...q } }),
    placeholderData: keepPreviousData,
  });
}

export function useShiftPreview(projectId: string | undefined, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: [...SHIFT_KEY, 'preview', projectId ?? null],
    queryFn: () => api.get<ShiftPreview>('/api/payments/shifts/preview', { query: { projectId } }),
    refetchInterval: 60_000,
  });
}

export function useShifts(page: number, projectId?: string) {
  return useQuery({
    queryKey: [...SHIFT_KEY, 'list', page, projectId ?? null],
    queryFn: () => api.get<Page<Shift>>('/api/payments/shifts', { query: { page, pageSize: 10, projectId } }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateShift() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: ShiftCreate) => api.post<Shift>('/api/payments/shifts', v),
    onSuccess: () => qc.invalidateQueries({ queryKey: SHIFT_KEY }),
  });
}
