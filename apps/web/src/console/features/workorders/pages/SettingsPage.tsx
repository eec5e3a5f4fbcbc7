import { App, Button, Card, Form, Input, InputNumber, Radio, Skeleton } from 'antd';
import { dispatchModes } from '@wuye/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../../shared/errors.ts';
import { FormErrorAlert } from '../../../../shared/FormErrorAlert.tsx';
import { PageHead } from '../../../../shared/PageHead.tsx';
import { runSubmit } from '../../../../shared/runSubmit.ts';
import { ProjectRequired } from '../../estate/components/ProjectRequired.tsx';
import { useSaveWoSettings, useWoSettings } from '../api.ts';
import type { WoSettings } from '../types.ts';
import { woFieldErrors } from '../fieldErrors.ts';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
type Values = Omit<WoSettings, 'projectId' | 'version'>;

function SettingsForm({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useWoSettings(projectId);
  const save = useSaveWoSettings(projectId);
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    // the first save of a project (no row yet) carries version 0
    save.mutate({ ...v, version: settings.data?.version ?? 0 }, {
      onSuccess: () => void message.success(t('common.saved')),
      onError: (e) => {
        woFieldErrors(form, e, t);
        setError(errorText(t, e));
      },
    });
  };

  if (!settings.data) return settings.isError ? <FormErrorAlert error={errorText(t, settings.error)} testId="wo-settings-load-error" /> : <Skeleton active />;
  const minutes = (name: keyof Values, max: number) => <InputNumber min={0} max={max} precision={0} suffix={t('woConsole.settings.min')} data-testid={`wo-settings-${name}`} />;
  return (
    <Card style={{ maxWidth: 720 }}>
      <Form form={form} layout="vertical" data-testid="wo-settings-form">
        <FormErrorAlert error={error} testId="wo-settings-error" />
        <Form.Item name="dispatchMode" label={t('woConsole.settings.dispatchMode')} extra={t('woConsole.settings.dispatchModeHint')}>
          <Radio.Group optionType="button" options={dispatchModes.map((m) => ({ value: m, label: t(`woConsole.dispatchMode.${m}`) }))} data-testid="wo-settings-dispatch" />
        </Form.Item>
        <Form.Item name="reopenDays" label={t('woConsole.settings.reopenDays')}>
          <InputNumber min={0} max={90} precision={0} suffix={t('woConsole.settings.days')} data-testid="wo-settings-reopenDays" />
        </Form.Item>
        <Form.Item name="autoCloseDays" label={t('woConsole.settings.autoCloseDays')}>
          <InputNumber min={1} max={90} precision={0} suffix={t('woConsole.settings.days')} data-testid="wo-settings-autoCloseDays" />
        </Form.Item>
        <Form.Item name="revisitSamplePercent" label={t('woConsole.settings.revisitSamplePercent')} extra={t('woConsole.settings.revisitHint')}>
          <InputNumber min={0} max={100} precision={0} suffix="%" data-testid="wo-settings-revisit" />
        </Form.Item>
        <Form.Item label={t('woConsole.settings.workday')} extra={t('woConsole.settings.workdayHint')} style={{ marginBottom: 0 }}>
          <Form.Item name="workdayStart" rules={[{ required: true, pattern: TIME, message: t('woConsole.settings.timeFormat') }]} style={{ display: 'inline-block', width: 120 }}>
            <Input placeholder="09:00" data-testid="wo-settings-start" />
          </Form.Item>
          <span style={{ display: 'inline-block', width: 24, textAlign: 'center' }}>–</span>
          <Form.Item name="workdayEnd" dependencies={['workdayStart']} style={{ display: 'inline-block', width: 120 }}
            rules={[{ required: true, pattern: TIME, message: t('woConsole.settings.timeFormat') }, ({ getFieldValue }) => ({
              validator: (_, v?: string) => v && getFieldValue('workdayStart') >= v ? Promise.reject(new Error(t('woConsole.settings.endBeforeStart'))) : Promise.resolve(),
            })]}>
            <Input placeholder="18:00" data-testid="wo-settings-end" />
          </Form.Item>
        </Form.Item>
        <Form.Item name="warnBeforeMinutes" label={t('woConsole.settings.warnBefore')}>{minutes('warnBeforeMinutes', 1440)}</Form.Item>
        <Form.Item name="hqEscalateAfterMinutes" label={t('woConsole.settings.hqEscalateAfter')}>{minutes('hqEscalateAfterMinutes', 43200)}</Form.Item>
        <Button type="primary" loading={save.isPending} onClick={runSubmit(submit)} data-testid="wo-settings-submit">{t('common.save')}</Button>
      </Form>
    </Card>
  );
}

/** 工单设置 of the current project: dispatch mode, reopen / auto-close days, revisit sample, business hours, warning and escalation limits. */
export default function SettingsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHead title={t('woConsole.settingsTitle')} />
      <ProjectRequired>{(p) => <SettingsForm key={p.id} projectId={p.id} />}</ProjectRequired>
    </>
  );
}
