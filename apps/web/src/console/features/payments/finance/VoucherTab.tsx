import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, DatePicker, Radio, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDownload } from '../../../../shared/useDownload.ts';
import { FinanceProjectFilter } from './DailyTab.tsx';

/** 财务凭证: a day (provisional while its month is open) or a closed month as an importable .xlsx. */
export function VoucherTab() {
  const { t } = useTranslation();
  const v = (k: string) => t(`payFinance.reports.voucher.${k}`);
  const [mode, setMode] = useState<'day' | 'month'>('day');
  const [day, setDay] = useState<Dayjs>(dayjs().subtract(1, 'day'));
  const [month, setMonth] = useState<Dayjs>(dayjs().subtract(1, 'month'));
  const [perDay, setPerDay] = useState(false);
  const [projectId, setProjectId] = useState<string | undefined>();
  const { download, busy } = useDownload();
  const period = mode === 'day' ? day.format('YYYY-MM-DD') : month.format('YYYY-MM');
  const go = () => download('voucher', '/api/payments/vouchers/export', `记账凭证-${period}.xlsx`, {
    query: { projectId, ...(mode === 'day' ? { date: period } : { month: period, perDay: perDay ? 'true' : undefined }) },
  });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Alert type="info" showIcon message={v('intro')} />
      <Space wrap>
        <FinanceProjectFilter value={projectId} onChange={setProjectId} />
        <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)} optionType="button" data-testid="voucher-mode"
          options={[{ value: 'day', label: v('byDay') }, { value: 'month', label: v('byMonth') }]} />
        {mode === 'day'
          ? <DatePicker allowClear={false} value={day} onChange={(d) => d && setDay(d)} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="voucher-date" />
          : <DatePicker picker="month" allowClear={false} value={month} onChange={(d) => d && setMonth(d)} disabledDate={(d) => d.isAfter(dayjs(), 'month')} data-testid="voucher-month" />}
        {mode === 'month' && <Checkbox checked={perDay} onChange={(e) => setPerDay(e.target.checked)}>{v('perDay')}</Checkbox>}
        <Button type="primary" icon={<FileExcelOutlined />} loading={busy === 'voucher'} onClick={go} data-testid="voucher-export">{v('export')}</Button>
      </Space>
      <Typography.Text type="secondary">{v('accounts')}</Typography.Text>
    </Space>
  );
}
