import { AccountBookOutlined, HomeOutlined } from '@ant-design/icons';
import { Card, Empty, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../shared/auth.ts';

export function ResidentHome() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  return (
    <div data-testid="h5-home">
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('h5.hello', { name: me.user.name })}
        </Typography.Title>
        <Typography.Text type="secondary">{me.companyName}</Typography.Text>
      </Card>
      <Card
        title={
          <Space>
            <HomeOutlined />
            {t('h5.myHome')}
          </Space>
        }
        data-testid="h5-my-home"
      >
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('h5.homePlaceholder')} />
      </Card>
      <Card
        title={
          <Space>
            <AccountBookOutlined />
            {t('h5.myBills')}
          </Space>
        }
        data-testid="h5-my-bills"
      >
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('h5.billsPlaceholder')} />
      </Card>
    </div>
  );
}
