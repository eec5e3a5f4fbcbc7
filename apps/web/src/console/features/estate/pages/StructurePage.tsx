import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../../shared/auth.ts';
import { PageHead } from '../../../../shared/PageHead.tsx';
import { useBuildingGrid, useBuildings } from '../api.ts';
import { BuildingTree, type StructureNode } from '../components/BuildingTree.tsx';
import { GenerateBuildingModal } from '../components/GenerateBuildingModal.tsx';
import { OccupancyStats } from '../components/OccupancyStats.tsx';
import { ProjectRequired } from '../components/ProjectRequired.tsx';
import { RoomDrawer } from '../components/RoomDrawer.tsx';
import { RoomGrid } from '../components/RoomGrid.tsx';
import '../estate.css';

/** 楼栋房屋: the project's buildings and units on the left; the selected building's 房态图 and occupancy on the right. */
export default function StructurePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHead title={t('estate.structureTitle')} />
      <ProjectRequired>{(project) => <Structure key={project.id} projectId={project.id} projectName={project.name} />}</ProjectRequired>
    </>
  );
}

function Structure({ projectId, projectName }: { projectId: string; projectName: string }) {
  const { t } = useTranslation();
  const { has } = usePermissions();
  const buildings = useBuildings(projectId);
  const [node, setNode] = useState<StructureNode | null>(null);
  const [roomId, setRoomId] = useState<string | null>(null);
  const [generating, setGenerating] = useState(false);

  // start on the first building, so the grid is what the page opens with
  const first = buildings.data?.[0];
  useEffect(() => {
    if (!node && buildings.data) setNode(first ? { kind: 'building', buildingId: first.id } : { kind: 'project' });
  }, [node, buildings.data, first]);

  const selected = node ?? { kind: 'project' as const };
  const buildingId = selected.kind === 'project' ? undefined : selected.buildingId;
  const building = buildings.data?.find((b) => b.id === buildingId);
  const grid = useBuildingGrid(buildingId);
  const unit = selected.kind === 'unit' ? building?.units.find((u) => u.id === selected.unitId) : undefined;

  return (
    <div className="estate-structure">
      <div className="estate-structure-tree" data-testid="building-tree">
        {has('estate.manage') && (
          <Button block type="dashed" icon={<PlusOutlined />} onClick={() => setGenerating(true)} style={{ marginBottom: 12 }} data-testid="gen-open">
            {t('estate.gen.title')}
          </Button>
        )}
        {buildings.isPending ? (
          <Spin />
        ) : (
          <BuildingTree projectName={projectName} buildings={buildings.data ?? []} selected={selected} onSelect={setNode} />
        )}
      </div>
      <div className="estate-structure-main">
        <OccupancyStats buildingId={buildingId} scopeLabel={building ? building.name : projectName} />
        {!buildingId ? (
          <Empty description={buildings.data?.length ? t('estate.pickBuilding') : t('estate.noBuildings')} />
        ) : (
          <Card size="small" title={unit ? `${building?.name ?? ''} · ${unit.name}` : building?.name} loading={grid.isPending}>
            {grid.data && <RoomGrid grid={grid.data} unitId={unit?.id} onOpen={setRoomId} />}
          </Card>
        )}
      </div>
      <RoomDrawer roomId={roomId} onClose={() => setRoomId(null)} />
      <GenerateBuildingModal
        open={generating}
        projectId={projectId}
        onClose={() => setGenerating(false)}
        onCreated={(id) => setNode({ kind: 'building', buildingId: id })}
      />
    </div>
  );
}
