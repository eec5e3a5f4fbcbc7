import { CarryOutOutlined, RightOutlined, ScanOutlined } from '@ant-design/icons';
import { Button, Card, Skeleton, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { usePermissions } from '../../shared/auth.ts';
import { useRemaining, activeDeadline } from '../../resident/workorders/common/labels.tsx';
import { useTasks } from './api.ts';
import '../../resident/home/my-home.css';

/** The staff home page's 我的任务 card: how many are mine, how many are overdue, the next deadline. */
export function TasksCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { has } = usePermissions();
  const allowed = has('workorder.read');
  const q = useTasks('mine', allowed);
  const remaining = useRemaining();
  if (!allowed) return null;
  const rows = q.data?.items ?? [];
  const overdue = rows.filter((o) => o.overdue || (activeDeadline(o) && remaining(activeDeadline(o)!.at).overdue)).length;
  const next = rows.map(activeDeadline).find(Boolean);
  return (
    <Card title={<Space><CarryOutOutlined />{t('woH5.tasks.title')}</Space>} data-testid="h5-tasks"
      extra={<Button icon={<ScanOutlined />} onClick={() => void navigate('/scan')} data-testid="h5-scan">{t('woH5.scan.button')}</Button>}>
      {q.isPending ? <Skeleton active paragraph={{ rows: 1 }} /> : (
        <Link to="/tasks" className="my-home-row" data-testid="h5-tasks-link">
          <div className="my-home-row-main">
            <div className="my-home-row-title" data-testid="h5-tasks-summary">
              {rows.length ? t('woH5.tasks.summary', { n: q.data?.total ?? rows.length, overdue }) : t('woH5.tasks.none')}
            </div>
            <div className="my-home-row-sub">{next ? remaining(next.at).text : t('woH5.tasks.view')}</div>
          </div>
          <RightOutlined />
        </Link>
      )}
    </Card>
  );
}
