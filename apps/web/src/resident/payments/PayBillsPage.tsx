import { LeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Empty, Select, Skeleton, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { errorText } from '../../shared/errors.ts';
import { yuan } from '../../shared/money.ts';
import { useMyRooms } from '../home/api.ts';
import { usePayableBills } from './api.ts';
import { usePayOrder } from './usePayOrder.ts';
import '../home/my-home.css';
import './pay-h5.css';

/** 在线缴费: tick the unpaid bills of one room (all of them, oldest due first, to start with), see the total, 立即支付. */
export function PayBillsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { rooms } = useMyRooms();
  const q = usePayableBills();
  const all = useMemo(() => (q.data?.items ?? []).filter((b) => b.roomId && b.balance.totalDueFen > 0)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.periodFrom.localeCompare(b.periodFrom)), [q.data]);
  const wanted = params.get('bill');
  const [roomId, setRoomId] = useState<string | undefined>(undefined);
  const room = roomId ?? all.find((b) => b.id === wanted)?.roomId ?? all[0]?.roomId;
  const bills = all.filter((b) => b.roomId === room);
  const [ticked, setTicked] = useState<string[] | null>(null);
  useEffect(() => setTicked(null), [room]);
  // a bill given in the link (去缴费 on one bill): only that one; otherwise all of the room's
  const selected = ticked ?? (wanted && bills.some((b) => b.id === wanted) ? [wanted] : bills.map((b) => b.id));
  const chosen = bills.filter((b) => selected.includes(b.id));
  const total = chosen.reduce((s, b) => s + b.balance.totalDueFen, 0);
  const { pay, error, busy } = usePayOrder();
  const roomCodes = [...new Set(all.map((b) => b.roomId!))];
  const codeOf = (id: string) => rooms.find((r) => r.roomId === id)?.roomCode ?? all.find((b) => b.roomId === id)?.targetCode ?? id;

  return (
    <div data-testid="pay-bills-page" className="pay-h5">
      <Button type="link" icon={<LeftOutlined />} className="my-home-back" onClick={() => void navigate('/bills')} data-testid="back-bills">{t('common.back')}</Button>
      <Card title={t('payH5.pay.title')} extra={roomCodes.length > 1 && (
        <Select value={room} onChange={setRoomId} style={{ minWidth: 110 }} data-testid="pay-room" options={roomCodes.map((id) => ({ value: id, label: codeOf(id) }))} />
      )}>
        {q.isError && <Alert type="error" showIcon title={errorText(t, q.error)} />}
        {q.isPending ? <Skeleton active paragraph={{ rows: 4 }} /> : bills.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('payH5.pay.none')} data-testid="pay-none" />
        ) : (
          <>
            <Checkbox checked={chosen.length === bills.length} indeterminate={chosen.length > 0 && chosen.length < bills.length}
              onChange={(e) => setTicked(e.target.checked ? bills.map((b) => b.id) : [])} data-testid="pay-all">{t('payH5.pay.all')}</Checkbox>
            <div className="my-home-rows">
              {bills.map((b) => (
                <label key={b.id} className="my-home-row pay-h5-bill" data-testid="pay-bill" data-bill={b.id} data-period={b.periodFrom}>
                  <Checkbox checked={selected.includes(b.id)} data-testid="pay-bill-check"
                    onChange={(e) => setTicked(e.target.checked ? bills.filter((x) => x.id === b.id || selected.includes(x.id)).map((x) => x.id) : selected.filter((id) => id !== b.id))} />
                  <div className="my-home-row-main">
                    <div className="my-home-row-title">{b.feeItemName} · {b.targetCode}</div>
                    <div className="my-home-row-sub">{b.periodFrom === b.periodTo ? b.periodFrom : `${b.periodFrom} – ${b.periodTo}`} · {t('payH5.pay.dueBy', { date: b.dueDate })}</div>
                  </div>
                  <div style={{ textAlign: 'right' }}>
                    <div className="my-bill-amount">¥{yuan(b.balance.totalDueFen)}</div>
                    {b.overdue && <Tag color="error">{t('payH5.pay.overdue')}</Tag>}
                  </div>
                </label>
              ))}
            </div>
          </>
        )}
      </Card>
      {bills.length > 0 && (
        <div className="pay-h5-bar">
          <div>
            <div className="pay-h5-bar-label">{t('payH5.pay.total', { n: chosen.length })}</div>
            <div className="pay-h5-total" data-testid="pay-total">¥{yuan(total)}</div>
          </div>
          <Button type="primary" size="large" disabled={chosen.length === 0} loading={busy} data-testid="pay-submit"
            onClick={() => room && pay({ roomId: room, billIds: chosen.map((b) => b.id), prepaidFen: 0, prepaidFeeItemId: null })}>
            {t('payH5.pay.submit')}
          </Button>
        </div>
      )}
      {error && <Alert type="error" showIcon title={error} data-testid="pay-error" style={{ marginTop: 8 }} />}
    </div>
  );
}
