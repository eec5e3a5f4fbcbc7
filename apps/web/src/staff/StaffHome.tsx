import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../shared/auth.ts';
import { GreetingCard } from '../shared/h5/HomeCards.tsx';
import { RoleTag } from '../shared/labels.tsx';
import { TasksCard } from './workorders/TasksCard.tsx';

export function StaffHome() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  return (
    <div data-testid="h5-home">
      <GreetingCard me={me}>
        <Space size={[0, 6]} wrap>
          {me.roles.map((r) => (
            <RoleTag key={r} code={r} />
          ))}
          <Tag color="blue">{t(`scope.${me.scope}`)}</Tag>
        </Space>
      </GreetingCard>
      <TasksCard />
    </div>
  );
}
