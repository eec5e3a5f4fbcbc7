import { LeftOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorText } from '../../shared/errors.ts';
import { formatDateTime } from '../../shared/time.ts';
import { useMyBindings } from './api.ts';
import { BindingStatusTag, RelationTag } from './labels.tsx';
import './my-home.css';

/** My room binding requests with their status and the reviewer's note, newest first. */
export function BindingRequestsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useMyBindings();
  const bind = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/bind')} data-testid="bind-room-start">
      {t('myHome.bind.title')}
    </Button>
  );
  return (
    <div data-testid="binding-requests">
      <Button type="link" icon={<LeftOutlined />} className="my-home-back" onClick={() => void navigate('/')}>
        {t('common.back')}
      </Button>
      <Card title={t('myHome.requests.title')}>
        {list.isError && <Alert type="error" showIcon title={errorText(t, list.error)} />}
        {list.isPending ? (
          <Skeleton active paragraph={{ rows: 3 }} />
        ) : !list.data?.length ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('myHome.requests.empty')}>
            {bind}
          </Empty>
        ) : (
          <div className="my-home-rows">
            {list.data.map((b) => (
              <div key={b.id} className="my-home-row" data-testid="binding-request" data-code={b.roomCode} data-status={b.status}>
                <div className="my-home-row-main">
                  <div className="my-home-row-title">
                    {b.projectName} {b.roomCode}
                  </div>
                  <div className="my-home-row-sub">
                    {b.name} · <RelationTag relation={b.relation} />
                  </div>
                  <div className="my-home-row-sub">{t('myHome.requests.submittedAt', { time: formatDateTime(b.createdAt) })}</div>
                  {b.note && <div className="my-home-row-sub">{t('myHome.requests.note', { note: b.note })}</div>}
                </div>
                <BindingStatusTag status={b.status} />
              </div>
            ))}
          </div>
        )}
      </Card>
      {!!list.data?.length && (
        <Button block size="large" icon={<PlusOutlined />} style={{ marginTop: 12 }} onClick={() => void navigate('/bind')} data-testid="bind-room-start">
          {t('myHome.bind.title')}
        </Button>
      )}
    </div>
  );
}
