import { Alert, Button, DatePicker, Drawer, Form, Select, Space, Steps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../../shared/api.ts';
import { useSignedInMe } from '../../../../shared/auth.ts';
import { applyFieldErrors, errorText } from '../../../../shared/errors.ts';
import { useProjectId } from '../../../../shared/project.ts';
import { runSubmit } from '../../../../shared/runSubmit.ts';
import { useFeeItems } from '../api.ts';
import { usePreviewRun, useStartRun, type BillRunInput } from '../api-accounts.ts';
import { RunPreviewTable } from './RunPreviewTable.tsx';
import { RunProgress } from './RunProgress.tsx';

export const PERIOD_KINDS = ['month', 'quarter', 'half_year', 'year'] as const;

interface Values { projectId: string; periodKind: BillRunInput['periodKind']; month: Dayjs; feeItemIds?: string[]; dueDate?: Dayjs | null }

const inputOf = (v: Values): BillRunInput => ({
  projectId: v.projectId, periodKind: v.periodKind,
  // the API bills from the 1st of the month picked
  periodFrom: v.month.startOf('month').format('YYYY-MM-DD'),
  ...(v.feeItemIds?.length ? { feeItemIds: v.feeItemIds } : {}),
  ...(v.dueDate ? { dueDate: v.dueDate.format('YYYY-MM-DD') } : {}),
});

/**
 * 生成账单: what to bill (step 1), the server's preview per fee item (step 2), then the run itself,
 * followed until it finishes (step 3). Any change to step 1 drops the preview: what starts is what was previewed.
 */
export function BillRunWizard({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const headerProject = useProjectId();
  const items = useFeeItems();
  const [form] = Form.useForm<Values>();
  const preview = usePreviewRun();
  const start = useStartRun();
  const [step, setStep] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ projectId: headerProject || me.projects[0]?.id, periodKind: 'month' });
    preview.reset();
    start.reset();
    setStep(0);
    setError(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const failed = (e: unknown) => {
    // field errors belong on step 1's fields; a 409 (already run, closed month) is said as the server says it
    if (isApiError(e) && e.status === 400 && e.code === 'validation_failed' && applyFieldErrors(form, e, t) > 0) setStep(0);
    setError(errorText(t, e));
  };
  const runPreview = async () => {
    const v = await form.validateFields();
    setError(null);
    preview.mutate(inputOf(v), { onSuccess: () => setStep(1), onError: failed });
  };
  const runStart = async () => {
    const v = await form.validateFields();
    setError(null);
    start.mutate(inputOf(v), { onSuccess: () => setStep(2), onError: failed });
  };

  return (
    <Drawer open={open} size={760} title={t('billing.run.create')} onClose={onClose} forceRender destroyOnHidden={false}>
      <Steps current={step} size="small" style={{ marginBottom: 24 }} items={[
        { title: t('billing.run.stepWhat') }, { title: t('billing.run.stepPreview') }, { title: t('billing.run.stepRun') },
      ]} />
      <Form form={form} layout="vertical" disabled={step === 2} onValuesChange={() => { setStep(0); setError(null); preview.reset(); }}
        style={{ display: step === 2 ? 'none' : undefined }}>
        <Space wrap align="start">
          <Form.Item name="projectId" label={t('billing.assign.project')} rules={[{ required: true, message: t('billing.assign.pickProject') }]}>
            <Select style={{ width: 220 }} options={me.projects.map((p) => ({ value: p.id, label: p.name }))} showSearch={{ optionFilterProp: 'label' }} data-testid="run-project" />
          </Form.Item>
          <Form.Item name="periodKind" label={t('billing.run.periodKind')} rules={[{ required: true }]}>
            <Select style={{ width: 140 }} options={PERIOD_KINDS.map((k) => ({ value: k, label: t(`billing.run.kind.${k}`) }))} data-testid="run-kind" />
          </Form.Item>
          <Form.Item name="month" label={t('billing.run.periodFrom')} rules={[{ required: true, message: t('billing.run.pickMonth') }]}>
            <DatePicker picker="month" format="YYYY-MM" data-testid="run-month" />
          </Form.Item>
          <Form.Item name="dueDate" label={t('billing.run.dueDate')} extra={t('billing.run.dueDateHelp')}>
            <DatePicker data-testid="run-due" />
          </Form.Item>
        </Space>
        <Form.Item name="feeItemIds" label={t('billing.run.feeItems')} extra={t('billing.run.feeItemsHelp')}>
          <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} data-testid="run-items"
            options={(items.data ?? []).filter((i) => i.category === 'periodic' && i.status === 'active').map((i) => ({ value: i.id, label: i.name }))} />
        </Form.Item>
      </Form>
      {step >= 1 && step < 2 && preview.data && <RunPreviewTable p={preview.data} />}
      {step === 1 && preview.data?.bills === 0 && <Alert style={{ marginTop: 12 }} type="warning" showIcon title={t('billing.run.nothing')} data-testid="run-nothing" />}
      {step === 2 && start.data && <RunProgress id={start.data.id} />}
      {error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={error} data-testid="run-error" />}
      <Space style={{ marginTop: 16 }}>
        {step < 2 && <Button loading={preview.isPending} onClick={runSubmit(runPreview)} data-testid="run-preview-btn">{t('billing.run.preview')}</Button>}
        {step === 1 && (
          <Button type="primary" loading={start.isPending} disabled={!preview.data} onClick={runSubmit(runStart)} data-testid="run-start">
            {t('billing.run.start')}
          </Button>
        )}
        {step === 2 && <Button onClick={onClose} data-testid="run-close">{t('billing.run.close')}</Button>}
      </Space>
    </Drawer>
  );
}
