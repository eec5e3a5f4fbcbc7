import { DownloadOutlined, LeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Descriptions, Skeleton } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { errorText } from '../../shared/errors.ts';
import { yuan } from '../../shared/money.ts';
import { dayjs } from '../../shared/time.ts';
import { useDownload } from '../../shared/useDownload.ts';
import { useMyStatement } from './api.ts';
import '../home/my-home.css';
import './my-bills.css';

/** 对账单 of one of my rooms: a date range (this year by default), the balances, each entry, and the PDF. */
export function MyStatementPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [from, setFrom] = useState<Dayjs>(dayjs().startOf('year'));
  const [to, setTo] = useState<Dayjs>(dayjs());
  const f = from.format('YYYY-MM-DD');
  const tt = to.format('YYYY-MM-DD');
  const q = useMyStatement(id, f, tt);
  const { download, busy } = useDownload();
  const s = q.data;
  return (
    <div data-testid="my-statement">
      <Button type="link" icon={<LeftOutlined />} className="my-home-back" onClick={() => void navigate('/bills')} data-testid="back-bills">{t('common.back')}</Button>
      <Card title={s ? `${t('billing.statement.title')} · ${s.roomCode}` : t('billing.statement.title')}>
        <div className="my-statement-dates">
          <DatePicker value={from} allowClear={false} inputReadOnly onChange={(d) => d && setFrom(d)} placeholder={t('billing.my.from')} data-testid="my-statement-from" />
          <DatePicker value={to} allowClear={false} inputReadOnly onChange={(d) => d && setTo(d)} placeholder={t('billing.my.to')} data-testid="my-statement-to" />
        </div>
        <Button block icon={<DownloadOutlined />} style={{ marginTop: 8 }} loading={busy === 'pdf'} data-testid="my-statement-pdf"
          onClick={() => void download('pdf', `/api/me/rooms/${id}/statement.pdf`, `对账单-${s?.roomCode ?? ''}-${f}-${tt}.pdf`, { query: { from: f, to: tt } })}>
          {t('billing.statement.pdf')}
        </Button>
        {q.isError && <Alert style={{ marginTop: 8 }} type="error" showIcon title={errorText(t, q.error)} />}
        {q.isPending ? <Skeleton active /> : s && (
          <Descriptions column={1} size="small" style={{ marginTop: 12 }} items={[
            { key: 'o', label: t('billing.statement.opening'), children: yuan(s.openingBalanceFen) },
            { key: 'c', label: t('billing.statement.closing'), children: <b data-testid="my-statement-closing">{yuan(s.closingBalanceFen)}</b> },
            { key: 'ch', label: t('billing.statement.charged'), children: yuan(s.totals.chargedFen + s.totals.lateFeeFen) },
            { key: 'pd', label: t('billing.statement.paid'), children: yuan(s.totals.paidFen) },
            { key: 'w', label: t('billing.statement.waived'), children: yuan(s.totals.waivedFen) },
            { key: 'pp', label: t('billing.statement.prepaid'), children: yuan(s.prepaidBalanceFen) },
          ]} />
        )}
      </Card>
      {s && s.entries.length > 0 && (
        <Card title={t('billing.statement.entries')}>
          <div className="my-home-rows">
            {s.entries.map((e) => (
              <div key={e.id} className="my-home-row" data-testid="my-statement-entry">
                <div className="my-home-row-main">
                  <div className="my-home-row-title">{e.feeItemName ?? ''} {t(`billing.ledger.kind.${e.kind}`)}</div>
                  <div className="my-home-row-sub">{e.entryDate}{e.periodFrom ? ` · ${e.periodFrom} – ${e.periodTo}` : ''}</div>
                </div>
                <div style={{ textAlign: 'right' }}>
                  <div className="my-bill-amount">{yuan(e.amountFen)}</div>
                  <div className="my-home-row-sub">{t('billing.statement.balance')} {yuan(e.balanceFen)}</div>
                </div>
              </div>
            ))}
          </div>
        </Card>
      )}
    </div>
  );
}
