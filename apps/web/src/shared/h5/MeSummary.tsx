import { Avatar, Card, Descriptions, Space, Typography } from 'antd';
import { UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { RoleTag } from '../labels.tsx';
import type { Me } from '../types.ts';

/** The person's card on the "Me" tab. */
export function MeSummary({ me, showRoles }: { me: Me; showRoles: boolean }) {
  const { t } = useTranslation();
  return (
    <Card>
      <Space align="center" size={12} style={{ marginBottom: 12 }}>
        <Avatar size={48} icon={<UserOutlined />} />
        <div>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {me.user.name}
          </Typography.Title>
          <Typography.Text type="secondary">{me.user.phone ?? me.user.username ?? ''}</Typography.Text>
        </div>
      </Space>
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'company', label: t('h5.company'), children: me.companyName ?? '—' },
          ...(showRoles
            ? [
                {
                  key: 'roles',
                  label: t('h5.myRoles'),
                  children: (
                    <Space size={[0, 4]} wrap>
                      {me.roles.map((r) => (
                        <RoleTag key={r} code={r} />
                      ))}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
