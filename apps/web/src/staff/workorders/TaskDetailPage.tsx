import { EnvironmentOutlined, LeftOutlined, PhoneOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../shared/api.ts';
import { errorText } from '../../shared/errors.ts';
import { placeOf } from '../../resident/workorders/common/labels.tsx';
import { OrderFacts } from '../../resident/workorders/common/OrderFacts.tsx';
import { WoTimeline } from '../../resident/workorders/common/Timeline.tsx';
import { useLiveOrders } from '../../resident/workorders/common/useLiveOrders.ts';
import { TASKS_KEY, useProject, useTask } from './api.ts';
import { amapUrl } from './navigate.ts';
import { TaskActions } from './TaskActions.tsx';
import '../../resident/home/my-home.css';

/** A task: where (with a map link), who to call, what was said and photographed, and the next step. */
export function TaskDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const q = useTask(id);
  const project = useProject(q.data?.projectId);
  useLiveOrders(TASKS_KEY);
  const back = <Button type="link" icon={<LeftOutlined />} className="my-home-back" onClick={() => void navigate('/tasks')} data-testid="back-tasks">{t('common.back')}</Button>;
  if (q.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (q.isError) {
    return isApiError(q.error) && q.error.status === 404
      ? <Result status="404" title={t('error.notFound')} extra={back} />
      : <>{back}<Alert type="error" showIcon title={errorText(t, q.error)} /></>;
  }
  const o = q.data;
  const place = o.roomCode ?? o.locationText ?? o.buildingName ?? '';
  // a masked number (138****0000) cannot be dialled: show it without the link
  const dialable = !!o.contactPhone && /^\+?\d{5,20}$/.test(o.contactPhone);
  const extra = [
    {
      key: 'nav', label: t('woH5.fact.navigate'),
      children: (
        <a href={amapUrl(project.data, place, o.projectName)} target="_blank" rel="noreferrer" data-testid="wo-navigate">
          <EnvironmentOutlined /> {t('woH5.fact.openMap')}
        </a>
      ),
    },
    {
      key: 'contact', label: t('woH5.fact.contact'),
      children: (
        <span data-testid="wo-contact">
          {[o.contactName ?? o.requesterName, o.contactPhone].filter(Boolean).join(' ') || '–'}
          {dialable && <> <a href={`tel:${o.contactPhone}`} data-testid="wo-call"><PhoneOutlined /> {t('woH5.fact.call')}</a></>}
        </span>
      ),
    },
    ...(o.equipmentCode ? [{ key: 'eq', label: t('woH5.fact.equipment'), children: o.equipmentCode }] : []),
  ];
  return (
    <div data-testid="wo-task-detail" data-status={o.status} data-version={o.version}>
      {back}
      <Card title={<span data-testid="wo-no">{o.no}</span>} extra={<span className="wo-due">{placeOf({ ...o, projectName: '' })}</span>}>
        <OrderFacts o={o} extra={extra} />
      </Card>
      <TaskActions o={o} />
      <Card title={t('woH5.timeline.title')}>
        <WoTimeline rows={o.timeline} />
      </Card>
    </div>
  );
}
