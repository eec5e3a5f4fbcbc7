import { PrinterOutlined } from '@ant-design/icons';
import { Button, Result, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { yuan } from '../shared/format.ts';
import { receiptUrl } from '../shared/api.ts';

export interface CounterSuccess {
  paymentId: string;
  receiptNumber: string | null;
  amountFen: number;
  billsFen: number;
  prepaidFen: number;
  changeFen: number | null;
  roomCode: string;
}

/** 收款成功: the receipt number, 打印收据 (the PDF in a new tab) and 下一位 (Enter) */
export function SuccessView({ s, onNext }: { s: CounterSuccess; onNext: () => void }) {
  const { t } = useTranslation();
  const next = useRef<HTMLButtonElement | null>(null);
  useEffect(() => { next.current?.focus(); }, []);
  return (
    <Result status="success" data-testid="counter-success" title={t('payments.counter.paid', { amount: yuan(s.amountFen), room: s.roomCode })}
      subTitle={
        <div>
          <div>{t('payments.counter.receiptNo')} <Typography.Text strong copyable data-testid="counter-receipt-number">{s.receiptNumber ?? '—'}</Typography.Text></div>
          <div>{t('payments.counter.toBills')} ¥{yuan(s.billsFen)}{s.prepaidFen > 0 && ` · ${t('payments.counter.toPrepaid')} ¥${yuan(s.prepaidFen)}`}</div>
          {s.changeFen !== null && <div className="pay-counter-change">{t('payments.counter.change')} <b data-testid="counter-success-change">¥{yuan(s.changeFen)}</b></div>}
        </div>
      }
      extra={[
        <Button key="print" icon={<PrinterOutlined />} href={receiptUrl(s.paymentId)} target="_blank" rel="noopener" data-testid="counter-print">{t('payments.counter.print')}</Button>,
        <Button key="next" type="primary" ref={next} onClick={onNext} data-testid="counter-next">{t('payments.counter.next')}</Button>,
      ]} />
  );
}
