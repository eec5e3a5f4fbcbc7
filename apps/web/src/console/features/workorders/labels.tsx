import { Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { dayjs, formatDateTime } from '../../../shared/time.ts';
import type { WorkOrderRow } from './types.ts';

const statusColours: Record<string, string> = {
  submitted: 'gold', assigned: 'blue', accepted: 'cyan', in_progress: 'processing', paused: 'orange',
  completed: 'green', confirmed: 'success', closed: 'default', cancelled: 'default',
};
const priorityColours: Record<string, string> = { urgent: 'red', high: 'volcano', normal: 'blue', low: 'default' };
const OPEN = new Set(['submitted', 'assigned', 'accepted', 'in_progress', 'paused']);

export function WoStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={statusColours[status] ?? 'default'} data-testid="wo-status">{t(`woConsole.status.${status}`)}</Tag>;
}

export function WoPriorityTag({ priority }: { priority: string }) {
  const { t } = useTranslation();
  return <Tag color={priorityColours[priority] ?? 'default'}>{t(`woConsole.priority.${priority}`)}</Tag>;
}

/** Room code, else the building, else the free text the requester gave. */
export function locationText(t: TFunction, o: Pick<WorkOrderRow, 'area' | 'roomCode' | 'buildingName' | 'locationText' | 'facilityId'>): string {
  // the server may copy the room code into the text: say it once
  const where = [o.roomCode, o.roomCode ? null : o.buildingName, o.locationText === o.roomCode ? null : o.locationText].filter(Boolean).join(' · ');
  if (where) return where;
  return o.facilityId ? t('woConsole.facility') : '—';
}

/** "2 h 5 min" from minutes, for remaining time and averages. */
export function durationText(t: TFunction, minutes: number): string {
  const m = Math.abs(Math.round(minutes));
  if (m < 60) return t('woConsole.minutes', { m });
  const h = Math.floor(m / 60);
  if (h < 48) return t('woConsole.hoursMinutes', { h, m: m % 60 });
  return t('woConsole.daysHours', { d: Math.floor(h / 24), h: h % 24 });
}

/**
 * A deadline with what is left of it while the order is still open: red once passed (or when the
 * server already marks the order overdue), the time left otherwise.
 */
export function DeadlineCell({ at, status, overdue }: { at: string | null; status: string; overdue?: boolean }) {
  const { t } = useTranslation();
  if (!at) return <>—</>;
  const left = dayjs(at).diff(dayjs(), 'minute');
  const open = OPEN.has(status);
  const late = open && (left < 0 || !!overdue);
  return (
    <span>
      <Typography.Text type={late ? 'danger' : undefined}>{formatDateTime(at).slice(0, 16)}</Typography.Text>
      {open && (
        <Typography.Text type={late ? 'danger' : 'secondary'} style={{ display: 'block', fontSize: 12 }} data-testid={late ? 'wo-overdue' : undefined}>
          {left < 0 ? t('woConsole.overdueBy', { d: durationText(t, left) }) : t('woConsole.remaining', { d: durationText(t, left) })}
        </Typography.Text>
      )}
    </span>
  );
}

export const BOARD_STATUSES = ['submitted', 'assigned', 'accepted', 'in_progress', 'paused', 'completed'] as const;
export const DONE_STATUSES = ['confirmed', 'closed', 'cancelled'] as const;
