import { ApartmentOutlined, BuildOutlined, HomeOutlined } from '@ant-design/icons';
import { Tree, type TreeDataNode } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Building } from '../types.ts';

/** What the tree points at: the whole project, a building, or one unit of it. */
export type StructureNode = { kind: 'project' } | { kind: 'building'; buildingId: string } | { kind: 'unit'; buildingId: string; unitId: string };

const keyOf = (n: StructureNode) => (n.kind === 'project' ? 'project' : n.kind === 'building' ? `b:${n.buildingId}` : `u:${n.buildingId}:${n.unitId}`);

function nodeOf(key: string): StructureNode {
  const [kind, buildingId, unitId] = key.split(':');
  if (kind === 'b') return { kind: 'building', buildingId: buildingId! };
  if (kind === 'u') return { kind: 'unit', buildingId: buildingId!, unitId: unitId! };
  return { kind: 'project' };
}

interface Props {
  projectName: string;
  buildings: Building[];
  selected: StructureNode;
  onSelect: (node: StructureNode) => void;
}

/** 项目 → 楼栋 → 单元 */
export function BuildingTree({ projectName, buildings, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const treeData: TreeDataNode[] = [
    {
      key: 'project',
      title: <span data-testid="tree-project">{projectName}</span>,
      icon: <HomeOutlined />,
      children: buildings.map((b) => ({
        key: `b:${b.id}`,
        title: (
          <span data-testid={`tree-building-${b.code}`}>
            {b.name} <span style={{ color: '#8c8c8c' }}>{t('estate.roomCount', { count: b.rooms })}</span>
          </span>
        ),
        icon: <BuildOutlined />,
        children: b.units.map((u) => ({ key: `u:${b.id}:${u.id}`, title: u.name, icon: <ApartmentOutlined />, isLeaf: true })),
      })),
    },
  ];
  const selectedKey = keyOf(selected);
  const openBuilding = selected.kind === 'project' ? [] : [`b:${selected.buildingId}`];

  return (
    <Tree
      showIcon
      blockNode
      treeData={treeData}
      selectedKeys={[selectedKey]}
      defaultExpandedKeys={['project', ...openBuilding]}
      onSelect={(keys) => {
        // clicking the selected node again keeps it selected
        if (keys[0] !== undefined) onSelect(nodeOf(String(keys[0])));
      }}
    />
  );
}
