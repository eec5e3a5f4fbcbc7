import { Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../../../shared/auth.ts';
import { RoleTag } from '../../../shared/labels.tsx';

/** A simple welcome page: who I am, my roles and what I can see. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  return (
    <div data-testid="dashboard">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('dashboard.welcome', { name: me.user.name })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('dashboard.hint')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card>
            <Descriptions
              column={1}
              items={[
                { key: 'company', label: t('dashboard.company'), children: me.companyName ?? (me.kind === 'platform' ? t('layout.platform') : '—') },
                {
                  key: 'roles',
                  label: t('dashboard.roles'),
                  children: (
                    <Space size={[4, 4]} wrap data-testid="dashboard-roles">
                      {me.roles.length ? me.roles.map((r) => <RoleTag key={r} code={r} />) : '—'}
                    </Space>
                  ),
                },
                { key: 'scope', label: t('dashboard.scope'), children: <Tag color="blue">{t(`scope.${me.scope}`)}</Tag> },
                {
                  key: 'projects',
                  label: t('dashboard.projects'),
                  children: me.scope === 'company' ? t('layout.allProjects') : t('dashboard.projectCount', { count: me.projects.length }),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('dashboard.permissions')}>
            <Space size={[4, 8]} wrap>
              {me.permissions.map((p) => (
                <Tag key={p}>{t(`perm.${p}`, { defaultValue: p })}</Tag>
              ))}
            </Space>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
