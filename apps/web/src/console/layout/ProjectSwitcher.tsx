import { useQueryClient } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ME_KEY } from '../../shared/auth.ts';
import { setProjectId, useProjectId } from '../../shared/project.ts';
import type { Me } from '../../shared/types.ts';

/** What the stored choice should be for this user: a project they can see, or '' for HQ. */
export function validProjectId(me: Me, stored: string): string {
  const isHq = me.scope === 'company';
  if (stored && me.projects.some((p) => p.id === stored)) return stored;
  if (isHq) return '';
  return me.projects[0]?.id ?? '';
}

/**
 * The current project (sent as `x-project-id` on every request). HQ users — scope `company` —
 * may choose "all projects" (the header is then left out).
 */
export function ProjectSwitcher({ me }: { me: Me }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const projectId = useProjectId();
  const isHq = me.scope === 'company';
  const valid = validProjectId(me, projectId);

  useEffect(() => {
    if (valid !== projectId) setProjectId(valid);
  }, [valid, projectId]);

  const change = (id: string) => {
    setProjectId(id);
    // every cached list belongs to the previous project
    void qc.resetQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
  };

  const options = [
    ...(isHq ? [{ value: '', label: t('layout.allProjects') }] : []),
    ...me.projects.map((p) => ({ value: p.id, label: p.name })),
  ];

  return (
    <Select
      data-testid="project-switcher"
      aria-label={t('layout.project')}
      style={{ minWidth: 180, maxWidth: 260 }}
      value={valid}
      onChange={change}
      options={options}
      placeholder={t('layout.noProject')}
      notFoundContent={t('layout.noProject')}
      showSearch={{ optionFilterProp: 'label' }}
      disabled={options.length === 0}
    />
  );
}
