import { RobotOutlined } from '@ant-design/icons';
import { Space, Tag, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/time.ts';
import { yuan } from '../../../../shared/money.ts';
import type { WoTimelineRow } from '../types.ts';
import { WoPhotos } from './WoPhotos.tsx';

const eventColours: Record<string, string> = { reject: 'red', cancel: 'gray', reopen: 'orange', complete: 'green', confirm: 'green', pause: 'orange' };

interface Candidate { name?: string; userId?: string; reasons?: string[]; eligible?: boolean }

/** The facts an automatic step (or an event with numbers) explains itself with: who was chosen and why, the amount, the rating. */
function Explanation({ t, event, data }: { t: TFunction; event: string; data: Record<string, unknown> }) {
  const parts: ReactNode[] = [];
  if (data.auto) parts.push(<Tag key="auto" icon={<RobotOutlined />} color="purple">{t('woConsole.timeline.auto')}</Tag>);
  const reasons = Array.isArray(data.reasons) ? (data.reasons as unknown[]).map(String) : [];
  if (reasons.length) parts.push(<span key="reasons">{t('woConsole.timeline.reasons')}：{reasons.join('、')}</span>);
  if (typeof data.amountFen === 'number') parts.push(<span key="amount">{t('woConsole.timeline.amount', { amount: yuan(data.amountFen) })}</span>);
  if (typeof data.rating === 'number') parts.push(<span key="rating">{t('woConsole.timeline.rating', { rating: data.rating })}</span>);
  if (event === 'pause' && typeof data.reason === 'string') parts.push(<span key="pause">{t(`woConsole.pauseReason.${data.reason}`, { defaultValue: data.reason })}</span>);
  if (typeof data.result === 'string') parts.push(<span key="result">{t(`woConsole.revisitResult.${data.result}`, { defaultValue: data.result })}</span>);
  const assignee = data.assignee as { name?: string } | undefined;
  if (assignee?.name) parts.push(<span key="assignee" data-testid="wo-timeline-assignee">{t('woConsole.timeline.assignee', { name: assignee.name })}</span>);
  if (typeof data.materials === 'string') parts.push(<span key="materials">{t('woConsole.field.materials')}：{data.materials}</span>);
  if (typeof data.labourMinutes === 'number') parts.push(<span key="labour">{t('woConsole.field.labourMinutes')}：{data.labourMinutes}</span>);
  if (typeof data.kind === 'string' && typeof data.deadline === 'string') {
    parts.push(<span key="sla">{t(`woConsole.slaKind.${data.kind}`, { defaultValue: data.kind })} · {t('woConsole.timeline.deadline', { at: formatDateTime(data.deadline).slice(0, 16) })}</span>);
  }
  const candidates = Array.isArray(data.candidates) ? (data.candidates as Candidate[]) : [];
  if (candidates.length) {
    parts.push(
      <span key="candidates" style={{ display: 'block' }}>
        {t('woConsole.timeline.candidates')}：
        {candidates.slice(0, 5).map((c, i) => (
          <Tag key={c.userId ?? i} color={c.eligible === false ? 'default' : 'blue'}>
            {c.name ?? c.userId}{c.reasons?.length ? ` (${c.reasons.join('、')})` : ''}
          </Tag>
        ))}
      </span>,
    );
  }
  if (!parts.length) return null;
  return <Space wrap size={4} style={{ fontSize: 12 }}>{parts}</Space>;
}

/** Every transition of the order: what, who, when, the note, photos, and why when the system acted. */
export function WoTimeline({ rows }: { rows: WoTimelineRow[] }) {
  const { t } = useTranslation();
  return (
    <Timeline
      data-testid="wo-timeline"
      items={rows.map((r) => ({
        key: r.id,
        color: eventColours[r.event] ?? 'blue',
        content: (
          <div data-testid={`wo-timeline-${r.event}`}>
            <Space size={8} wrap>
              <Typography.Text strong>{t(`woConsole.event.${r.event}`, { defaultValue: r.event })}</Typography.Text>
              <Typography.Text>{r.actorName}</Typography.Text>
              <Typography.Text type="secondary">{formatDateTime(r.createdAt)}</Typography.Text>
              {r.fromStatus !== r.toStatus && <Typography.Text type="secondary">→ {t(`woConsole.status.${r.toStatus}`)}</Typography.Text>}
            </Space>
            {r.note && <div><Typography.Text>{r.note}</Typography.Text></div>}
            <Explanation t={t} event={r.event} data={r.data} />
            {r.geo && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.geo.lat.toFixed(5)}, {r.geo.lng.toFixed(5)}</Typography.Text></div>}
            <WoPhotos files={r.files} size={56} />
          </div>
        ),
      }))}
    />
  );
}
