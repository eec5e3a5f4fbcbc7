import { AccountBookOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../shared/auth.ts';
import { GreetingCard, PlaceholderCard } from '../shared/h5/HomeCards.tsx';
import { MyHomeCard } from './home/MyHomeCard.tsx';

export function ResidentHome() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  return (
    <div data-testid="h5-home">
      <GreetingCard me={me} />
      <MyHomeCard />
      <PlaceholderCard icon={<AccountBookOutlined />} title={t('h5.myBills')} placeholder={t('h5.billsPlaceholder')} testId="h5-my-bills" />
    </div>
  );
}
