import { DownloadOutlined, DownOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Dropdown, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../../shared/auth.ts';
import { useDownload } from '../../../../shared/useDownload.ts';
import { exportPath, type ImportKind } from '../api-excel.ts';
import { ImportDialog } from './ImportDialog.tsx';

type Entity = 'rooms' | 'persons' | 'parking' | 'vehicles';
type Filters = Record<string, string | number | undefined>;

/** What each list imports and exports, further imports offered from its menu, and the filters its export takes. */
const lists: Record<Entity, { kind: ImportKind; more: ImportKind[]; exportFilters: string[] }> = {
  // residents are imported against room codes: the rooms list offers that import too
  rooms: { kind: 'rooms', more: ['residents'], exportFilters: ['projectId', 'buildingId', 'unitId', 'status', 'q', 'owner', 'phone'] },
  // the residents export filters by room code, the persons list by name or phone: the export takes the whole archive
  persons: { kind: 'residents', more: [], exportFilters: [] },
  parking: { kind: 'parking', more: [], exportFilters: ['q'] },
  vehicles: { kind: 'vehicles', more: [], exportFilters: ['plate'] },
};

const pick = (filters: Filters | undefined, keys: string[]) =>
  Object.fromEntries(keys.filter((k) => filters?.[k] !== undefined && filters[k] !== '').map((k) => [k, filters![k]]));

/**
 * A list's Excel 导入 (estate.manage) and 导出 (estate.read) buttons. The export is of the list as
 * filtered now, for the header's project (or every visible one while HQ looks at all).
 */
export function ImportExportSlot({ entity, filters }: { entity: Entity; filters?: Filters }) {
  const { t } = useTranslation();
  const { has } = usePermissions();
  const { download, busy } = useDownload();
  const [importing, setImporting] = useState<ImportKind | null>(null);
  const list = lists[entity];
  const kindName = t(`excel.kind.${list.kind}`);

  return (
    <>
      {has('estate.manage') && (
        <Space.Compact>
          <Button icon={<UploadOutlined />} onClick={() => setImporting(list.kind)} data-testid="excel-import">
            {t(`excel.importKind.${list.kind}`)}
          </Button>
          {list.more.length > 0 && (
            <Dropdown
              trigger={['click']}
              menu={{
                items: list.more.map((k) => ({ key: k, label: <span data-testid={`excel-import-${k}`}>{t(`excel.importKind.${k}`)}</span> })),
                onClick: ({ key }) => setImporting(key as ImportKind),
              }}
            >
              <Button icon={<DownOutlined />} aria-label={t('excel.importMore')} data-testid="excel-import-more" />
            </Dropdown>
          )}
        </Space.Compact>
      )}
      {has('estate.read') && (
        <Button
          icon={<DownloadOutlined />}
          loading={busy === 'export'}
          onClick={() => void download('export', exportPath(list.kind), `${kindName}.xlsx`, { query: pick(filters, list.exportFilters) })}
          data-testid="excel-export"
        >
          {t('excel.export')}
        </Button>
      )}
      <ImportDialog kind={importing} onClose={() => setImporting(null)} />
    </>
  );
}
