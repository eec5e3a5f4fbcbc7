import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Business time zone: every timestamp is shown in China Standard Time. */
export const TZ = 'Asia/Shanghai';

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = dayjs(iso);
  return d.isValid() ? d.tz(TZ).format('YYYY-MM-DD HH:mm:ss') : iso;
}

/** Start of a calendar day in Shanghai, as an ISO timestamp with offset. */
export function shanghaiDayStart(day: dayjs.Dayjs): string {
  return dayjs.tz(day.format('YYYY-MM-DD'), TZ).startOf('day').format();
}

/** End of a calendar day in Shanghai (last second), as an ISO timestamp with offset. */
export function shanghaiDayEnd(day: dayjs.Dayjs): string {
  return dayjs.tz(day.format('YYYY-MM-DD'), TZ).endOf('day').format();
}

export { dayjs };
