import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../../shared/FormDrawer.tsx';
import { runSubmit } from '../../../../shared/runSubmit.ts';
import { useFieldSaveFeedback } from '../../estate/components/fieldErrors.ts';
import { useCurrentProject } from '../../estate/components/ProjectRequired.tsx';
import { useCreateStandard, useFeeItems } from '../api.ts';
import { RuleFields, ruleOf, type RuleValues } from './RuleFields.tsx';

interface Values extends RuleValues {
  feeItemId: string;
  /** '' = company-wide */
  projectId: string;
  code: string;
  name: string;
  validFrom: Dayjs;
  validTo?: Dayjs | null;
}

const COMPANY = '';

/** New charge standard with its first version: company-wide (HQ) or for one project. */
export function StandardCreateDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const project = useCurrentProject();
  const [form] = Form.useForm<Values>();
  const items = useFeeItems();
  const create = useCreateStandard();
  const saved = useFieldSaveFeedback(form, onClose);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ projectId: project.id || COMPANY, kind: 'area' });
  }, [open, form, project.id]);

  const submit = async () => {
    const v = await form.validateFields();
    create.mutate({
      feeItemId: v.feeItemId, projectId: v.projectId || null, code: v.code.trim(), name: v.name.trim(), rule: ruleOf(v),
      validFrom: v.validFrom.format('YYYY-MM-DD'), validTo: v.validTo ? v.validTo.format('YYYY-MM-DD') : null,
    }, saved);
  };

  const scopes = [{ value: COMPANY, label: t('billing.standard.companyWide') }, ...project.projects.map((p) => ({ value: p.id, label: p.name }))];
  return (
    <FormDrawer open={open} size={520} title={t('billing.standard.create')} onClose={onClose} onSave={runSubmit(submit)} saving={create.isPending} saveTestId="standard-submit">
      <Form form={form} layout="vertical">
        <Form.Item name="feeItemId" label={t('billing.standard.feeItem')} rules={[{ required: true }]}>
          <Select options={(items.data ?? []).filter((i) => i.status === 'active').map((i) => ({ value: i.id, label: `${i.code} ${i.name}` }))} data-testid="standard-fee-item" />
        </Form.Item>
        <Form.Item name="projectId" label={t('billing.standard.scope')} extra={t('billing.standard.scopeHelp')}>
          <Select options={scopes} data-testid="standard-scope" />
        </Form.Item>
        <Form.Item name="code" label={t('billing.standard.code')} rules={[{ required: true, pattern: /^[A-Za-z0-9_-]{1,32}$/, message: t('billing.item.codeHelp') }]}>
          <Input maxLength={32} data-testid="standard-code" />
        </Form.Item>
        <Form.Item name="name" label={t('billing.standard.name')} rules={[{ required: true, whitespace: true }, { max: 64 }]}>
          <Input maxLength={64} data-testid="standard-name" />
        </Form.Item>
        <RuleFields />
        <Form.Item name="validFrom" label={t('billing.standard.validFrom')} rules={[{ required: true }]}>
          <DatePicker data-testid="standard-valid-from" />
        </Form.Item>
        <Form.Item name="validTo" label={t('billing.standard.validTo')} extra={t('billing.standard.validToHelp')}>
          <DatePicker />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
