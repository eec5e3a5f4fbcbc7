import { Alert, Empty, Input, Spin, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../../shared/errors.ts';
import { yuan } from '../../../../shared/money.ts';
import { useCounterRooms, type CounterRoomHit } from '../shared/api.ts';

/**
 * 查找房屋: room code, owner name or phone; Enter searches, a single hit is taken at once,
 * ↑/↓ + Enter pick among several (keyboard-first at a busy counter).
 */
export function RoomSearch({ onPick, focusKey }: { onPick: (hit: CounterRoomHit) => void; focusKey: number }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const hits = useCounterRooms(q);
  const items = hits.data?.items ?? [];
  const input = useRef<{ focus: () => void } | null>(null);
  const taken = useRef<string | null>(null);
  const [picked, setPicked] = useState(false);
  const pick = (h: CounterRoomHit) => { setPicked(true); onPick(h); };

  useEffect(() => { input.current?.focus(); }, [focusKey]);
  useEffect(() => { setActive(0); }, [q]);
  // one hit for what was typed: that is the room
  useEffect(() => {
    if (hits.data && items.length === 1 && taken.current !== q) {
      taken.current = q;
      pick(items[0]!);
    }
  }, [hits.data]); // eslint-disable-line react-hooks/exhaustive-deps

  const search = (v: string) => {
    const s = v.trim();
    if (!s) return;
    if (s === q) {
      // the same text again: the one room, the highlighted one, or the list back after a pick
      if (items.length === 1) pick(items[0]!);
      else if (items.length > 1 && picked) setPicked(false);
      else if (items.length > 1) pick(items[Math.min(active, items.length - 1)]!);
      else void hits.refetch();
      return;
    }
    taken.current = null;
    setPicked(false);
    setQ(s);
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (!items.length || picked) return;
    if (e.key === 'ArrowDown') { e.preventDefault(); setActive((a) => Math.min(a + 1, items.length - 1)); }
    if (e.key === 'ArrowUp') { e.preventDefault(); setActive((a) => Math.max(a - 1, 0)); }
  };

  return (
    <div className="pay-counter-search">
      <Input.Search ref={input as never} autoFocus allowClear enterButton size="large" value={text} placeholder={t('payments.counter.searchPlaceholder')}
        onChange={(e) => setText(e.target.value)} onSearch={search} onKeyDown={onKeyDown} data-testid="counter-search" maxLength={64} />
      {hits.isError && <Alert type="error" showIcon title={errorText(t, hits.error)} style={{ marginTop: 8 }} />}
      {q && hits.isFetching && !hits.data && <Spin style={{ marginTop: 8 }} />}
      {q && hits.data && items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('payments.counter.noHit')} data-testid="counter-no-hit" />}
      {items.length > 1 && !picked && (
        <div className="pay-counter-hits" data-testid="counter-hits" role="listbox">
          {items.map((h, i) => (
            <div key={h.roomId} role="option" aria-selected={i === active} className={`pay-counter-hit${i === active ? ' pay-counter-hit-active' : ''}`}
              onClick={() => pick(h)} data-testid="counter-hit" data-code={h.code}>
              <div>
                <Typography.Text strong>{h.code}</Typography.Text> <Typography.Text type="secondary">{h.projectName}{h.buildingName ? ` · ${h.buildingName}` : ''}</Typography.Text>
                <div><Typography.Text type="secondary">{h.ownerName ?? '—'} {h.ownerPhone ?? ''}</Typography.Text></div>
              </div>
              {h.outstandingFen > 0 ? <Tag color="error">{t('payments.counter.owes', { amount: yuan(h.outstandingFen) })}</Tag> : <Tag>{t('payments.counter.clear')}</Tag>}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
