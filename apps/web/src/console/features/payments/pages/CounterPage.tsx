import { Alert, Button, Card, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorText } from '../../../../shared/errors.ts';
import { PageHead } from '../../../../shared/PageHead.tsx';
import { CounterRoomHeader } from '../counter/CounterBills.tsx';
import { PayPanel } from '../counter/PayPanel.tsx';
import { QrPanel } from '../counter/QrPanel.tsx';
import { RoomSearch } from '../counter/RoomSearch.tsx';
import { SuccessView, type CounterSuccess } from '../counter/SuccessView.tsx';
import { useCounterRoom, type PaymentOrder } from '../shared/api.ts';
import '../counter/counter.css';

/**
 * 收银台: find the room (Enter), tick its bills or type an amount, pick the channel, take the money
 * (cash: tendered and change), 收款 → the receipt; 扫码支付 shows the order's QR until it is paid.
 */
export default function CounterPage() {
  const { t } = useTranslation();
  const [roomId, setRoomId] = useState<string | null>(null);
  const [order, setOrder] = useState<PaymentOrder | null>(null);
  const [done, setDone] = useState<CounterSuccess | null>(null);
  const [round, setRound] = useState(0);
  const room = useCounterRoom(roomId);

  const next = () => { setDone(null); setOrder(null); setRoomId(null); setRound((r) => r + 1); };

  return (
    <>
      <PageHead title={t('payments.counter.title')}>
        <Link to="/payments">{t('payments.list.title')}</Link>
      </PageHead>
      {done ? <Card><SuccessView s={done} onNext={next} /></Card> : (
        <>
          <RoomSearch key={round} focusKey={round} onPick={(h) => { setOrder(null); setRoomId(h.roomId); }} />
          {room.isError && <Alert type="error" showIcon title={errorText(t, room.error)} />}
          {roomId && room.isPending && <Skeleton active />}
          {room.data && room.data.roomId === roomId && (
            <Space orientation="vertical" style={{ width: '100%' }} size="middle">
              <CounterRoomHeader room={room.data} />
              {order ? (
                <Card><QrPanel order={order} roomCode={room.data.code} onPaid={setDone} onCancel={() => setOrder(null)} /></Card>
              ) : (
                <PayPanel key={room.data.roomId} room={room.data} onPaid={setDone} onQr={setOrder} />
              )}
              <Button onClick={next} data-testid="counter-clear">{t('payments.counter.clearRoom')}</Button>
            </Space>
          )}
        </>
      )}
    </>
  );
}
