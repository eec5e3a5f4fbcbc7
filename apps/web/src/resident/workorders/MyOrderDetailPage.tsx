import { LeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../shared/api.ts';
import { errorText } from '../../shared/errors.ts';
import { MY_WO_KEY, useMyWorkOrder } from './api.ts';
import { OrderFacts } from './common/OrderFacts.tsx';
import { WoTimeline } from './common/Timeline.tsx';
import { useLiveOrders } from './common/useLiveOrders.ts';
import { MyOrderActions } from './MyOrderActions.tsx';
import '../home/my-home.css';

/** One of my requests: its facts, what I can do now, and the progress timeline (live). */
export function MyOrderDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const q = useMyWorkOrder(id);
  useLiveOrders(MY_WO_KEY);
  const back = <Button type="link" icon={<LeftOutlined />} className="my-home-back" onClick={() => void navigate('/work-orders')} data-testid="back-my-wo">{t('common.back')}</Button>;
  if (q.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (q.isError) {
    return isApiError(q.error) && q.error.status === 404
      ? <Result status="404" title={t('error.notFound')} extra={back} />
      : <>{back}<Alert type="error" showIcon title={errorText(t, q.error)} /></>;
  }
  const o = q.data;
  return (
    <div data-testid="my-wo-detail" data-status={o.status} data-version={o.version}>
      {back}
      <Card title={<span data-testid="wo-no">{o.no}</span>}>
        <OrderFacts o={o} />
      </Card>
      <MyOrderActions o={o} />
      <Card title={t('woH5.timeline.title')}>
        <WoTimeline rows={o.timeline} />
      </Card>
    </div>
  );
}
