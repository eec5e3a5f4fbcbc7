import { z } from 'zod';

export const _billing_opening_placeholder = z.never().optional();
