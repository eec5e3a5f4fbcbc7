import { DeleteOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../shared/api.ts';
import { useSignedInMe } from '../shared/auth.ts';
import { useApiErrorHandler } from '../shared/errors.ts';
import { LogoutButton } from '../shared/h5/LogoutButton.tsx';
import { MeSummary } from '../shared/h5/MeSummary.tsx';
import { ChannelPrefs } from '../shared/inbox/ChannelPrefs.tsx';

/** "Me": profile, sign out, and account deletion (PIPL: the person may delete their account). */
export function ResidentMe() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const me = useSignedInMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const onError = useApiErrorHandler();
  const deletion = useMutation({
    mutationFn: () => api.post<unknown>('/api/me/deletion', {}),
    onSuccess: () => {
      qc.clear();
      void message.success(t('h5.deleted'));
      void navigate('/login', { replace: true });
    },
  });

  const confirmDeletion = () =>
    modal.confirm({
      title: t('h5.deleteConfirmTitle'),
      content: t('h5.deleteConfirmText'),
      okText: t('h5.deleteAccount'),
      okButtonProps: { danger: true, 'data-testid': 'delete-account-confirm' },
      cancelText: t('common.cancel'),
      onOk: () => deletion.mutateAsync().catch((e: unknown) => onError(e)),
    });

  return (
    <div data-testid="h5-me">
      <MeSummary me={me} showRoles={false} />
      <Card title={t('inbox.prefsTitle')} size="small">
        <ChannelPrefs />
      </Card>
      <Card>
        <Space orientation="vertical" style={{ width: '100%' }} size={12}>
          <LogoutButton />
          <Button block size="large" danger icon={<DeleteOutlined />} onClick={confirmDeletion} data-testid="delete-account">
            {t('h5.deleteAccount')}
          </Button>
        </Space>
      </Card>
    </div>
  );
}
