import { App, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSwitchCompany } from '../../shared/auth.ts';
import { useApiErrorHandler } from '../../shared/errors.ts';
import { setProjectId } from '../../shared/project.ts';
import type { Me } from '../../shared/types.ts';

/** Shown only to people with memberships in more than one company. */
export function CompanySwitcher({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const onError = useApiErrorHandler();
  const switchCompany = useSwitchCompany(() => {
    setProjectId('');
    void navigate('/');
  });
  if (me.memberships.length <= 1) return null;

  return (
    <Select
      data-testid="company-switcher"
      aria-label={t('layout.switchCompany')}
      style={{ minWidth: 180, maxWidth: 260 }}
      value={me.companyId ?? undefined}
      placeholder={t('layout.switchCompany')}
      loading={switchCompany.isPending}
      onChange={(companyId: string) => {
        const target = me.memberships.find((m) => m.companyId === companyId);
        switchCompany.mutate(companyId, {
          onSuccess: () => void message.success(t('layout.companySwitched', { company: target?.companyName ?? '' })),
          onError: (e) => onError(e),
        });
      }}
      options={me.memberships.map((m) => ({
        value: m.companyId,
        label: (
          <span>
            {m.companyName}{' '}
            {m.kind === 'resident' && <Tag style={{ marginInlineStart: 4 }}>{t('role.resident')}</Tag>}
          </span>
        ),
      }))}
    />
  );
}
