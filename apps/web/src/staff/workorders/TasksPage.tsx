import { LeftOutlined, ScanOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Segmented, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { errorText, useApiErrorHandler } from '../../shared/errors.ts';
import { useLiveOrders } from '../../resident/workorders/common/useLiveOrders.ts';
import { WoRowLink } from '../../resident/workorders/common/WoRowLink.tsx';
import type { WoRow } from '../../resident/workorders/common/types.ts';
import { TASKS_KEY, useTaskEvent, useTasks, type TaskTab } from './api.ts';
import '../../resident/home/my-home.css';
import '../../resident/workorders/common/wo-h5.css';

function GrabButton({ o }: { o: WoRow }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const grab = useTaskEvent(o.id);
  const onError = useApiErrorHandler();
  return (
    <Button type="primary" size="large" loading={grab.isPending} data-testid="wo-grab"
      onClick={() => grab.mutate({ event: 'grab', version: o.version }, { onSuccess: () => void navigate(`/tasks/${o.id}`), onError: (e) => onError(e) })}>
      {t('woH5.action.grab')}
    </Button>
  );
}

/** 我的任务 (deadline first, remaining time or overdue) and the 抢单池; both live over SSE. */
export function TasksPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab: TaskTab = params.get('tab') === 'pool' ? 'pool' : 'mine';
  const q = useTasks(tab);
  useLiveOrders(TASKS_KEY);
  const rows = q.data?.items ?? [];
  return (
    <div data-testid="wo-tasks-page">
      <Button type="link" icon={<LeftOutlined />} className="my-home-back" onClick={() => void navigate('/')} data-testid="back-home">{t('common.back')}</Button>
      <Card title={t('woH5.tasks.title')} extra={<Button icon={<ScanOutlined />} onClick={() => void navigate('/scan')} data-testid="wo-scan-open">{t('woH5.scan.button')}</Button>}>
        <div className="wo-tabs">
          <Segmented<TaskTab> value={tab} onChange={(v) => setParams(v === 'pool' ? { tab: 'pool' } : {}, { replace: true })} data-testid="wo-tasks-tab" options={[
            { value: 'mine', label: t('woH5.tasks.mine') }, { value: 'pool', label: t('woH5.tasks.pool') },
          ]} />
        </div>
        {q.isError && <Alert type="error" showIcon title={errorText(t, q.error)} />}
        {q.isPending ? <Skeleton active paragraph={{ rows: 4 }} /> : rows.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(tab === 'pool' ? 'woH5.tasks.poolEmpty' : 'woH5.tasks.none')} data-testid="wo-tasks-empty" />
        ) : (
          <div className="my-home-rows" data-testid={`wo-tasks-${tab}`}>
            {rows.map((o) => <WoRowLink key={o.id} o={o} to={`/tasks/${o.id}`} extra={tab === 'pool' ? <GrabButton o={o} /> : undefined} />)}
          </div>
        )}
      </Card>
    </div>
  );
}
