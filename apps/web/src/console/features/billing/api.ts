import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../shared/api.ts';
import type { Page } from '../../../shared/types.ts';
import { useInvalidatingMutation } from '../../../shared/useInvalidatingMutation.ts';
import type { FeeItem, FeeItemCreate, FeeItemUpdate, Standard, StandardCreate, StandardDetail, StandardKind, VersionCreate } from './types.ts';

export const BILLING_KEY = ['billing'] as const;

export function useFeeItems() {
  return useQuery({ queryKey: [...BILLING_KEY, 'fee-items'], queryFn: () => api.get<FeeItem[]>('/api/billing/fee-items') });
}

export function useSaveFeeItem() {
  return useInvalidatingMutation(BILLING_KEY, (input: { id: string; update: FeeItemUpdate } | { create: FeeItemCreate }) =>
    'id' in input ? api.patch<FeeItem>(`/api/billing/fee-items/${input.id}`, input.update) : api.post<FeeItem>('/api/billing/fee-items', input.create),
  );
}

export interface StandardQuery { feeItemId?: string; kind?: StandardKind; page: number; pageSize: number }

export function useStandards(query: StandardQuery) {
  return useQuery({
    queryKey: [...BILLING_KEY, 'standards', query],
    queryFn: () => api.get<Page<Standard>>('/api/billing/standards', { query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}

export function useStandard(id: string | null) {
  return useQuery({
    queryKey: [...BILLING_KEY, 'standard', id],
    queryFn: () => api.get<StandardDetail>(`/api/billing/standards/${id}`),
    enabled: !!id,
  });
}

export function useCreateStandard() {
  return useInvalidatingMutation(BILLING_KEY, (input: StandardCreate) => api.post<StandardDetail>('/api/billing/standards', input));
}

export function useAddVersion() {
  return useInvalidatingMutation(BILLING_KEY, ({ id, input }: { id: string; input: VersionCreate }) =>
    api.post<StandardDetail>(`/api/billing/standards/${id}/versions`, input));
}

export interface BillingSettings { projectStandards: boolean; version: number }

export function useBillingSettings(enabled: boolean) {
  return useQuery({ queryKey: [...BILLING_KEY, 'settings'], queryFn: () => api.get<BillingSettings>('/api/billing/settings'), enabled });
}

export function useSaveBillingSettings() {
  return useInvalidatingMutation(BILLING_KEY, (input: BillingSettings) => api.put<BillingSettings>('/api/billing/settings', input));
}
