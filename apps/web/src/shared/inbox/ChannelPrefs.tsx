import { Alert, App, Button, Skeleton, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText, useApiErrorHandler } from '../errors.ts';
import { useChannelPrefs, useSaveChannelPref } from './api.ts';
import { subscribeToPush } from '../h5/pushSubscription.ts';

/** The H5 app this page belongs to (its service worker scope), or null in the console. */
const h5Prefix = () => ['/m/staff/', '/m/resident/'].find((p) => location.pathname.startsWith(p)) ?? null;

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
          <span>
            {t(`channel.${p.channel}`)}
            {p.channel === 'webpush' && h5Prefix() && (
              <Button type="link" size="small" data-testid="push-enable-device"
                onClick={async () => {
                  if (await subscribeToPush(h5Prefix()!)) void message.success(t('inbox.pushOn'));
                  else void message.info(t('inbox.pushUnavailable'));
                }}>
                {t('inbox.pushEnableHere')}
              </Button>
            )}
          </span>
          <Switch
            checked={p.enabled}
            loading={save.isPending && save.variables?.channel === p.channel}
            data-testid={`channel-pref-${p.channel}`}
            aria-label={t(`channel.${p.channel}`)}
            onChange={(enabled) => {
              // switching Web Push on (a user gesture) is when the browser may ask for permission
              const prefix = h5Prefix();
              if (p.channel === 'webpush' && enabled && prefix) void subscribeToPush(prefix);
              save.mutate(
                { channel: p.channel, enabled },
                { onSuccess: () => void message.success(t('inbox.prefsSaved')), onError: (e) => onError(e) },
              );
            }}
          />
        </div>
      ))}
      {inappOff && <Alert type="warning" showIcon title={t('inbox.inappOff')} style={{ marginTop: 12 }} />}
    </div>
  );
}
