import { useSignedInMe } from '../shared/auth.ts';
import { GreetingCard } from '../shared/h5/HomeCards.tsx';
import { MyBillsCard } from './bills/MyBillsCard.tsx';
import { MyHomeCard } from './home/MyHomeCard.tsx';
import { MyOrdersCard } from './workorders/MyOrdersCard.tsx';
import { MyPayCard } from './payments/MyPayCard.tsx';

export function ResidentHome() {
  const me = useSignedInMe();
  return (
    <div data-testid="h5-home">
      <GreetingCard me={me} />
      <MyHomeCard />
      <MyBillsCard />
      <MyPayCard />
      <MyOrdersCard />
    </div>
  );
}
