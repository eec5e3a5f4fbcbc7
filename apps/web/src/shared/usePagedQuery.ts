import type { TablePaginationConfig } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface PageParams {
  page: number;
  pageSize: number;
}

/**
 * A server-paged list's query: its filters, page and page size (20 to start with). `filter` changes
 * filters and goes back to page 1; `pagination(total)` is the table's pager, bound to the same query.
 */
export function usePagedQuery<Q extends PageParams>() {
  const { t } = useTranslation();
  const [query, setQuery] = useState<Q>({ page: 1, pageSize: 20 } as Q);
  const filter = (patch: Partial<Omit<Q, keyof PageParams>>) => setQuery((q) => ({ ...q, ...patch, page: 1 }));
  const pagination = (total = 0): TablePaginationConfig => ({
    current: query.page,
    pageSize: query.pageSize,
    total,
    showSizeChanger: true,
    showTotal: (n) => t('common.total', { total: n }),
    onChange: (page, pageSize) => setQuery((q) => ({ ...q, page, pageSize })),
  });
  return { query, filter, pagination };
}
