import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../shared/auth.ts';
import { LogoutButton } from '../shared/h5/LogoutButton.tsx';
import { MeSummary } from '../shared/h5/MeSummary.tsx';
import { ChannelPrefs } from '../shared/inbox/ChannelPrefs.tsx';

export function StaffMe() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  return (
    <div data-testid="h5-me">
      <MeSummary me={me} showRoles />
      <Card title={t('inbox.prefsTitle')} size="small">
        <ChannelPrefs />
      </Card>
      <Card>
        <LogoutButton />
      </Card>
    </div>
  );
}
