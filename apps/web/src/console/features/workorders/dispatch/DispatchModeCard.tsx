import { App, Card, Radio, Skeleton, Typography } from 'antd';
import { dispatchModes } from '@wuye/shared';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../../shared/errors.ts';
import { useSaveWoSettings, useWoSettings } from '../api.ts';

/** The project's dispatch mode, saved on change (the rest of the project settings travel unchanged). */
export function DispatchModeCard({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const settings = useWoSettings(projectId);
  const save = useSaveWoSettings(projectId);
  const s = settings.data;

  const change = (mode: (typeof dispatchModes)[number]) => {
    if (!s) return;
    const { projectId: _p, ...rest } = s;
    // version 0 = the project has never saved its settings: the first save creates the row
    save.mutate({ ...rest, dispatchMode: mode }, { onSuccess: () => void message.success(t('woDispatch.mode.saved')), onError: (e) => onError(e) });
  };

  return (
    <Card title={t('woDispatch.mode.title')}>
      {!s ? <Skeleton active paragraph={{ rows: 1 }} /> : (
        <>
          <Radio.Group
            optionType="button" buttonStyle="solid" value={s.dispatchMode} disabled={!canEdit || save.isPending}
            onChange={(e) => change(e.target.value)} data-testid="wo-dispatch-mode"
            options={dispatchModes.map((m) => ({ value: m, label: t(`woDispatch.mode.${m}`), 'data-testid': `wo-dispatch-mode-${m}` } as any))}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }} data-testid="wo-dispatch-mode-hint">
            {t(`woDispatch.mode.hint.${s.dispatchMode}`)}
          </Typography.Paragraph>
        </>
      )}
    </Card>
  );
}
