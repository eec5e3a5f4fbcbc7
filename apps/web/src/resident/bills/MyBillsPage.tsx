import { FileTextOutlined, LeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Segmented, Select, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorText } from '../../shared/errors.ts';
import { useMyRooms } from '../home/api.ts';
import { useMyBills, type MyBillStatus } from './api.ts';
import { BillRowLink } from './BillRowLink.tsx';
import '../home/my-home.css';
import './my-bills.css';

/** 我的账单: the bills of my rooms, 待缴 first (what is due today, late fee included), then paid; a room's 对账单 from here. */
export function MyBillsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { rooms } = useMyRooms();
  const [status, setStatus] = useState<MyBillStatus>('unpaid');
  const [roomId, setRoomId] = useState<string | undefined>(undefined);
  const q = useMyBills(status, roomId);
  const bills = (q.data?.pages ?? []).flatMap((p) => p.items);
  const statementRoom = roomId ?? (rooms.length === 1 ? rooms[0]!.roomId : undefined);
  return (
    <div data-testid="my-bills-page">
      <Button type="link" icon={<LeftOutlined />} className="my-home-back" onClick={() => void navigate('/')} data-testid="back-home">{t('common.back')}</Button>
      <Card title={t('billing.my.title')} extra={statementRoom && (
        <Button type="link" size="small" icon={<FileTextOutlined />} onClick={() => void navigate(`/rooms/${statementRoom}/statement`)} data-testid="my-statement-link">
          {t('billing.my.statement')}
        </Button>
      )}>
        <div className="my-bills-bar">
          <Segmented<MyBillStatus> value={status} onChange={setStatus} data-testid="my-bills-status" options={[
            { value: 'unpaid', label: t('billing.my.unpaid') }, { value: 'paid', label: t('billing.my.paid') }, { value: 'all', label: t('billing.my.all') },
          ]} />
          {rooms.length > 1 && (
            <Select allowClear placeholder={t('billing.my.room')} value={roomId} onChange={setRoomId} style={{ minWidth: 120 }} data-testid="my-bills-room"
              options={rooms.map((r) => ({ value: r.roomId, label: r.roomCode }))} />
          )}
        </div>
        {q.isError && <Alert type="error" showIcon title={errorText(t, q.error)} />}
        {q.isPending ? <Skeleton active paragraph={{ rows: 4 }} /> : bills.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('billing.my.none')} data-testid="my-bills-empty" />
        ) : (
          <div className="my-home-rows">
            {bills.map((b) => <BillRowLink key={b.id} b={b} />)}
          </div>
        )}
        {status !== 'paid' && bills.some((b) => b.balance.totalDueFen > 0) && (
          <Button type="primary" block style={{ marginTop: 8 }} onClick={() => void navigate('/pay')} data-testid="my-bills-pay">{t('payH5.pay.go')}</Button>
        )}
        {q.hasNextPage && (
          <Button block style={{ marginTop: 8 }} loading={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()} data-testid="my-bills-more">{t('billing.my.more')}</Button>
        )}
      </Card>
    </div>
  );
}
