import { ExportOutlined, ImportOutlined } from '@ant-design/icons';
import { Button, Empty, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../../shared/auth.ts';
import { formatDateTime } from '../../../../shared/time.ts';
import { LIVED_IN, useRoomMoves, type RoomMove } from '../api-moves.ts';
import type { RoomDetail } from '../types.ts';
import { MoveInModal, MoveOutModal } from './MoveDialogs.tsx';

/** One 入住 or 搬出: the server stores a row per person, all written in the same transaction. */
interface MoveEvent {
  key: string;
  kind: RoomMove['kind'];
  date: string;
  names: (string | null)[];
  note: string | null;
  createdAt: string;
  recordedBy: string | null;
}

function events(rows: RoomMove[]): MoveEvent[] {
  const byKey = new Map<string, MoveEvent>();
  for (const m of rows) {
    const key = `${m.kind}|${m.date}|${m.createdAt}`;
    const e = byKey.get(key);
    if (e) e.names.push(m.personName);
    else byKey.set(key, { key, kind: m.kind, date: m.date, names: [m.personName], note: m.note, createdAt: m.createdAt, recordedBy: m.recordedBy });
  }
  // newest first, like the status history
  return [...byKey.values()].reverse();
}

/** When people began and stopped living in the room (apart from owning it); 办理入住 / 办理搬出 for managers. */
export function RoomMovesPanel({ room }: { room: RoomDetail }) {
  const { t } = useTranslation();
  const { has } = usePermissions();
  const moves = useRoomMoves(room.id);
  const [dialog, setDialog] = useState<'in' | 'out' | null>(null);
  const livedIn = LIVED_IN.includes(room.status);
  const list = events(moves.data ?? []);

  const who = (names: (string | null)[]) => {
    const known = names.filter((n): n is string => !!n);
    // a move-out of a household that was marked lived-in before moves were recorded names nobody
    return known.length ? known.join('、') : t('move.unrecorded');
  };

  return (
    <>
      {has('estate.manage') && (
        <Space style={{ marginBottom: 16 }}>
          {livedIn ? (
            <Button icon={<ExportOutlined />} onClick={() => setDialog('out')} data-testid="move-out-open">
              {t('move.moveOut')}
            </Button>
          ) : (
            <Button type="primary" icon={<ImportOutlined />} onClick={() => setDialog('in')} data-testid="move-in-open">
              {t('move.moveIn')}
            </Button>
          )}
          <Typography.Text type="secondary">{t(livedIn ? 'move.livedInHint' : 'move.emptyHint')}</Typography.Text>
        </Space>
      )}
      <Typography.Title level={5}>{t('move.history')}</Typography.Title>
      {!list.length && !moves.isPending ? (
        <Empty description={t('move.none')} />
      ) : (
        <div data-testid="room-moves-history">
          <Timeline
            items={list.map((e) => ({
              key: e.key,
              color: e.kind === 'move_in' ? 'green' : 'gray',
              content: (
                <Space orientation="vertical" size={2} data-testid={`room-move-${e.kind}`}>
                  <Space>
                    <strong>{e.date}</strong>
                    <Tag color={e.kind === 'move_in' ? 'green' : 'default'}>{t(`move.kind.${e.kind}`)}</Tag>
                    <span>{who(e.names)}</span>
                  </Space>
                  {e.note && <Typography.Text>{e.note}</Typography.Text>}
                  <Typography.Text type="secondary">{t(e.recordedBy ? 'move.recordedBy' : 'move.recordedAt', { time: formatDateTime(e.createdAt), name: e.recordedBy })}</Typography.Text>
                </Space>
              ),
            }))}
          />
        </div>
      )}
      <MoveInModal roomId={room.id} open={dialog === 'in'} onClose={() => setDialog(null)} />
      <MoveOutModal roomId={room.id} open={dialog === 'out'} onClose={() => setDialog(null)} />
    </>
  );
}
