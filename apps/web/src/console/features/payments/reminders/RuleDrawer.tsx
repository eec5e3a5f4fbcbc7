import { Checkbox, Form, Input, InputNumber, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../../../../shared/auth.ts';
import { FormDrawer } from '../../../../shared/FormDrawer.tsx';
import { YUAN_PATTERN } from '../../../../shared/money.ts';
import { runSubmit } from '../../../../shared/runSubmit.ts';
import { useFieldSaveFeedback } from '../../estate/components/fieldErrors.ts';
import { fenOf, fenToYuanInput } from '../shared/format.ts';
import { REMINDER_CHANNELS, useSaveRule, type ReminderChannel, type ReminderRule } from './api.ts';

interface Values {
  projectId: string;
  name: string;
  daysOverdue: number;
  /** 元 as typed */
  minAmount: string;
  repeatDays: number;
  channels: ReminderChannel[];
  enabled: boolean;
}

/** New rule (in a project picked here or in the header) or an existing rule's thresholds; saved with its version. */
export function RuleDrawer({ open, rule, projectId, onClose }: { open: boolean; rule: ReminderRule | null; projectId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const [form] = Form.useForm<Values>();
  const save = useSaveRule();
  const saved = useFieldSaveFeedback(form, onClose, { closeOnStale: true });

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (rule) form.setFieldsValue({ ...rule, minAmount: fenToYuanInput(rule.minAmountFen) });
    else if (projectId) form.setFieldsValue({ projectId });
  }, [open, rule, projectId, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const fields = { name: v.name.trim(), daysOverdue: v.daysOverdue, minAmountFen: fenOf(v.minAmount) ?? 0, repeatDays: v.repeatDays, channels: v.channels, enabled: v.enabled };
    if (rule) return save.mutate({ id: rule.id, update: { ...fields, version: rule.version } }, saved);
    save.mutate({ create: { projectId: v.projectId, ...fields } }, saved);
  };

  return (
    <FormDrawer open={open} size={440} title={rule ? t('payFinance.reminders.rule.edit') : t('payFinance.reminders.rule.create')} onClose={onClose}
      onSave={runSubmit(submit)} saving={save.isPending} saveTestId="reminder-rule-submit">
      <Form form={form} layout="vertical" initialValues={{ daysOverdue: 30, minAmount: '', repeatDays: 7, channels: ['inapp', 'sms'], enabled: true }}>
        <Form.Item name="projectId" label={t('payFinance.reminders.project')} rules={[{ required: true }]} hidden={!!rule}>
          <Select disabled={!!rule} options={me.projects.map((p) => ({ value: p.id, label: p.name }))} data-testid="reminder-rule-project" />
        </Form.Item>
        <Form.Item name="name" label={t('payFinance.reminders.rule.name')} rules={[{ required: true, whitespace: true }, { max: 64 }]}>
          <Input maxLength={64} data-testid="reminder-rule-name" />
        </Form.Item>
        <Form.Item name="daysOverdue" label={t('payFinance.reminders.rule.daysOverdue')} extra={t('payFinance.reminders.rule.daysOverdueHelp')} rules={[{ required: true }]}>
          <InputNumber min={0} max={3650} precision={0} style={{ width: '100%' }} data-testid="reminder-rule-days" />
        </Form.Item>
        <Form.Item name="minAmount" label={t('payFinance.reminders.rule.minAmount')} extra={t('payFinance.reminders.rule.minAmountHelp')}
          rules={[{ pattern: YUAN_PATTERN, message: t('payFinance.reminders.batch.amountInvalid') }]}>
          <Input inputMode="decimal" placeholder="0.00" data-testid="reminder-rule-min" />
        </Form.Item>
        <Form.Item name="repeatDays" label={t('payFinance.reminders.rule.repeatDays')} extra={t('payFinance.reminders.rule.repeatDaysHelp')} rules={[{ required: true }]}>
          <InputNumber min={1} max={365} precision={0} style={{ width: '100%' }} data-testid="reminder-rule-repeat" />
        </Form.Item>
        <Form.Item name="channels" label={t('payFinance.reminders.rule.channels')} rules={[{ required: true, type: 'array', min: 1 }]}>
          <Checkbox.Group options={REMINDER_CHANNELS.map((c) => ({ value: c, label: t(`payFinance.reminders.channel.${c}`) }))} data-testid="reminder-rule-channels" />
        </Form.Item>
        <Form.Item name="enabled" label={t('payFinance.reminders.rule.enabled')} valuePropName="checked">
          <Switch data-testid="reminder-rule-enabled" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
