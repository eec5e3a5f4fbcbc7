import { RightOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { yuan } from '../../shared/money.ts';
import type { MyBill } from './api.ts';

/** One bill in the list: what it is for, its period, what is due today (late fee included) and by when. */
export function BillRowLink({ b }: { b: MyBill }) {
  const { t } = useTranslation();
  const due = b.balance.totalDueFen;
  const late = b.balance.lateFeeOutstandingFen + b.balance.lateFeeUnpostedFen;
  return (
    <Link to={`/bills/${b.id}`} className="my-home-row" data-testid="my-bill" data-period={b.periodFrom} data-code={b.targetCode}>
      <div className="my-home-row-main">
        <div className="my-home-row-title">{b.feeItemName} · {b.targetCode}</div>
        <div className="my-home-row-sub">{b.periodFrom} – {b.periodTo}</div>
        {due > 0 && <div className="my-home-row-sub">{t('billing.my.dueBy', { date: b.dueDate })}{late > 0 && `，${t('billing.my.lateFeeIncluded', { amount: yuan(late) })}`}</div>}
      </div>
      <div style={{ textAlign: 'right' }}>
        <div className="my-bill-amount" data-testid="my-bill-due">{due > 0 ? `¥${yuan(due)}` : t('billing.my.paid')}</div>
        {b.overdue && <Tag color="error">{t('billing.my.overdue')}</Tag>}
      </div>
      <RightOutlined />
    </Link>
  );
}
