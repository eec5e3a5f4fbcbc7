import { DownloadOutlined, LeftOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Skeleton, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorText } from '../../shared/errors.ts';
import { yuan } from '../../shared/money.ts';
import { formatDateTime } from '../../shared/time.ts';
import { myInvoicePdfUrl, useMyInvoices, type MyInvoice } from './api.ts';
import '../home/my-home.css';
import '../payments/pay-h5.css';

const COLORS: Record<MyInvoice['status'], string> = { requested: 'default', issuing: 'processing', issued: 'success', failed: 'error', reversed: 'warning' };

/** 我的发票: every invoice of my rooms with its status, the PDF of an issued one; 申请开票 from here. */
export function MyInvoicesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const q = useMyInvoices();
  const rows = (q.data?.pages ?? []).flatMap((p) => p.items);
  return (
    <div className="pay-h5" data-testid="my-invoices-page">
      <Button type="link" icon={<LeftOutlined />} className="my-home-back" onClick={() => void navigate('/')} data-testid="back-home">{t('common.back')}</Button>
      <Card title={t('payH5.invoices.title')} extra={(
        <Button type="link" size="small" icon={<PlusOutlined />} onClick={() => void navigate('/invoices/new')} data-testid="my-invoice-new">{t('payH5.invoices.request')}</Button>
      )}>
        {q.isError && <Alert type="error" showIcon title={errorText(t, q.error)} />}
        {q.isPending ? <Skeleton active paragraph={{ rows: 4 }} /> : rows.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('payH5.invoices.none')} data-testid="my-invoices-empty">
            <Button type="primary" onClick={() => void navigate('/invoices/new')}>{t('payH5.invoices.request')}</Button>
          </Empty>
        ) : (
          <div className="my-home-rows">
            {rows.map((i) => (
              <div key={i.id} className="my-home-row" data-testid="my-invoice" data-status={i.status} data-no={i.invoiceNo ?? ''}>
                <div className="my-home-row-main">
                  <div className="my-home-row-title">
                    {i.kind === 'red' && <Tag color="red">{t('payH5.invoices.red')}</Tag>}{i.buyerName}
                  </div>
                  <div className="my-home-row-sub">{i.projectName} {i.roomCode} · {formatDateTime(i.issuedAt ?? i.createdAt)}</div>
                  {i.invoiceNo && <div className="my-home-row-sub">{t('payH5.invoices.no')} {i.invoiceNo}</div>}
                  {i.status === 'failed' && i.failReason && <div className="my-home-row-sub" style={{ color: '#cf1322' }}>{i.failReason}</div>}
                </div>
                <div style={{ textAlign: 'right' }}>
                  <div className="my-bill-amount">¥{yuan(i.amountFen)}</div>
                  <Tag color={COLORS[i.status]}>{t(`payH5.invoices.status.${i.status}`)}</Tag>
                  {i.hasPdf && (
                    <Button size="small" type="link" icon={<DownloadOutlined />} href={myInvoicePdfUrl(i.id)} target="_blank" rel="noopener" data-testid="my-invoice-pdf">{t('payH5.invoices.pdf')}</Button>
                  )}
                </div>
              </div>
            ))}
          </div>
        )}
        {q.hasNextPage && (
          <Button block style={{ marginTop: 8 }} loading={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()} data-testid="my-invoices-more">{t('payH5.invoices.more')}</Button>
        )}
      </Card>
    </div>
  );
}
