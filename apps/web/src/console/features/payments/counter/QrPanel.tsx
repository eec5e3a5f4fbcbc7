import { Alert, Button, Result, Space, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../../shared/errors.ts';
import { formatDateTime } from '../../../../shared/time.ts';
import { yuan } from '../shared/format.ts';
import { useCounterOrder, type PaymentOrder } from '../shared/api.ts';
import type { CounterSuccess } from './SuccessView.tsx';

/** 扫码支付: the order's QR for the payer's phone, asked every 2 s until it is paid (→ the receipt) or closed */
export function QrPanel({ order, roomCode, onPaid, onCancel }: { order: PaymentOrder; roomCode: string; onPaid: (s: CounterSuccess) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const q = useCounterOrder(order.id);
  const o = q.data ?? order;
  useEffect(() => {
    if (o.status === 'paid' && o.paymentId) {
      onPaid({ paymentId: o.paymentId, receiptNumber: o.receiptNumber, amountFen: o.amountFen, billsFen: o.amountFen - o.prepaidFen, prepaidFen: o.prepaidFen, changeFen: null, roomCode });
    }
  }, [o.status, o.paymentId]); // eslint-disable-line react-hooks/exhaustive-deps
  if (o.status === 'closed') {
    return <Result status="warning" title={t('payments.qr.closed')} data-testid="counter-qr-closed" extra={<Button onClick={onCancel}>{t('common.back')}</Button>} />;
  }
  return (
    <div className="pay-counter-qr" data-testid="counter-qr" data-order={o.id}>
      <Typography.Title level={4}>{t('payments.qr.scan', { amount: yuan(o.amountFen) })}</Typography.Title>
      {o.qrDataUrl ? <img src={o.qrDataUrl} alt={o.outTradeNo} width={240} height={240} data-testid="counter-qr-image" />
        : o.payUrl && <Typography.Link href={o.payUrl} target="_blank">{o.payUrl}</Typography.Link>}
      <Typography.Paragraph type="secondary">{o.description} · {o.outTradeNo}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('payments.qr.expires', { at: formatDateTime(o.expiresAt) })}</Typography.Paragraph>
      {q.isError && <Alert type="error" showIcon title={errorText(t, q.error)} />}
      <Space><Spin size="small" /> {t('payments.qr.waiting')}</Space>
      <div style={{ marginTop: 16 }}><Button onClick={onCancel} data-testid="counter-qr-cancel">{t('payments.qr.cancel')}</Button></div>
    </div>
  );
}
