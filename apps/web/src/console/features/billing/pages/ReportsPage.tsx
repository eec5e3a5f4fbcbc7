import { Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHead } from '../../../../shared/PageHead.tsx';
import { AgeingTab } from '../reports/AgeingTab.tsx';
import { CollectionTab } from '../reports/CollectionTab.tsx';
import { IncomeTab } from '../reports/IncomeTab.tsx';

/** 收费报表: 收缴率, 欠费账龄 and 收入, each with its filters, chart, table and exports. */
export default function ReportsPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState('collection');
  return (
    <>
      <PageHead title={t('billingReports.title')} />
      <Tabs activeKey={tab} onChange={setTab} destroyOnHidden data-testid="report-tabs" items={[
        { key: 'collection', label: t('billingReports.tab.collection'), children: <CollectionTab /> },
        { key: 'ageing', label: t('billingReports.tab.ageing'), children: <AgeingTab /> },
        { key: 'income', label: t('billingReports.tab.income'), children: <IncomeTab /> },
      ]} />
    </>
  );
}
