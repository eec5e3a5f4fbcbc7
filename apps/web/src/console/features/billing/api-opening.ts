import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { openingSummaryKeys } from '@wuye/shared';
import { api } from '../../../shared/api.ts';
import type { Page } from '../../../shared/types.ts';
import type { AnyImport, ImportSource } from '../estate/api-excel.ts';
import { BILLING_KEY } from './api.ts';

export type OpeningSummaryKey = (typeof openingSummaryKeys)[number];
export const OPENING_SUMMARY: readonly OpeningSummaryKey[] = ['bills', 'arrearsFen', 'prepaid', 'prepaidFen'];

/** 期初余额 imports run on the estate import machinery, through billing's routes (billing.opening.import). */
export const openingSource = (name: string): ImportSource => ({
  key: 'opening', name, templatePath: '/api/billing/opening-import-template', base: '/api/billing/opening-imports', invalidate: BILLING_KEY,
});

export interface OpeningHistoryQuery { page: number; pageSize: number }

/** Past opening imports of the header's project (every visible project while HQ looks at all). */
export function useOpeningImports(query: OpeningHistoryQuery) {
  return useQuery({
    // under the estate imports' key, so a finished import refetches this list as it does theirs
    queryKey: ['estate-imports', 'list', 'opening', query],
    queryFn: () => api.get<Page<AnyImport>>('/api/billing/opening-imports', { query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}
