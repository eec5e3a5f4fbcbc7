import { z } from 'zod';

export const _billing_runs_placeholder = z.never().optional();
