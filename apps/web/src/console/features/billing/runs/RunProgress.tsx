import { Alert, Descriptions, Progress, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { yuan } from '../../../../shared/money.ts';
import { useBillRun } from '../api-accounts.ts';
import { periodText, RunStatusTag } from './labels.tsx';

/** A run's progress while it works (polled each second), then its result. */
export function RunProgress({ id }: { id: string }) {
  const { t } = useTranslation();
  const q = useBillRun(id);
  const r = q.data;
  if (!r) return <Spin />;
  const percent = r.targetsTotal > 0 ? Math.floor((r.targetsDone * 100) / r.targetsTotal) : r.status === 'done' ? 100 : 0;
  const working = r.status === 'queued' || r.status === 'running';
  return (
    <div data-testid="run-progress">
      <Progress percent={percent} status={r.status === 'failed' ? 'exception' : working ? 'active' : 'normal'} data-testid="run-progress-bar" />
      <p>{t('billing.run.targets', { done: r.targetsDone, total: r.targetsTotal })} <RunStatusTag status={r.status} /></p>
      {r.status === 'done' && (
        <Result status="success" title={t('billing.run.finished')} data-testid="run-result" subTitle={
          <span data-testid="run-result-text">{t('billing.run.resultText', { created: r.billsCreated, skipped: r.billsSkipped, total: yuan(r.totalFen) })}</span>
        } />
      )}
      {r.status === 'failed' && <Alert type="error" showIcon title={t('billing.run.failed')} description={r.message} data-testid="run-failed" />}
      <Descriptions size="small" column={2} bordered items={[
        { key: 'period', label: t('billing.run.period'), children: periodText(r.periodFrom, r.periodTo) },
        { key: 'due', label: t('billing.run.dueDate'), children: r.dueDate },
        { key: 'created', label: t('billing.run.billsCreated'), children: <span data-testid="run-bills-created">{r.billsCreated}</span> },
        { key: 'skipped', label: t('billing.run.billsSkipped'), children: r.billsSkipped },
        { key: 'total', label: t('billing.run.amount'), children: yuan(r.totalFen) },
        { key: 'discount', label: t('billing.run.discount'), children: yuan(r.discountFen) },
        ...(r.status === 'cancelled'
          ? [{ key: 'voided', label: t('billing.run.billsVoided'), children: r.billsVoided }, { key: 'reason', label: t('billing.run.cancelReason'), children: r.cancelReason }]
          : []),
      ]} />
    </div>
  );
}
