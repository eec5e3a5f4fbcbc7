import { Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../../shared/auth.ts';
import { PageHead } from '../../../../shared/PageHead.tsx';
import { DailyTab } from '../finance/DailyTab.tsx';
import { ShiftTab } from '../finance/ShiftTab.tsx';
import { VoucherTab } from '../finance/VoucherTab.tsx';

/** 收费报表: 收费日报 (with Excel / PDF), 交班 and 财务凭证 (for those who may export it). */
export default function FinanceReportsPage() {
  const { t } = useTranslation();
  const { has } = usePermissions();
  const [tab, setTab] = useState('daily');
  return (
    <>
      <PageHead title={t('payFinance.reports.title')} />
      <Tabs activeKey={tab} onChange={setTab} destroyOnHidden data-testid="finance-tabs" items={[
        { key: 'daily', label: t('payFinance.reports.tab.daily'), children: <DailyTab /> },
        { key: 'shift', label: t('payFinance.reports.tab.shift'), children: <ShiftTab /> },
        ...(has('payment.voucher.export') ? [{ key: 'voucher', label: t('payFinance.reports.tab.voucher'), children: <VoucherTab /> }] : []),
      ]} />
    </>
  );
}
