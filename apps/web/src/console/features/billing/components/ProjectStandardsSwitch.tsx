import { App, Space, Switch, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../../shared/errors.ts';
import { useBillingSettings, useSaveBillingSettings } from '../api.ts';

/** HQ's company setting: may project managers set standards for their own projects (billing.projectStandards). */
export function ProjectStandardsSwitch() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const settings = useBillingSettings(true);
  const save = useSaveBillingSettings();
  const s = settings.data;
  return (
    <Tooltip title={t('billing.settings.projectStandardsHelp')}>
      <Space>
        <Switch
          size="small"
          checked={s?.projectStandards ?? false}
          loading={settings.isPending || save.isPending}
          onChange={(on) => s && save.mutate({ projectStandards: on, version: s.version }, { onSuccess: () => void message.success(t('common.saved')), onError: (e) => onError(e) })}
          data-testid="billing-project-standards"
        />
        <span>{t('billing.settings.projectStandards')}</span>
      </Space>
    </Tooltip>
  );
}
