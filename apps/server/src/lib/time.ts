import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Business time zone: periods, due dates and deadlines are computed here; storage stays UTC. */
export const BUSINESS_TZ = 'Asia/Shanghai';
export const businessNow = () => dayjs().tz(BUSINESS_TZ);
export const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
export { dayjs };
