import { AccountBookOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Skeleton, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { usePermissions } from '../../shared/auth.ts';
import { yuan } from '../../shared/money.ts';
import { useUnpaidSummary } from './api.ts';
import '../home/my-home.css';

/** The home page's 我的账单 card: how many bills are waiting and what they come to today. */
export function MyBillsCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { has } = usePermissions();
  const allowed = has('resident.self');
  const q = useUnpaidSummary(allowed);
  if (!allowed) return null;
  const n = q.data?.total ?? 0;
  const sum = (q.data?.items ?? []).reduce((s, b) => s + b.balance.totalDueFen, 0);
  return (
    <Card title={<Space><AccountBookOutlined />{t('billing.my.title')}</Space>} data-testid="h5-my-bills">
      {q.isPending ? <Skeleton active paragraph={{ rows: 1 }} /> : (
        <Link to="/bills" className="my-home-row" data-testid="my-bills-link">
          <div className="my-home-row-main">
            <div className="my-home-row-title" data-testid="my-bills-summary">{n > 0 ? t('billing.my.homeCard', { n, amount: yuan(sum) }) : t('billing.my.homeNone')}</div>
            <div className="my-home-row-sub">{t('billing.my.view')}</div>
          </div>
          <RightOutlined />
        </Link>
      )}
      {n > 0 && <Button type="primary" block style={{ marginTop: 8 }} onClick={() => void navigate('/pay')} data-testid="my-bills-pay">{t('payH5.pay.go')}</Button>}
    </Card>
  );
}
