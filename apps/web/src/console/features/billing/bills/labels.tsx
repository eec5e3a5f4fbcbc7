import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** void, paid (nothing owed), overdue (owed past its due date) or unpaid */
export function BillStatusTag({ bill }: { bill: { status: 'live' | 'void'; overdue: boolean; balance: { totalDueFen: number } } }) {
  const { t } = useTranslation();
  const s = bill.status === 'void' ? 'void' : bill.balance.totalDueFen <= 0 ? 'paid' : bill.overdue ? 'overdue' : 'unpaid';
  const color = { void: 'default', paid: 'success', overdue: 'error', unpaid: 'warning' }[s];
  return <Tag color={color} data-testid={`bill-status-${s}`}>{t(`billing.bill.status.${s}`)}</Tag>;
}

interface Explanation { months?: number | string; fraction?: string; monthlyFen?: number; area?: number; unitPrice?: number; rule?: string }

/** A line's explanation as the run stored it: months, the fraction of a month (days / lcm), the monthly amount. */
export function lineExplanation(t: TFunction, e: unknown, yuan: (f: number) => string): string {
  if (!e || typeof e !== 'object') return '';
  const x = e as Explanation;
  const parts: string[] = [];
  if (x.monthlyFen !== undefined && x.monthlyFen !== null) parts.push(t('billing.bill.monthly', { amount: yuan(Number(x.monthlyFen)) }));
  if (x.months !== undefined && x.months !== null) parts.push(t('billing.bill.months', { n: x.months }));
  if (x.fraction) parts.push(t('billing.bill.fraction', { f: x.fraction }));
  return parts.join('，');
}
