import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { ZEstateImport, importKindValues, importModeValues } from '@wuye/shared';
import { useEffect } from 'react';
import type { z } from 'zod';
import { api } from '../../../shared/api.ts';
import type { Page } from '../../../shared/types.ts';
import { ESTATE_KEY } from './api.ts';

export type ImportKind = (typeof importKindValues)[number];
export type ImportMode = (typeof importModeValues)[number];
export type EstateImport = z.infer<typeof ZEstateImport>;
export type ImportStatus = EstateImport['status'];
/** an import of any kind the server's machinery works (the archive's lists, billing's 期初余额) */
export type AnyImport = Omit<EstateImport, 'kind'> & { kind: string };

/** Where an import of one kind goes up and is followed: the estate routes by default, another module's otherwise. */
export interface ImportSource {
  /** names the template download's spinner */
  key: string;
  /** 房屋, 期初余额 …: the template is "<name>导入模板" */
  name: string;
  templatePath: string;
  /** POST (multipart) here; GET `${base}/:id` polls one */
  base: string;
  /** added to the upload's query string (the estate routes take the kind there) */
  query?: Record<string, string>;
  /** refetched once an import wrote rows */
  invalidate: QueryKey;
}
export const ESTATE_IMPORTS_BASE = '/api/estate/imports';

export const IMPORT_MODES: readonly ImportMode[] = ['all_or_nothing', 'valid_rows'];
/** the summary counts the server reports, in the order they are shown */
export const SUMMARY_KEYS = ['rooms', 'buildings', 'units', 'owners', 'residents', 'parking', 'vehicles', 'persons'] as const;

/**
 * Imports live outside ESTATE_KEY: a finished import invalidates every estate list, and that must
 * not refetch the import (or its history) itself.
 */
const IMPORTS_KEY = ['estate-imports'] as const;

export const isFinished = (s: ImportStatus | undefined) => s === 'done' || s === 'failed';

export const templatePath = (kind: ImportKind) => `/api/estate/import-templates/${kind}`;
export const reportPath = (fileId: string) => `/api/files/${fileId}`;
export const REPORT_QUERY = { download: 1 } as const;

/** The list a kind's rows end up in: the same name on the export route. */
export const exportPath = (kind: ImportKind) => `/api/estate/exports/${kind}`;

export function useStartImport(source: Pick<ImportSource, 'base' | 'query'>) {
  return useMutation({
    mutationFn: ({ projectId, mode, file }: { projectId: string; mode: ImportMode; file: File }) => {
      const body = new FormData();
      body.append('file', file, file.name);
      return api.post<AnyImport>(source.base, body, { query: { ...source.query, projectId, mode } });
    },
  });
}

/**
 * One import, polled every second until it is done or failed. When it finishes, the lists it wrote
 * to (for the estate kinds rooms, persons, the building tree, parking, vehicles — all under
 * ESTATE_KEY) and the import histories are refetched.
 */
export function useImportProgress(id: string | null, base = ESTATE_IMPORTS_BASE, invalidate: QueryKey = ESTATE_KEY) {
  const qc = useQueryClient();
  const query = useQuery({
    queryKey: [...IMPORTS_KEY, 'one', id],
    queryFn: () => api.get<AnyImport>(`${base}/${id}`),
    enabled: !!id,
    refetchInterval: (q) => (isFinished(q.state.data?.status) ? false : 1000),
  });
  const finished = isFinished(query.data?.status);
  const imported = (query.data?.importedRows ?? 0) > 0;
  useEffect(() => {
    if (!finished) return;
    void qc.invalidateQueries({ queryKey: [...IMPORTS_KEY, 'list'] });
    if (imported) void qc.invalidateQueries({ queryKey: invalidate });
  }, [finished, imported, qc, invalidate]);
  return query;
}

export interface ImportHistoryQuery {
  kind?: ImportKind;
  page: number;
  pageSize: number;
}

/** Past imports of the header's project (every visible project while HQ looks at all). */
export function useImportHistory(query: ImportHistoryQuery, enabled: boolean) {
  return useQuery({
    queryKey: [...IMPORTS_KEY, 'list', query],
    queryFn: () => api.get<Page<EstateImport>>('/api/estate/imports', { query: { ...query } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}
