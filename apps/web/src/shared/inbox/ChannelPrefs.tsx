import { Alert, App, Skeleton, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText, useApiErrorHandler } from '../errors.ts';
import { useChannelPrefs, useSaveChannelPref } from './api.ts';

/** The person's notification channels (GET/PUT /api/me/channel-prefs), one switch each. */
export function ChannelPrefs() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const prefs = useChannelPrefs();
  const save = useSaveChannelPref();
  const onError = useApiErrorHandler();

  if (prefs.isLoading) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (prefs.isError) return <Alert type="error" showIcon title={errorText(t, prefs.error)} />;
  const list = prefs.data ?? [];
  const inappOff = list.some((p) => p.channel === 'inapp' && !p.enabled);
  return (
    <div className="wuye-prefs" data-testid="channel-prefs">
      <Typography.Paragraph type="secondary">{t('inbox.prefsHelp')}</Typography.Paragraph>
      {list.map((p) => (
        <div className="wuye-prefs-row" key={p.channel}>
          <span>{t(`channel.${p.channel}`)}</span>
          <Switch
            checked={p.enabled}
            loading={save.isPending && save.variables?.channel === p.channel}
            data-testid={`channel-pref-${p.channel}`}
            aria-label={t(`channel.${p.channel}`)}
            onChange={(enabled) =>
              save.mutate(
                { channel: p.channel, enabled },
                { onSuccess: () => void message.success(t('inbox.prefsSaved')), onError: (e) => onError(e) },
              )
            }
          />
        </div>
      ))}
      {inappOff && <Alert type="warning" showIcon title={t('inbox.inappOff')} style={{ marginTop: 12 }} />}
    </div>
  );
}
