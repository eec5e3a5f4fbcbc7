import { Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { yuan } from '../../../../shared/money.ts';
import type { AnyImport } from '../../estate/api-excel.ts';
import { OPENING_SUMMARY } from '../api-opening.ts';

/** What an opening import wrote: bills and prepaid balances with their totals in 元 (from 分, exactly). */
export function OpeningSummary({ imp }: { imp: AnyImport }) {
  const { t } = useTranslation();
  const s = imp.summary;
  if (!s || !s.bills && !s.prepaid) return <>—</>;
  return (
    <Space wrap size={[12, 4]} data-testid="opening-summary">
      {OPENING_SUMMARY.map((k) => (
        <span key={k} data-testid={`opening-summary-${k}`}>
          {t(`billingOpening.summary.${k}`)} <b>{k.endsWith('Fen') ? `¥${yuan(s[k] ?? 0)}` : (s[k] ?? 0)}</b>
        </span>
      ))}
    </Space>
  );
}
