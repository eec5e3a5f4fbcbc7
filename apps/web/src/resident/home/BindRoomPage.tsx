import { LeftOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Radio, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSignedInMe } from '../../shared/auth.ts';
import { useApiErrorHandler } from '../../shared/errors.ts';
import { relations, useBindRoom, type BindingProject, type BindingRoom, type Relation } from './api.ts';
import { Picked, ProjectLookup, RoomLookup } from './BindPickers.tsx';
import './my-home.css';

interface Values {
  name: string;
  relation: Relation;
}

type Outcome = { status: 'approved' | 'pending' | 'rejected'; roomId: string; label: string };

function OutcomeView({ outcome, onAgain }: { outcome: Outcome; onAgain: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const approved = outcome.status === 'approved';
  return (
    <Result
      status={approved ? 'success' : 'info'}
      title={approved ? t('myHome.bind.approvedTitle') : t('myHome.bind.pendingTitle')}
      subTitle={approved ? t('myHome.bind.approvedText', { room: outcome.label }) : t('myHome.bind.pendingText', { room: outcome.label })}
      data-testid="bind-result"
      data-status={outcome.status}
      extra={
        <Space orientation="vertical" style={{ width: '100%' }}>
          {approved ? (
            <Button type="primary" block onClick={() => void navigate(`/rooms/${outcome.roomId}`)} data-testid="bind-view-room">
              {t('myHome.bind.viewRoom')}
            </Button>
          ) : (
            <Button type="primary" block onClick={() => void navigate('/bindings')} data-testid="bind-view-requests">
              {t('myHome.bind.viewRequests')}
            </Button>
          )}
          <Button block onClick={onAgain}>
            {t('myHome.bind.again')}
          </Button>
          <Button block onClick={() => void navigate('/')}>
            {t('common.goHome')}
          </Button>
        </Space>
      }
    />
  );
}

/**
 * 绑定房屋: pick the community, then the room, then say who I am. The server approves at once
 * when my name and phone match the archive; otherwise customer service reviews it.
 */
export function BindRoomPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useSignedInMe();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const [project, setProject] = useState<BindingProject | null>(null);
  const [room, setRoom] = useState<BindingRoom | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const bind = useBindRoom();

  const restart = () => {
    setOutcome(null);
    setRoom(null);
    setProject(null);
  };
  const submit = (v: Values) => {
    if (!room || !project) return;
    bind.mutate(
      { roomId: room.id, name: v.name.trim(), relation: v.relation },
      {
        onSuccess: (res) => setOutcome({ status: res.status, roomId: room.id, label: `${project.name} ${room.code}` }),
        onError: (e) => onError(e, { form }),
      },
    );
  };

  if (outcome) return <OutcomeView outcome={outcome} onAgain={restart} />;
  return (
    <div data-testid="bind-room">
      <Button type="link" icon={<LeftOutlined />} className="my-home-back" onClick={() => void navigate('/')}>
        {t('common.back')}
      </Button>
      <Card title={t('myHome.bind.stepProject')} size="small">
        {project ? (
          <Picked testId="bind-project-picked" onChange={restart}>
            {project.name}
          </Picked>
        ) : (
          <ProjectLookup onPick={setProject} />
        )}
      </Card>
      {project && (
        <Card title={t('myHome.bind.stepRoom')} size="small">
          {room ? (
            <Picked testId="bind-room-picked" onChange={() => setRoom(null)}>
              {room.code}
            </Picked>
          ) : (
            <RoomLookup projectId={project.id} onPick={setRoom} />
          )}
        </Card>
      )}
      {room && (
        <Card title={t('myHome.bind.stepInfo')} size="small">
          <Form form={form} layout="vertical" requiredMark={false} onFinish={submit} initialValues={{ name: me.user.name, relation: 'owner' }}>
            <Form.Item name="name" label={t('myHome.bind.name')} rules={[{ required: true, whitespace: true }, { max: 64 }]}>
              <Input size="large" maxLength={64} autoComplete="name" data-testid="bind-name" />
            </Form.Item>
            <Form.Item name="relation" label={t('myHome.bind.relation')} rules={[{ required: true }]}>
              <Radio.Group optionType="button" buttonStyle="solid" data-testid="bind-relation"
                options={relations.map((r) => ({ value: r, label: t(`myHome.relation.${r}`) }))} />
            </Form.Item>
            <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
              {t('myHome.bind.matchHint')}
            </Typography.Paragraph>
            <Button type="primary" htmlType="submit" block size="large" loading={bind.isPending} data-testid="bind-submit">
              {t('myHome.bind.submit')}
            </Button>
          </Form>
        </Card>
      )}
    </div>
  );
}
