import { useQuery } from '@tanstack/react-query';
import { Form, Input, InputNumber, Radio, Select, Space, Switch, Typography } from 'antd';
import { slaClocks, woPriorities } from '@wuye/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api.ts';
import { usePermissions } from '../../../../shared/auth.ts';
import { errorText } from '../../../../shared/errors.ts';
import { FormDrawer } from '../../../../shared/FormDrawer.tsx';
import { FormErrorAlert } from '../../../../shared/FormErrorAlert.tsx';
import { runSubmit } from '../../../../shared/runSubmit.ts';
import type { FeeItem } from '../../billing/types.ts';
import { useSaveCategory } from '../api.ts';
import type { WoCategory } from '../types.ts';
import { woFieldErrors } from '../fieldErrors.ts';

type Priority = (typeof woPriorities)[number];
type Hours = Record<Priority, { response: number; complete: number }>;
interface Values {
  code: string; name: string; defaultPriority: Priority; clock: WoCategory['clock']; skill?: string; chargeable: boolean;
  feeItemId?: string | null; sort: number; active: boolean; hours: Hours;
}

const toHours = (m: number) => Math.round((m / 60) * 100) / 100;
const toMinutes = (h: number) => Math.max(1, Math.round(h * 60));
const DEFAULT_HOURS: Hours = { urgent: { response: 0.5, complete: 4 }, high: { response: 1, complete: 8 }, normal: { response: 2, complete: 24 }, low: { response: 8, complete: 72 } };

function useFeeItemOptions(enabled: boolean) {
  return useQuery({ queryKey: ['woFeeItems'], queryFn: () => api.get<FeeItem[]>('/api/billing/fee-items'), enabled, staleTime: 60_000 });
}

/** A category's SLA per priority — entered in hours, stored in minutes — its clock, skill, and (if chargeable) the fee item billed. */
export function CategoryDrawer({ category, open, onClose, readOnly }: { category: WoCategory | null; open: boolean; onClose: () => void; readOnly: boolean }) {
  const { t } = useTranslation();
  const { has } = usePermissions();
  const [form] = Form.useForm<Values>();
  const save = useSaveCategory();
  const [error, setError] = useState<string | null>(null);
  const chargeable = Form.useWatch('chargeable', form);
  const feeItems = useFeeItemOptions(open && has('billing.read'));

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(category ? {
      code: category.code, name: category.name, defaultPriority: category.defaultPriority, clock: category.clock, skill: category.skill ?? undefined,
      chargeable: category.chargeable, feeItemId: category.feeItemId, sort: category.sort, active: category.status === 'active',
      hours: Object.fromEntries(woPriorities.map((p) => [p, { response: toHours(category.sla[p].responseMinutes), complete: toHours(category.sla[p].completeMinutes) }])) as Hours,
    } : { defaultPriority: 'normal', clock: 'calendar', chargeable: false, sort: 0, active: true, hours: DEFAULT_HOURS });
  }, [open, category, form]);

  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    const sla = Object.fromEntries(woPriorities.map((p) => [p, { responseMinutes: toMinutes(v.hours[p].response), completeMinutes: toMinutes(v.hours[p].complete) }])) as WoCategory['sla'];
    const fields = {
      name: v.name.trim(), defaultPriority: v.defaultPriority, sla, clock: v.clock, skill: v.skill?.trim() || null,
      chargeable: v.chargeable, feeItemId: v.chargeable ? (v.feeItemId ?? null) : null, sort: v.sort ?? 0,
    };
    const input = category
      ? { id: category.id, update: { ...fields, version: category.version, status: v.active ? ('active' as const) : ('archived' as const) } }
      : { create: { ...fields, code: v.code.trim() } };
    save.mutate(input, {
      onSuccess: onClose,
      onError: (e) => {
        woFieldErrors(form, e, t);
        setError(errorText(t, e));
      },
    });
  };

  return (
    <FormDrawer open={open} onClose={onClose} onSave={readOnly ? onClose : runSubmit(submit)} saving={save.isPending} saveTestId="wo-category-submit" size="large"
      title={category ? t('woConsole.categories.edit', { name: category.name }) : t('woConsole.categories.create')}>
      <Form form={form} layout="vertical" disabled={readOnly} data-testid="wo-category-form">
        <FormErrorAlert error={error} testId="wo-category-error" />
        <Space wrap>
          <Form.Item name="code" label={t('woConsole.categories.code')} rules={[{ required: true, pattern: /^[A-Za-z0-9_-]{1,32}$/, message: t('validation.invalid_code', { defaultValue: 'A-Z 0-9 _ -' }) }]}>
            <Input disabled={!!category || readOnly} maxLength={32} data-testid="wo-category-code" />
          </Form.Item>
          <Form.Item name="name" label={t('woConsole.categories.name')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={50} data-testid="wo-category-name" />
          </Form.Item>
          <Form.Item name="sort" label={t('woConsole.categories.sort')}>
            <InputNumber min={0} max={9999} precision={0} />
          </Form.Item>
        </Space>
        <Form.Item name="defaultPriority" label={t('woConsole.categories.defaultPriority')}>
          <Radio.Group optionType="button" options={woPriorities.map((p) => ({ value: p, label: t(`woConsole.priority.${p}`) }))} />
        </Form.Item>
        <Form.Item name="clock" label={t('woConsole.field.clock')} extra={t('woConsole.categories.clockHint')}>
          <Radio.Group options={slaClocks.map((c) => ({ value: c, label: t(`woConsole.clock.${c}`) }))} data-testid="wo-category-clock" />
        </Form.Item>
        <Typography.Text strong>{t('woConsole.categories.sla')}</Typography.Text>
        {woPriorities.map((p) => (
          <Space key={p} align="baseline" wrap style={{ display: 'flex' }}>
            <span style={{ width: 48, display: 'inline-block' }}>{t(`woConsole.priority.${p}`)}</span>
            <Form.Item name={['hours', p, 'response']} label={t('woConsole.categories.responseHours')} rules={[{ required: true }]}>
              <InputNumber min={0.02} max={2160} step={0.5} suffix="h" data-testid={`wo-category-${p}-response`} />
            </Form.Item>
            <Form.Item name={['hours', p, 'complete']} label={t('woConsole.categories.completeHours')} dependencies={[['hours', p, 'response']]}
              rules={[{ required: true }, ({ getFieldValue }) => ({
                validator: (_, v?: number) => v !== undefined && v < getFieldValue(['hours', p, 'response'])
                  ? Promise.reject(new Error(t('woConsole.categories.completeBeforeResponse'))) : Promise.resolve(),
              })]}>
              <InputNumber min={0.02} max={2160} step={0.5} suffix="h" data-testid={`wo-category-${p}-complete`} />
            </Form.Item>
          </Space>
        ))}
        <Form.Item name="skill" label={t('woConsole.categories.skill')} extra={t('woConsole.categories.skillHint')}
          rules={[{ pattern: /^[a-z][a-z0-9_]{1,31}$/, message: t('woConsole.categories.skillInvalid') }]}>
          <Input maxLength={32} data-testid="wo-category-skill" />
        </Form.Item>
        <Form.Item name="chargeable" label={t('woConsole.categories.chargeable')} valuePropName="checked">
          <Switch data-testid="wo-category-chargeable" />
        </Form.Item>
        {chargeable && (
          <Form.Item name="feeItemId" label={t('woConsole.categories.feeItem')} rules={[{ required: true, message: t('woConsole.categories.feeItemRequired') }]}>
            <Select allowClear loading={feeItems.isFetching} options={(feeItems.data ?? []).map((f) => ({ value: f.id, label: `${f.name} (${f.code})` }))} data-testid="wo-category-fee-item" />
          </Form.Item>
        )}
        {category && (
          <Form.Item name="active" label={t('woConsole.categories.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </FormDrawer>
  );
}
