import { z } from 'zod';

export const _billing_prepaid_placeholder = z.never().optional();
