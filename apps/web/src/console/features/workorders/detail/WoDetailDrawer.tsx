import { Alert, Drawer, Divider, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../../shared/errors.ts';
import { useWorkOrder } from '../api.ts';
import { WoPriorityTag, WoStatusTag } from '../labels.tsx';
import { WoActions } from './WoActions.tsx';
import { WoFacts } from './WoFacts.tsx';
import { WoPhotos } from './WoPhotos.tsx';
import { WoTimeline } from './WoTimeline.tsx';

/** One order: header, facts, photos, the actions the server allows now, and the timeline. Opened from the list, the board or `?id=`. */
export function WoDetailDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const q = useWorkOrder(id);
  const o = q.data?.id === id ? q.data : undefined;
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size="large"
      title={o ? (
        <Space wrap data-testid="wo-detail-title">
          <Typography.Text strong copyable>{o.no}</Typography.Text>
          <WoStatusTag status={o.status} />
          <WoPriorityTag priority={o.priority} />
        </Space>
      ) : t('woConsole.detail.title')}
      data-testid="wo-detail"
    >
      {q.isError && <Alert type="error" showIcon title={errorText(t, q.error)} data-testid="wo-detail-error" />}
      {!o && !q.isError && <Skeleton active />}
      {o && (
        <>
          <WoActions order={o} />
          <Divider titlePlacement="start" plain>{t('woConsole.detail.facts')}</Divider>
          <WoFacts order={o} />
          {o.files.length > 0 && (
            <>
              <Divider titlePlacement="start" plain>{t('woConsole.detail.photos')}</Divider>
              <WoPhotos files={o.files} testId="wo-detail-photos" />
            </>
          )}
          <Divider titlePlacement="start" plain>{t('woConsole.detail.timeline')}</Divider>
          <WoTimeline rows={o.timeline} />
        </>
      )}
    </Drawer>
  );
}
