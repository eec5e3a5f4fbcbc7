import { Card } from 'antd';
import { useSignedInMe } from '../shared/auth.ts';
import { LogoutButton } from '../shared/h5/LogoutButton.tsx';
import { MeSummary } from '../shared/h5/MeSummary.tsx';

export function StaffMe() {
  const me = useSignedInMe();
  return (
    <div data-testid="h5-me">
      <MeSummary me={me} showRoles />
      <Card>
        <LogoutButton />
      </Card>
    </div>
  );
}
