import { CheckCircleFilled, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Input, Skeleton } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../shared/errors.ts';
import { useBindingProjects, useBindingRooms, type BindingProject, type BindingRoom } from './api.ts';
import './my-home.css';

/** The typed text once typing pauses, trimmed: one lookup per pause, not per keystroke. */
function useSettled(value: string, ms = 300) {
  const [settled, setSettled] = useState(value.trim());
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value.trim()), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

interface Result<T> {
  data?: T[];
  isFetching: boolean;
  isError: boolean;
  error: unknown;
}

/** A search box with the matches under it as tappable rows. */
function Lookup<T extends { id: string }>(p: {
  placeholder: string;
  empty: string;
  testId: string;
  text: string;
  setText: (v: string) => void;
  settled: string;
  result: Result<T>;
  render: (item: T) => ReactNode;
  onPick: (item: T) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Input
        size="large"
        allowClear
        value={p.text}
        placeholder={p.placeholder}
        onChange={(e) => p.setText(e.target.value)}
        maxLength={32}
        data-testid={`${p.testId}-input`}
      />
      {p.result.isError && <Alert type="error" showIcon title={errorText(t, p.result.error)} style={{ marginTop: 8 }} />}
      {p.settled &&
        (p.result.isFetching && !p.result.data ? (
          <Skeleton active paragraph={{ rows: 2 }} title={false} style={{ marginTop: 8 }} />
        ) : p.result.data?.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={p.empty} />
        ) : (
          <div className="my-home-rows">
            {p.result.data?.map((item) => (
              <div key={item.id} role="button" tabIndex={0} className="my-home-row" data-testid={`${p.testId}-option`} onClick={() => p.onPick(item)}
                onKeyDown={(e) => e.key === 'Enter' && p.onPick(item)}>
                <div className="my-home-row-main">{p.render(item)}</div>
                <RightOutlined />
              </div>
            ))}
          </div>
        ))}
    </>
  );
}

/** What was picked in an earlier step, with a way to change it. */
export function Picked({ children, onChange, testId }: { children: ReactNode; onChange: () => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <div className="my-home-row" data-testid={testId}>
      <CheckCircleFilled style={{ color: 'var(--h5-primary)' }} />
      <div className="my-home-row-main my-home-row-title">{children}</div>
      <Button size="small" onClick={onChange}>
        {t('myHome.bind.change')}
      </Button>
    </div>
  );
}

export function ProjectLookup({ onPick }: { onPick: (p: BindingProject) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const settled = useSettled(text);
  const result = useBindingProjects(settled);
  return (
    <Lookup text={text} setText={setText} settled={settled} result={result} onPick={onPick} testId="bind-project"
      placeholder={t('myHome.bind.projectPlaceholder')} empty={t('myHome.bind.noProjects')}
      render={(p) => (
        <>
          <div className="my-home-row-title">{p.name}</div>
          <div className="my-home-row-sub">{p.companyName}</div>
        </>
      )}
    />
  );
}

export function RoomLookup({ projectId, onPick }: { projectId: string; onPick: (r: BindingRoom) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const settled = useSettled(text);
  const result = useBindingRooms(projectId, settled);
  return (
    <Lookup text={text} setText={setText} settled={settled} result={result} onPick={onPick} testId="bind-room"
      placeholder={t('myHome.bind.roomPlaceholder')} empty={t('myHome.bind.noRooms')}
      render={(r) => <div className="my-home-row-title">{r.code}</div>}
    />
  );
}
