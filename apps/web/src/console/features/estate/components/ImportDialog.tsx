import { HistoryOutlined } from '@ant-design/icons';
import { Button, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportKind } from '../api-excel.ts';
import { ImportHistoryDrawer } from './ImportHistoryDrawer.tsx';
import { ImportResult } from './ImportResult.tsx';
import { ImportUploadForm } from './ImportUploadForm.tsx';

/** 导入 of one kind (rooms, residents, parking, vehicles): choose and upload, then follow it to its result. */
export function ImportDialog({ kind, onClose }: { kind: ImportKind | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [history, setHistory] = useState(false);
  return (
    <>
      <Modal
        open={!!kind}
        title={kind ? t(`excel.importKind.${kind}`) : ''}
        onCancel={onClose}
        width={560}
        destroyOnHidden
        footer={
          <Button icon={<HistoryOutlined />} onClick={() => setHistory(true)} data-testid="import-history-open">
            {t('excel.history')}
          </Button>
        }
        data-testid="import-dialog"
      >
        {kind && <ImportSteps kind={kind} />}
      </Modal>
      <ImportHistoryDrawer open={history} onClose={() => setHistory(false)} />
    </>
  );
}

/** Lives inside the modal, so closing it (destroyOnHidden) starts the next import afresh. */
function ImportSteps({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation();
  const [importId, setImportId] = useState<string | null>(null);
  if (!importId) return <ImportUploadForm kind={kind} onStarted={(imp) => setImportId(imp.id)} />;
  return (
    <ImportResult
      id={importId}
      extra={
        <Button key="again" onClick={() => setImportId(null)} data-testid="import-again">
          {t('excel.again')}
        </Button>
      }
    />
  );
}
