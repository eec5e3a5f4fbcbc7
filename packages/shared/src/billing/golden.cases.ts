/**
 * The golden table of the billing core, one file per subject under golden/ (units, rounding and
 * the arithmetic conventions are described in golden/types.ts).
 */
import { CALENDAR } from './golden/calendar.cases.ts';
import { LATE_FEES } from './golden/late-fees.cases.ts';
import { PERIODIC } from './golden/periodic.cases.ts';
import { SEGMENTS_TIERS } from './golden/segments-tiers.cases.ts';

export type { GoldenCase } from './golden/types.ts';
export const GOLDEN = [...CALENDAR, ...PERIODIC, ...SEGMENTS_TIERS, ...LATE_FEES];
