import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../../shared/auth.ts';
import { LangSwitch } from '../../shared/LangSwitch.tsx';
import { CompanySwitcher } from './CompanySwitcher.tsx';
import { InboxBell } from './InboxBell.tsx';
import { ProjectSwitcher } from './ProjectSwitcher.tsx';
import { UserMenu } from './UserMenu.tsx';

export function HeaderBar() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  return (
    <>
      {me.kind === 'platform' && <Tag color="purple">{t('layout.platform')}</Tag>}
      {me.memberships.length <= 1 && me.companyName && <span style={{ color: '#595959' }}>{me.companyName}</span>}
      <CompanySwitcher me={me} />
      {me.kind === 'staff' && <ProjectSwitcher me={me} />}
      <InboxBell />
      <LangSwitch />
      <UserMenu me={me} />
    </>
  );
}
