import { App, Card, Select, Table, Tag } from 'antd';
import { woDefaultSkills } from '@wuye/shared';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../../shared/errors.ts';
import { useSetSkills, type WoWorker } from './api.ts';

/** A skill code's label; codes HQ invented beyond the defaults show as they are. */
export function useSkillLabel() {
  const { t } = useTranslation();
  return (code: string) => t(`woDispatch.skill.${code}`, { defaultValue: code });
}

/** The project's workers: skills edited as tags (saved on change), on-shift badge, buildings, open load. */
export function WorkersCard({ workers, loading, buildingName, canEdit }: {
  workers: WoWorker[]; loading: boolean; buildingName: (id: string) => string; canEdit: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const setSkills = useSetSkills();
  const skillLabel = useSkillLabel();
  const options = woDefaultSkills.map((s) => ({ value: s, label: skillLabel(s) }));

  const save = (userId: string, skills: string[]) => setSkills.mutate({ userId, skills }, {
    onSuccess: () => void message.success(t('woDispatch.workers.saved')),
    onError: (e) => onError(e),
  });

  return (
    <Card title={t('woDispatch.workers.title')} extra={t('woDispatch.workers.hint')}>
      <Table<WoWorker>
        rowKey="userId" size="small" loading={loading} dataSource={workers} pagination={false} data-testid="wo-dispatch-workers"
        locale={{ emptyText: t('woDispatch.workers.empty') }}
        onRow={(w) => ({ 'data-testid': `wo-dispatch-worker-${w.userId}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('woDispatch.workers.name'), dataIndex: 'name', width: 160 },
          {
            title: t('woDispatch.workers.skills'), key: 'skills',
            render: (_, w) => (canEdit ? (
              <Select
                mode="tags" style={{ minWidth: 260 }} value={w.skills} options={options} placeholder={t('woDispatch.workers.skillsPlaceholder')}
                tokenSeparators={[',', ' ']} onChange={(v: string[]) => save(w.userId, v.map((s) => s.trim().toLowerCase()).filter(Boolean))}
                labelRender={(p) => skillLabel(String(p.value))} data-testid={`wo-dispatch-skills-${w.userId}`}
              />
            ) : w.skills.map((s) => <Tag key={s}>{skillLabel(s)}</Tag>)),
          },
          {
            title: t('woDispatch.workers.shift'), key: 'onShift', width: 100,
            render: (_, w) => (w.onShift
              ? <Tag color="green" data-testid={`wo-dispatch-onshift-${w.userId}`}>{t('woDispatch.workers.onShift')}</Tag>
              : <Tag>{t('woDispatch.workers.offShift')}</Tag>),
          },
          { title: t('woDispatch.workers.buildings'), key: 'buildings', render: (_, w) => w.buildingIds.map((b) => <Tag key={b}>{buildingName(b)}</Tag>) },
          { title: t('woDispatch.workers.load'), dataIndex: 'openLoad', width: 90, align: 'right' },
        ]}
      />
    </Card>
  );
}
