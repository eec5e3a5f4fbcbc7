import { z } from 'zod';

export const _billing_reports_placeholder = z.never().optional();
