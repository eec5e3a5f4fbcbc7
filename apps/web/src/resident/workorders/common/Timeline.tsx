import { EnvironmentOutlined } from '@ant-design/icons';
import { Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { yuan } from '../../../shared/money.ts';
import { formatDateTime } from '../../../shared/time.ts';
import { PhotoStrip } from './PhotoStrip.tsx';
import type { WoTimelineRow } from './types.ts';
import './wo-h5.css';

/** Extra facts a step carries (a quote's amount, a rating, a pause reason) in one line. */
function useFacts() {
  const { t } = useTranslation();
  return (r: WoTimelineRow): string[] => {
    const d = r.data as Record<string, unknown>;
    const out: string[] = [];
    if (typeof d.amountFen === 'number') out.push(t('woH5.timeline.amount', { amount: yuan(d.amountFen) }));
    if (typeof d.rating === 'number') out.push('★'.repeat(d.rating));
    if (typeof d.reason === 'string') out.push(t(`woH5.pause.${d.reason}`, { defaultValue: d.reason }));
    const who = d.assignee as { name?: unknown } | undefined;
    if (who && typeof who.name === 'string') out.push(t('woH5.timeline.to', { name: who.name }));
    return out;
  };
}

/** 进度: every transition, newest first, with who, when, note, photos and where it was done. */
export function WoTimeline({ rows }: { rows: WoTimelineRow[] }) {
  const { t } = useTranslation();
  const facts = useFacts();
  const items = [...rows].reverse().map((r, i) => ({
    key: r.id,
    color: i === 0 ? 'blue' : 'gray',
    content: (
      <div className="wo-step" data-testid="wo-timeline-row" data-event={r.event}>
        <div className="wo-step-title">{t(`woH5.event.${r.event}`, { defaultValue: r.event })} · {r.actorName}</div>
        <div className="wo-step-sub">{formatDateTime(r.createdAt)}{r.geo && <> · <EnvironmentOutlined /></>}</div>
        {r.note && <div className="wo-step-note">{r.note}</div>}
        {facts(r).map((f) => <div key={f} className="wo-step-sub">{f}</div>)}
        <PhotoStrip files={r.files} />
      </div>
    ),
  }));
  return <Timeline items={items} data-testid="wo-timeline" />;
}
