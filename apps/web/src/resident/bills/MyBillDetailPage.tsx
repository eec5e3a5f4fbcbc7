import { LeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Result, Skeleton, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../shared/api.ts';
import { errorText } from '../../shared/errors.ts';
import { yuan } from '../../shared/money.ts';
import { useMyBill } from './api.ts';
import '../home/my-home.css';
import './my-bills.css';

/** One of my bills: what is due today, how it was billed (lines) and how the late fee comes about. */
export function MyBillDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const q = useMyBill(id);
  const back = <Button type="link" icon={<LeftOutlined />} className="my-home-back" onClick={() => void navigate('/bills')} data-testid="back-bills">{t('common.back')}</Button>;
  if (q.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (q.isError) {
    return isApiError(q.error) && q.error.status === 404
      ? <Result status="404" title={t('error.notFound')} extra={back} />
      : <>{back}<Alert type="error" showIcon title={errorText(t, q.error)} /></>;
  }
  const b = q.data;
  const lf = b.lateFee;
  const late = b.balance.lateFeeOutstandingFen + b.balance.lateFeeUnpostedFen;
  return (
    <div data-testid="my-bill-detail">
      {back}
      <Card title={`${b.feeItemName} · ${b.targetCode}`}>
        <div className="my-home-row-sub">{t('billing.my.due')}</div>
        <div className="my-bill-total" data-testid="my-bill-total">¥{yuan(b.balance.totalDueFen)}</div>
        {b.overdue && <Tag color="error">{t('billing.my.overdue')}</Tag>}
        <Descriptions column={1} size="small" style={{ marginTop: 12 }} items={[
          { key: 'p', label: t('billing.my.period'), children: `${b.periodFrom} – ${b.periodTo}` },
          { key: 'd', label: t('billing.run.dueDate'), children: b.dueDate },
          { key: 'billed', label: t('billing.bill.principal'), children: yuan(b.balance.principalFen) },
          { key: 'paid', label: t('billing.bill.paid'), children: yuan(b.balance.paidFen) },
          { key: 'waived', label: t('billing.bill.waived'), children: yuan(b.balance.waivedFen) },
          { key: 'late', label: t('billing.bill.lateFee'), children: yuan(late) },
        ]} />
      </Card>
      {b.lines.length > 0 && (
        <Card title={t('billing.my.lines')}>
          <div className="my-home-rows">
            {b.lines.map((l) => (
              <div key={l.seq} className="my-home-row" data-testid="my-bill-line">
                <div className="my-home-row-main">
                  <div className="my-home-row-title">{l.description}</div>
                  <div className="my-home-row-sub">{l.periodFrom} – {l.periodTo}{l.quantity && l.unitPrice ? ` · ${l.quantity} × ${l.unitPrice}` : ''}</div>
                </div>
                <div className="my-bill-amount">{yuan(l.amountFen)}</div>
              </div>
            ))}
          </div>
        </Card>
      )}
      <Card title={t('billing.bill.lateFeeTitle')}>
        <div className="my-home-row-sub" data-testid="my-bill-late-fee">
          {!lf.applies ? t(`billing.bill.lateFeeNot.${lf.reason ?? 'no_rate'}`)
            : lf.accrualStart && lf.days === 0
              ? t('billing.bill.lateFeeFrom', { start: lf.accrualStart, asOf: lf.asOf })
              : lf.accrualStart
              ? t('billing.bill.lateFeeCalc', { start: lf.accrualStart, asOf: lf.asOf, days: lf.days, pd: lf.principalDays, exact: lf.exact, accrued: yuan(lf.accruedFen) })
              : t('billing.bill.lateFeeNone', { asOf: lf.asOf })}
        </div>
      </Card>
    </div>
  );
}
