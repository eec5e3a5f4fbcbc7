import { Card, Empty, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../types.ts';

/** The home page's first card: 你好, <name>, and the company; `children` (e.g. roles) go under the company. */
export function GreetingCard({ me, children }: { me: Me; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('h5.hello', { name: me.user.name })}
      </Typography.Title>
      {children ? (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {me.companyName}
          </Typography.Paragraph>
          {children}
        </>
      ) : (
        <Typography.Text type="secondary">{me.companyName}</Typography.Text>
      )}
    </Card>
  );
}

interface PlaceholderProps {
  icon: ReactNode;
  title: string;
  /** what will be here */
  placeholder: string;
  testId: string;
}

/** A home page section that has nothing to show yet. */
export function PlaceholderCard({ icon, title, placeholder, testId }: PlaceholderProps) {
  return (
    <Card
      title={
        <Space>
          {icon}
          {title}
        </Space>
      }
      data-testid={testId}
    >
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={placeholder} />
    </Card>
  );
}
