import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { H5LoginPage } from '../shared/h5/H5LoginPage.tsx';

export function ResidentLogin() {
  const { t } = useTranslation();
  return (
    <H5LoginPage
      titleKey="h5.residentApp"
      footer={
        <Typography.Paragraph style={{ textAlign: 'center' }}>
          {t('auth.noAccount')}{' '}
          <Link to="/register" data-testid="goto-register">
            {t('auth.register')}
          </Link>
        </Typography.Paragraph>
      }
    />
  );
}
