import { PlusOutlined, RightOutlined, ToolOutlined } from '@ant-design/icons';
import { Button, Card, Skeleton, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { usePermissions } from '../../shared/auth.ts';
import { useMyOpenCount } from './api.ts';
import '../home/my-home.css';

/** The home page's 报事报修 card: report something, and how many of mine are still open. */
export function MyOrdersCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { has } = usePermissions();
  const allowed = has('resident.self') && has('workorder.create');
  const q = useMyOpenCount(allowed);
  if (!allowed) return null;
  const n = q.data?.total ?? 0;
  return (
    <Card title={<Space><ToolOutlined />{t('woH5.card.title')}</Space>} data-testid="h5-my-wo"
      extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/report')} data-testid="h5-report">{t('woH5.card.report')}</Button>}>
      {q.isPending ? <Skeleton active paragraph={{ rows: 1 }} /> : (
        <Link to="/work-orders" className="my-home-row" data-testid="my-wo-link">
          <div className="my-home-row-main">
            <div className="my-home-row-title" data-testid="my-wo-summary">{n > 0 ? t('woH5.card.open', { n }) : t('woH5.card.none')}</div>
            <div className="my-home-row-sub">{t('woH5.card.view')}</div>
          </div>
          <RightOutlined />
        </Link>
      )}
    </Card>
  );
}
