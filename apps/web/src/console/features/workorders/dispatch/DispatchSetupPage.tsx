import { Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../../shared/auth.ts';
import { PageHead } from '../../../../shared/PageHead.tsx';
import { useBuildings } from '../../estate/api.ts';
import { ProjectRequired } from '../../estate/components/ProjectRequired.tsx';
import { useWorkers } from './api.ts';
import { BuildingStaffCard } from './BuildingStaffCard.tsx';
import { DispatchModeCard } from './DispatchModeCard.tsx';
import { ShiftsCard } from './ShiftsCard.tsx';
import { WorkersCard } from './WorkersCard.tsx';

function DispatchSetup({ projectId }: { projectId: string }) {
  const { has } = usePermissions();
  // the desk sees what dispatch ranks by; managers change it
  const canEdit = has('workorder.settings.manage');
  const workers = useWorkers(projectId);
  const buildings = useBuildings(projectId);
  const list = workers.data ?? [];
  const buildingName = (id: string) => buildings.data?.find((b) => b.id === id)?.name ?? '…';
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <DispatchModeCard projectId={projectId} canEdit={canEdit} />
      <WorkersCard workers={list} loading={workers.isLoading} buildingName={buildingName} canEdit={canEdit} />
      <ShiftsCard projectId={projectId} workers={list} canEdit={canEdit} />
      <BuildingStaffCard buildings={buildings.data ?? []} workers={list} loading={buildings.isLoading || workers.isLoading} canEdit={canEdit} />
    </Space>
  );
}

/** 派单设置 of the header's project: dispatch mode, workers' skills, shifts, building responsibility. */
export default function DispatchSetupPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHead title={t('woDispatch.title')} />
      <ProjectRequired>{(p) => <DispatchSetup key={p.id} projectId={p.id} />}</ProjectRequired>
    </>
  );
}
