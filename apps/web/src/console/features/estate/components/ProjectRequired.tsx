import { useQueryClient } from '@tanstack/react-query';
import { Result, Select } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ME_KEY, useSignedInMe } from '../../../../shared/auth.ts';
import { setProjectId, useProjectId } from '../../../../shared/project.ts';

/** The header's project, with its name; `id` is '' while HQ looks at all projects. */
export function useCurrentProject() {
  const me = useSignedInMe();
  const id = useProjectId();
  const project = me.projects.find((p) => p.id === id);
  return { id: project?.id ?? '', name: project?.name ?? '', projects: me.projects };
}

/** Picks the header's project from inside a page; lists of the previous project are dropped, as the switcher does. */
export function useChooseProject() {
  const qc = useQueryClient();
  return (id: string) => {
    setProjectId(id);
    void qc.resetQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
  };
}

/** Pages that work on one project show this while "all projects" is selected. */
export function ProjectRequired({ children }: { children: (project: { id: string; name: string }) => ReactNode }) {
  const { t } = useTranslation();
  const current = useCurrentProject();
  const choose = useChooseProject();
  if (current.id) return <>{children(current)}</>;
  return (
    <Result
      status="info"
      title={t('estate.chooseProject')}
      subTitle={t('estate.chooseProjectHint')}
      extra={
        <Select
          style={{ width: 240 }}
          placeholder={t('layout.project')}
          options={current.projects.map((p) => ({ value: p.id, label: p.name }))}
          onChange={choose}
          data-testid="estate-choose-project"
        />
      }
    />
  );
}
