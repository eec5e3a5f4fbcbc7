import { Select, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../../../../shared/auth.ts';
import { PageHead } from '../../../../shared/PageHead.tsx';
import { useProjectId } from '../../../../shared/project.ts';
import { BatchTab } from '../reminders/BatchTab.tsx';
import { HistoryTab } from '../reminders/HistoryTab.tsx';
import { RulesTab } from '../reminders/RulesTab.tsx';

/** 催缴管理: rules the daily job applies, a manual batch (preview → 立即催缴), the history, and the printed notices. */
export default function RemindersPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const headerProject = useProjectId();
  const [picked, setPicked] = useState<string | undefined>();
  const projectId = headerProject || picked || '';
  const showProject = !projectId;

  return (
    <>
      <PageHead title={t('payFinance.reminders.title')}>
        {!headerProject && (
          <Select allowClear placeholder={t('payFinance.reminders.project')} style={{ width: 160 }} value={picked} onChange={setPicked} data-testid="reminder-project"
            options={me.projects.map((p) => ({ value: p.id, label: p.name }))} />
        )}
      </PageHead>
      <Tabs
        destroyOnHidden={false}
        items={[
          { key: 'rules', label: t('payFinance.reminders.tab.rules'), children: <RulesTab projectId={projectId} showProject={showProject} /> },
          { key: 'batch', label: t('payFinance.reminders.tab.batch'), children: <BatchTab key={projectId} projectId={projectId} /> },
          { key: 'history', label: t('payFinance.reminders.tab.history'), children: <HistoryTab projectId={projectId} showProject={showProject} /> },
        ]}
      />
    </>
  );
}
