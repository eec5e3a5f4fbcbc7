import { CarOutlined, LeftOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Result, Skeleton, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../shared/api.ts';
import { errorText } from '../../shared/errors.ts';
import { useMyRoom, type MyRoomDetail } from './api.ts';
import { RelationTag } from './labels.tsx';
import './my-home.css';

function People({ people }: { people: MyRoomDetail['people'] }) {
  const { t } = useTranslation();
  if (!people.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('myHome.room.noPeople')} />;
  return (
    <div className="my-home-rows">
      {people.map((p) => (
        <div key={p.id} className="my-home-row" data-testid="room-person">
          <div className="my-home-row-main">
            <div className="my-home-row-title">
              {p.name} {p.me && <Tag>{t('myHome.room.me')}</Tag>}
            </div>
            {p.phone && <div className="my-home-row-sub">{p.phone}</div>}
          </div>
          <RelationTag relation={p.relation} />
        </div>
      ))}
    </div>
  );
}

function Vehicles({ vehicles }: { vehicles: MyRoomDetail['vehicles'] }) {
  const { t } = useTranslation();
  if (!vehicles.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('myHome.room.noVehicles')} />;
  return (
    <div className="my-home-rows">
      {vehicles.map((v) => (
        <div key={v.id} className="my-home-row" data-testid="room-vehicle">
          <div className="my-home-row-main">
            <div className="my-home-row-title">{v.plate}</div>
            <div className="my-home-row-sub">{[v.brand, v.color].filter(Boolean).join(' · ') || t('myHome.room.noVehicleInfo')}</div>
          </div>
        </div>
      ))}
    </div>
  );
}

/** One of my rooms: what it is, who is recorded on it (phones masked), and its vehicles. */
export function RoomDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const room = useMyRoom(id);
  const back = (
    <Button type="link" icon={<LeftOutlined />} className="my-home-back" onClick={() => void navigate('/')} data-testid="back-home">
      {t('common.back')}
    </Button>
  );
  if (room.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (room.isError) {
    return isApiError(room.error) && room.error.status === 404 ? (
      <Result status="404" title={t('myHome.room.notFound')} extra={back} data-testid="room-not-found" />
    ) : (
      <>
        {back}
        <Alert type="error" showIcon title={errorText(t, room.error)} />
      </>
    );
  }
  const r = room.data;
  return (
    <div data-testid="room-detail">
      {back}
      <Card title={`${r.projectName} ${r.roomCode}`}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('myHome.room.project')}>{r.projectName}</Descriptions.Item>
          <Descriptions.Item label={t('myHome.room.code')}>{r.roomCode}</Descriptions.Item>
          <Descriptions.Item label={t('myHome.room.area')}>{t('myHome.areaValue', { area: r.buildingArea })}</Descriptions.Item>
          <Descriptions.Item label={t('myHome.room.status')}>{t(`myHome.roomStatus.${r.status}`)}</Descriptions.Item>
          <Descriptions.Item label={t('myHome.room.myRelation')}>
            <span data-testid="my-relation">
              <RelationTag relation={r.relation} />
            </span>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        title={
          <Space>
            <TeamOutlined />
            {t('myHome.room.people')}
          </Space>
        }
      >
        <People people={r.people} />
      </Card>
      <Card
        title={
          <Space>
            <CarOutlined />
            {t('myHome.room.vehicles')}
          </Space>
        }
      >
        <Vehicles vehicles={r.vehicles} />
      </Card>
    </div>
  );
}
