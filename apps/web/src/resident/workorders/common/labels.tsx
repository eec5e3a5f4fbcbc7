import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { dayjs, formatDateTime, TZ } from '../../../shared/time.ts';
import type { WoRow } from './types.ts';

const statusColor: Record<WoRow['status'], string> = {
  submitted: 'orange', assigned: 'blue', accepted: 'geekblue', in_progress: 'processing', paused: 'warning',
  completed: 'cyan', confirmed: 'success', closed: 'default', cancelled: 'default',
};

export function StatusTag({ status }: { status: WoRow['status'] }) {
  const { t } = useTranslation();
  return <Tag color={statusColor[status]} data-testid="wo-status" data-status={status}>{t(`woH5.status.${status}`)}</Tag>;
}

/** Where it is: room code, building, or the free text. */
export function placeOf(o: Pick<WoRow, 'roomCode' | 'buildingName' | 'locationText' | 'projectName'>): string {
  const where = o.roomCode ?? o.locationText ?? o.buildingName ?? '';
  return [o.projectName, where].filter(Boolean).join(' · ');
}

/** The deadline that matters now: accepting before it is accepted, then completing. */
export function activeDeadline(o: Pick<WoRow, 'status' | 'responseDueAt' | 'completeDueAt'>): { kind: 'response' | 'complete'; at: string } | null {
  if (['submitted', 'assigned'].includes(o.status) && o.responseDueAt) return { kind: 'response', at: o.responseDueAt };
  if (['submitted', 'assigned', 'accepted', 'in_progress', 'paused'].includes(o.status) && o.completeDueAt) return { kind: 'complete', at: o.completeDueAt };
  return null;
}

/** "还剩 2小时15分" / "已超时 40分" against now. */
export function useRemaining() {
  const { t } = useTranslation();
  return (at: string, now = dayjs()) => {
    const mins = Math.round(dayjs(at).diff(now, 'minute', true));
    const abs = Math.abs(mins);
    const d = Math.floor(abs / 1440);
    const h = Math.floor((abs % 1440) / 60);
    const m = abs % 60;
    const span = d > 0 ? t('woH5.time.dh', { d, h }) : h > 0 ? t('woH5.time.hm', { h, m }) : t('woH5.time.m', { m });
    return { overdue: mins < 0, text: mins < 0 ? t('woH5.time.overdue', { span }) : t('woH5.time.left', { span }) };
  };
}

export function DeadlineText({ o }: { o: Pick<WoRow, 'status' | 'responseDueAt' | 'completeDueAt' | 'overdue'> }) {
  const { t } = useTranslation();
  const remaining = useRemaining();
  const d = activeDeadline(o);
  if (!d) return null;
  const r = remaining(d.at);
  return (
    <span className={r.overdue || o.overdue ? 'wo-overdue' : 'wo-due'} data-testid="wo-deadline" data-overdue={r.overdue || o.overdue}>
      {t(`woH5.deadline.${d.kind}`)} {dayjs(d.at).tz(TZ).format('MM-DD HH:mm')} · {r.text}
    </span>
  );
}

export const shortTime = (iso: string | null | undefined) => (iso ? dayjs(iso).tz(TZ).format('MM-DD HH:mm') : '');
export { formatDateTime };
