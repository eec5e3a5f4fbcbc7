import { App, Card, Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../../shared/errors.ts';
import type { Building } from '../../estate/types.ts';
import { useSetBuildingStaff, type WoWorker } from './api.ts';

/** 楼栋责任人: per building the workers automatic dispatch prefers there (saved on change). */
export function BuildingStaffCard({ buildings, workers, loading, canEdit }: { buildings: Building[]; workers: WoWorker[]; loading: boolean; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const setStaff = useSetBuildingStaff();
  const options = workers.map((w) => ({ value: w.userId, label: w.name }));
  const staffOf = (buildingId: string) => workers.filter((w) => w.buildingIds.includes(buildingId)).map((w) => w.userId);

  return (
    <Card title={t('woDispatch.buildings.title')} extra={t('woDispatch.buildings.hint')}>
      <Table<Building>
        rowKey="id" size="small" pagination={false} loading={loading} dataSource={buildings} data-testid="wo-dispatch-buildings"
        locale={{ emptyText: t('woDispatch.buildings.empty') }}
        columns={[
          { title: t('woDispatch.buildings.building'), dataIndex: 'name', width: 200 },
          {
            title: t('woDispatch.buildings.staff'), key: 'staff',
            render: (_, b) => (
              <Select
                mode="multiple" style={{ minWidth: 320 }} value={staffOf(b.id)} options={options} disabled={!canEdit} optionFilterProp="label"
                placeholder={t('woDispatch.buildings.placeholder')} data-testid={`wo-dispatch-building-${b.id}`}
                onChange={(userIds: string[]) => setStaff.mutate({ buildingId: b.id, userIds }, {
                  onSuccess: () => void message.success(t('woDispatch.buildings.saved')), onError: (e) => onError(e),
                })}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
