import { Button, Descriptions, Drawer, Result, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../../shared/auth.ts';
import { yuan } from '../../../../shared/money.ts';
import { formatDateTime } from '../../../../shared/time.ts';
import { useBill, type BillDetail, type Waiver } from '../api-accounts.ts';
import { periodText } from '../runs/labels.tsx';
import { BillStatusTag, lineExplanation } from './labels.tsx';
import { LedgerTable } from './LedgerTable.tsx';
import { WaiverRequestModal } from './WaiverRequestModal.tsx';

type Line = BillDetail['lines'][number];

function LateFeeText({ b }: { b: BillDetail }) {
  const { t } = useTranslation();
  const lf = b.lateFee;
  if (!lf.applies) return <span data-testid="bill-late-fee-text">{t(`billing.bill.lateFeeNot.${lf.reason ?? 'no_rate'}`)}</span>;
  return (
    <span data-testid="bill-late-fee-text">
      {t('billing.bill.lateFeeRule', { ppm: lf.dailyRatePpm, grace: lf.graceDays, cap: lf.capBp === null ? t('billing.bill.noCap') : `${lf.capBp / 100}%` })}
      <br />
      {lf.accrualStart && lf.days === 0
        ? t('billing.bill.lateFeeFrom', { start: lf.accrualStart, asOf: lf.asOf })
        : lf.accrualStart
        ? t('billing.bill.lateFeeCalc', { start: lf.accrualStart, asOf: lf.asOf, days: lf.days, pd: lf.principalDays, exact: lf.exact, accrued: yuan(lf.accruedFen) })
        : t('billing.bill.lateFeeNone', { asOf: lf.asOf })}
      {lf.capped && ` ${t('billing.bill.capped')}`}
      <br />
      {t('billing.bill.lateFeePosted', { posted: yuan(lf.postedFen), unposted: yuan(lf.unpostedFen) })}
    </span>
  );
}

/** 账单详情: the bill, what it owes, its lines (how each was priced), ledger, late fee worked out, waivers; 申请减免 from here. */
export function BillDetailDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { has } = usePermissions();
  const q = useBill(id);
  const [waiving, setWaiving] = useState<BillDetail | null>(null);
  const b = q.data;
  const canWaive = has('billing.waiver.request') && b?.status === 'live' && b.balance.totalDueFen > 0;
  return (
    <Drawer open={!!id} size={760} onClose={onClose} destroyOnHidden
      title={b ? <span data-testid="bill-drawer-title">{b.targetCode} · {b.feeItemName} · {periodText(b.periodFrom, b.periodTo)}</span> : t('billing.bill.detail')}
      extra={canWaive && <Button onClick={() => setWaiving(b!)} data-testid="bill-waive">{t('billing.waiver.request')}</Button>}>
      {q.isError ? <Result status="404" subTitle={t('error.notFound')} /> : !b ? <Spin /> : (
        <>
          <Descriptions size="small" column={3} bordered data-testid="bill-balance" items={[
            { key: 'status', label: t('common.status'), children: <BillStatusTag bill={b} /> },
            { key: 'due', label: t('billing.run.dueDate'), children: b.dueDate },
            { key: 'kind', label: t('billing.bill.kindTitle'), children: t(`billing.bill.kind.${b.kind}`) },
            { key: 'principal', label: t('billing.bill.principal'), children: yuan(b.balance.principalFen) },
            { key: 'paid', label: t('billing.bill.paid'), children: yuan(b.balance.paidFen) },
            { key: 'waived', label: t('billing.bill.waived'), children: yuan(b.balance.waivedFen) },
            { key: 'po', label: t('billing.bill.principalOutstanding'), children: yuan(b.balance.principalOutstandingFen) },
            { key: 'lf', label: t('billing.bill.lateFee'), children: yuan(b.balance.lateFeeOutstandingFen + b.balance.lateFeeUnpostedFen) },
            { key: 'total', label: t('billing.bill.totalDue'), children: <b data-testid="bill-total-due">{yuan(b.balance.totalDueFen)}</b> },
            ...(b.voidReason ? [{ key: 'void', label: t('billing.bill.voidReason'), children: b.voidReason, span: 3 }] : []),
          ]} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('billing.bill.lines')}</Typography.Title>
          <Table<Line> rowKey="seq" size="small" pagination={false} dataSource={b.lines} data-testid="bill-lines" columns={[
            { title: t('billing.bill.linePeriod'), key: 'p', width: 200, render: (_: unknown, l: Line) => periodText(l.periodFrom, l.periodTo) },
            { title: t('billing.bill.description'), dataIndex: 'description' },
            { title: t('billing.bill.quantity'), dataIndex: 'quantity', align: 'right', width: 80 },
            { title: t('billing.bill.unitPrice'), dataIndex: 'unitPrice', align: 'right', width: 90 },
            { title: t('billing.ledger.amount'), dataIndex: 'amountFen', align: 'right', width: 100, render: (v: number) => yuan(v) },
            { title: t('billing.bill.explanation'), key: 'x', render: (_: unknown, l: Line) => lineExplanation(t, l.explanation, yuan) },
          ]} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('billing.bill.lateFeeTitle')}</Typography.Title>
          <Typography.Paragraph><LateFeeText b={b} /></Typography.Paragraph>
          <Typography.Title level={5}>{t('billing.bill.ledger')}</Typography.Title>
          <LedgerTable entries={b.entries} testId="bill-ledger" />
          {b.waivers.length > 0 && (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>{t('billing.waiver.title')}</Typography.Title>
              <Table<Waiver> rowKey="id" size="small" pagination={false} dataSource={b.waivers} data-testid="bill-waivers" columns={[
                { title: t('billing.waiver.principal'), dataIndex: 'principalFen', align: 'right', render: (v: number) => yuan(v) },
                { title: t('billing.waiver.lateFee'), dataIndex: 'lateFeeFen', align: 'right', render: (v: number) => yuan(v) },
                { title: t('billing.waiver.reason'), dataIndex: 'reason', ellipsis: true },
                { title: t('common.status'), dataIndex: 'status', render: (s: Waiver['status']) => <WaiverStatusTag status={s} /> },
                { title: t('billing.waiver.requestedBy'), dataIndex: 'requestedByName' },
                { title: t('common.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
              ]} />
            </>
          )}
        </>
      )}
      <WaiverRequestModal bill={waiving} onClose={() => setWaiving(null)} />
    </Drawer>
  );
}

export function WaiverStatusTag({ status }: { status: Waiver['status'] }) {
  const { t } = useTranslation();
  const color = { requested: 'processing', approved: 'success', rejected: 'error', withdrawn: 'default' }[status];
  return <Tag color={color} data-testid={`waiver-status-${status}`}>{t(`billing.waiver.status.${status}`)}</Tag>;
}
