import { CarryOutOutlined } from '@ant-design/icons';
import { Card, Empty, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../shared/auth.ts';
import { RoleTag } from '../shared/labels.tsx';

export function StaffHome() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  return (
    <div data-testid="h5-home">
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('h5.hello', { name: me.user.name })}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {me.companyName}
        </Typography.Paragraph>
        <Space size={[0, 6]} wrap>
          {me.roles.map((r) => (
            <RoleTag key={r} code={r} />
          ))}
          <Tag color="blue">{t(`scope.${me.scope}`)}</Tag>
        </Space>
      </Card>
      <Card
        title={
          <Space>
            <CarryOutOutlined />
            {t('h5.myTasks')}
          </Space>
        }
        data-testid="h5-tasks"
      >
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('h5.tasksPlaceholder')} />
      </Card>
    </div>
  );
}
