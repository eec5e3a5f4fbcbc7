import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Result, Skeleton, Space, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { errorText } from '../../shared/errors.ts';
import { yuan } from '../../shared/money.ts';
import { myReceiptUrl, useMyOrder } from './api.ts';
import './pay-h5.css';

/** back from the provider's page: the order is asked every 2 s until it is paid (the receipt) or closed */
export function PayResultPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id } = useParams<{ id: string }>();
  const q = useMyOrder(id!);
  const o = q.data;
  return (
    <div className="pay-h5" data-testid="pay-result" data-status={o?.status ?? 'loading'}>
      <Card>
        {q.isError && <Alert type="error" showIcon title={errorText(t, q.error)} />}
        {q.isPending && <Skeleton active />}
        {o?.status === 'paid' && (
          <Result status="success" title={t('payH5.result.paid', { amount: yuan(o.amountFen) })}
            subTitle={<div>{o.description}<div>{t('payH5.result.receiptNo')} <b data-testid="pay-receipt-number">{o.receiptNumber ?? '—'}</b></div></div>}
            extra={
              <Space orientation="vertical" style={{ width: '100%' }}>
                {o.paymentId && (
                  <Button block icon={<DownloadOutlined />} href={myReceiptUrl(o.paymentId)} target="_blank" rel="noopener" data-testid="pay-receipt-download">{t('payH5.result.download')}</Button>
                )}
                <Button block type="primary" onClick={() => void navigate('/bills')} data-testid="pay-to-bills">{t('payH5.result.toBills')}</Button>
                <Button block onClick={() => void navigate('/payments')} data-testid="pay-to-payments">{t('payH5.result.toPayments')}</Button>
              </Space>
            } />
        )}
        {o?.status === 'pending' && (
          <Result icon={<Spin size="large" />} title={t('payH5.result.pending', { amount: yuan(o.amountFen) })} subTitle={t('payH5.result.pendingHint')}
            extra={
              <Space orientation="vertical" style={{ width: '100%' }}>
                {o.payUrl && <Button block type="primary" href={o.payUrl} data-testid="pay-continue">{t('payH5.result.continue')}</Button>}
                <Button block onClick={() => void navigate('/bills')}>{t('payH5.result.toBills')}</Button>
              </Space>
            } />
        )}
        {o?.status === 'closed' && (
          <Result status="warning" title={t('payH5.result.closed')} subTitle={t('payH5.result.closedHint')}
            extra={<Button type="primary" onClick={() => void navigate(o.prepaidFen > 0 && o.billIds.length === 0 ? '/prepay' : '/pay')} data-testid="pay-again">{t('payH5.result.again')}</Button>} />
        )}
      </Card>
    </div>
  );
}
