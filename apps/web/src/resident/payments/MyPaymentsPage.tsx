import { DownloadOutlined, LeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Skeleton, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorText } from '../../shared/errors.ts';
import { yuan } from '../../shared/money.ts';
import { formatDateTime } from '../../shared/time.ts';
import { myReceiptUrl, useMyPayments } from './api.ts';
import '../home/my-home.css';
import './pay-h5.css';

/** 缴费记录: what I paid (online or at the counter), newest first, each with its receipt to download. */
export function MyPaymentsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const q = useMyPayments();
  const rows = (q.data?.pages ?? []).flatMap((p) => p.items);
  return (
    <div className="pay-h5" data-testid="my-payments-page">
      <Button type="link" icon={<LeftOutlined />} className="my-home-back" onClick={() => void navigate('/')} data-testid="back-home">{t('common.back')}</Button>
      <Card title={t('payH5.mine.title')}>
        {q.isError && <Alert type="error" showIcon title={errorText(t, q.error)} />}
        {q.isPending ? <Skeleton active paragraph={{ rows: 4 }} /> : rows.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('payH5.mine.none')} data-testid="my-payments-empty" />
        ) : (
          <div className="my-home-rows">
            {rows.map((p) => (
              <div key={p.id} className="my-home-row" data-testid="my-payment" data-receipt={p.receipt?.number ?? ''} data-status={p.status}>
                <div className="my-home-row-main">
                  <div className="my-home-row-title">{p.projectName} {p.roomCode} · {t(`payH5.channel.${p.channel}`)}</div>
                  <div className="my-home-row-sub">{formatDateTime(p.createdAt)}</div>
                  {p.receipt && <div className="my-home-row-sub">{t('payH5.result.receiptNo')} {p.receipt.number}</div>}
                </div>
                <div style={{ textAlign: 'right' }}>
                  <div className="my-bill-amount">¥{yuan(p.amountFen)}</div>
                  {p.status === 'voided' && <Tag>{t('payH5.mine.voided')}</Tag>}
                  {p.refundedFen > 0 && <Tag color="warning">{t('payH5.mine.refunded', { amount: yuan(p.refundedFen) })}</Tag>}
                  {p.receipt && p.status === 'posted' && (
                    <Button size="small" type="link" icon={<DownloadOutlined />} href={myReceiptUrl(p.id)} target="_blank" rel="noopener" data-testid="my-payment-receipt">{t('payH5.mine.receipt')}</Button>
                  )}
                </div>
              </div>
            ))}
          </div>
        )}
        {q.hasNextPage && (
          <Button block style={{ marginTop: 8 }} loading={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()} data-testid="my-payments-more">{t('payH5.mine.more')}</Button>
        )}
      </Card>
    </div>
  );
}
