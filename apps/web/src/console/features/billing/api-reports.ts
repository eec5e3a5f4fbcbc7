import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZAgeingReport, ZAgeingRoom, ZCollectionReport, ZIncomeReport, ageingBucketValues, collectionGroupValues, ageingGroupValues } from '@wuye/shared';
import { api } from '../../../shared/api.ts';
import type { Page } from '../../../shared/types.ts';
import { BILLING_KEY } from './api.ts';

export type CollectionReport = z.output<typeof ZCollectionReport>;
export type CollectionRow = CollectionReport['rows'][number];
export type AgeingReport = z.output<typeof ZAgeingReport>;
export type AgeingRow = AgeingReport['rows'][number];
export type AgeingRoom = z.output<typeof ZAgeingRoom>;
export type IncomeReport = z.output<typeof ZIncomeReport>;
export type AgeingBucket = (typeof ageingBucketValues)[number];
export type CollectionGroup = (typeof collectionGroupValues)[number];
export type AgeingGroup = (typeof ageingGroupValues)[number];

export const AGEING_BUCKETS = ['d0_30', 'd31_90', 'd91_180', 'd181_365', 'd365_plus'] as const satisfies readonly AgeingBucket[];
export const COLLECTION_GROUPS = ['month', 'project', 'building', 'feeItem'] as const satisfies readonly CollectionGroup[];
export const AGEING_GROUPS = ['project', 'building', 'feeItem'] as const satisfies readonly AgeingGroup[];

export const REPORTS_BASE = '/api/billing/reports';
const KEY = [...BILLING_KEY, 'reports'] as const;

type Q = Record<string, string | number | undefined>;
const clean = (q: Q) => Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== ''));

export interface CollectionQuery { projectId?: string; from?: string; to?: string; asOf?: string; groupBy: CollectionGroup }
export function useCollectionReport(q: CollectionQuery) {
  return useQuery({
    queryKey: [...KEY, 'collection', q], placeholderData: keepPreviousData,
    queryFn: () => api.get<CollectionReport>(`${REPORTS_BASE}/collection`, { query: clean({ ...q }) }),
  });
}

export interface AgeingQuery { projectId?: string; asOf?: string; groupBy: AgeingGroup }
export function useAgeingReport(q: AgeingQuery) {
  return useQuery({
    queryKey: [...KEY, 'ageing', q], placeholderData: keepPreviousData,
    queryFn: () => api.get<AgeingReport>(`${REPORTS_BASE}/ageing`, { query: clean({ ...q }) }),
  });
}

export interface AgeingRoomsQuery { projectId?: string; asOf?: string; buildingId?: string; feeItemId?: string; page: number; pageSize: number }
export function useAgeingRooms(q: AgeingRoomsQuery | null) {
  return useQuery({
    queryKey: [...KEY, 'ageing-rooms', q], placeholderData: keepPreviousData, enabled: !!q,
    queryFn: () => api.get<Page<AgeingRoom>>(`${REPORTS_BASE}/ageing/rooms`, { query: clean({ ...q! }) }),
  });
}

export interface IncomeQuery { projectId?: string; from?: string; to?: string }
export function useIncomeReport(q: IncomeQuery) {
  return useQuery({
    queryKey: [...KEY, 'income', q], placeholderData: keepPreviousData,
    queryFn: () => api.get<IncomeReport>(`${REPORTS_BASE}/income`, { query: clean({ ...q }) }),
  });
}

export const exportQuery = (q: Q, format: 'xlsx' | 'pdf') => clean({ ...q, format });

/** basis points → "44.83%" (display only: the figures stay integers) */
export const rateText = (bp: number | null | undefined) => (bp === null || bp === undefined ? '–' : `${(bp / 100).toFixed(2)}%`);
