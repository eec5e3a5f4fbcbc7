import { HistoryOutlined, WalletOutlined } from '@ant-design/icons';
import { Button, Card, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { usePermissions } from '../../shared/auth.ts';
import './pay-h5.css';

/** the home page's 缴费 entry: 预存 and 缴费记录 (去缴费 sits on the bills card) */
export function MyPayCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { has } = usePermissions();
  if (!has('resident.self')) return null;
  return (
    <Card size="small" data-testid="h5-my-pay">
      <Space wrap className="pay-h5-links">
        <Button icon={<WalletOutlined />} onClick={() => void navigate('/prepay')} data-testid="my-prepay-link">{t('payH5.home.prepay')}</Button>
        <Button icon={<HistoryOutlined />} onClick={() => void navigate('/payments')} data-testid="my-payments-link">{t('payH5.home.payments')}</Button>
      </Space>
    </Card>
  );
}
