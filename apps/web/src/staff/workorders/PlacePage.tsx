import { LeftOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Result, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { errorText } from '../../shared/errors.ts';
import { WoRowLink } from '../../resident/workorders/common/WoRowLink.tsx';
import { useFacility, usePlaceOrders, useRoom } from './api.ts';
import { FindingForm } from './FindingForm.tsx';
import '../../resident/home/my-home.css';

/** What a scanned code opens: the room or facility, its open orders, and a way to report a finding there. */
export function PlacePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const roomId = params.get('room') ?? undefined;
  const facilityId = roomId ? undefined : (params.get('facility') ?? undefined);
  const facilityProject = params.get('project') ?? undefined;
  const room = useRoom(roomId);
  const facility = useFacility(facilityId, facilityProject);
  const projectId = roomId ? room.data?.projectId : facility.data?.projectId;
  const orders = usePlaceOrders({ roomId, facilityId, projectId: facilityProject });
  const [reporting, setReporting] = useState(false);
  const back = <Button type="link" icon={<LeftOutlined />} className="my-home-back" onClick={() => void navigate('/scan')} data-testid="back-scan">{t('common.back')}</Button>;

  const place = roomId ? room : facility;
  if (place.isPending && (roomId || facilityId)) return <>{back}<Skeleton active paragraph={{ rows: 3 }} /></>;
  if (!projectId) {
    return <>{back}<Result status="404" title={t('woH5.place.notFound')} subTitle={place.isError ? errorText(t, place.error) : undefined} data-testid="wo-place-missing" /></>;
  }
  const title = roomId ? t('woH5.place.room', { code: room.data!.code }) : t('woH5.place.facility', { name: facility.data!.name });
  const rows = orders.data ?? [];
  return (
    <div data-testid="wo-place-page">
      {back}
      <Card title={<span data-testid="wo-place-title">{title}</span>}
        extra={!reporting && <Button type="primary" icon={<PlusOutlined />} onClick={() => setReporting(true)} data-testid="wo-place-report">{t('woH5.place.report')}</Button>}>
        <div className="my-home-row-sub" style={{ marginBottom: 8 }}>{t('woH5.place.open')}</div>
        {orders.isError && <Alert type="error" showIcon title={errorText(t, orders.error)} />}
        {orders.isPending ? <Skeleton active paragraph={{ rows: 2 }} /> : rows.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('woH5.place.none')} data-testid="wo-place-empty" />
        ) : (
          <div className="my-home-rows" data-testid="wo-place-orders">
            {rows.map((o) => <WoRowLink key={o.id} o={o} to={`/tasks/${o.id}`} />)}
          </div>
        )}
      </Card>
      {reporting && <FindingForm projectId={projectId} roomId={roomId} facilityId={facilityId} onDone={() => setReporting(false)} />}
    </div>
  );
}
