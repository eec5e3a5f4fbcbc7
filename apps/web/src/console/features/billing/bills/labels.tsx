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

interface MonthPart { month: string; days: number; daysInMonth: number }
interface Explanation { months?: MonthPart[] | null; fraction?: string | null; monthlyFen?: number | null }

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** "377580/377580" (days weighted over lcm(28..31)) → "1" months, "188790/377580" → "1/2" */
function monthsText(fraction: string): string {
  const [n, d] = fraction.split('/').map(Number) as [number, number];
  if (!n || !d) return '0';
  const g = gcd(n, d);
  return d / g === 1 ? String(n / g) : `${n / g}/${d / g}`;
}

/** A line's explanation as the run stored it: the monthly amount, the days of each month, the months billed. */
export function lineExplanation(t: TFunction, e: unknown, yuan: (f: number) => string): string {
  if (!e || typeof e !== 'object') return '';
  const x = e as Explanation;
  const parts: string[] = [];
  if (typeof x.monthlyFen === 'number') parts.push(t('billing.bill.monthly', { amount: yuan(x.monthlyFen) }));
  if (Array.isArray(x.months)) parts.push(x.months.map((m) => t('billing.bill.monthDays', { month: m.month, days: m.days, of: m.daysInMonth })).join('，'));
  if (x.fraction) parts.push(t('billing.bill.months', { n: monthsText(x.fraction) }));
  return parts.join('；');
}
