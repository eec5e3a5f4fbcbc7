import { HomeOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Skeleton, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { errorText } from '../../shared/errors.ts';
import { useMyBindings, useMyRooms } from './api.ts';
import { RelationTag } from './labels.tsx';
import './my-home.css';

/** The home page's "my home" card: my bound rooms (tap for details), or an invitation to bind one. */
export function MyHomeCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { rooms, isPending, isError, error } = useMyRooms();
  const bindings = useMyBindings();
  const pending = (bindings.data ?? []).filter((b) => b.status === 'pending').length;
  const bind = () => void navigate('/bind');

  return (
    <Card
      title={
        <Space>
          <HomeOutlined />
          {t('myHome.title')}
        </Space>
      }
      extra={
        rooms.length > 0 && (
          <Button type="link" size="small" icon={<PlusOutlined />} onClick={bind} data-testid="bind-room-start">
            {t('myHome.bind.title')}
          </Button>
        )
      }
      data-testid="h5-my-home"
    >
      {isError && <Alert type="error" showIcon title={errorText(t, error)} />}
      {isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : rooms.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('myHome.empty')} data-testid="my-home-empty">
          <Button type="primary" icon={<PlusOutlined />} onClick={bind} data-testid="bind-room-start">
            {t('myHome.bind.title')}
          </Button>
        </Empty>
      ) : (
        <div className="my-home-rows">
          {rooms.map((r) => (
            <Link key={r.roomId} to={`/rooms/${r.roomId}`} className="my-home-row" data-testid="my-room" data-code={r.roomCode}>
              <div className="my-home-row-main">
                <div className="my-home-row-title">
                  {r.projectName} {r.roomCode}
                </div>
                <div className="my-home-row-sub">{t('myHome.areaValue', { area: r.buildingArea })}</div>
              </div>
              <RelationTag relation={r.relation} />
              <RightOutlined />
            </Link>
          ))}
        </div>
      )}
      {(bindings.data?.length ?? 0) > 0 && (
        <Link to="/bindings" className="my-home-row" data-testid="my-bindings-link">
          <div className="my-home-row-main my-home-row-sub">
            {pending > 0 ? t('myHome.pendingCount', { count: pending }) : t('myHome.requests.title')}
          </div>
          <RightOutlined />
        </Link>
      )}
    </Card>
  );
}
