import { z } from 'zod';

export const _billing_accounts_placeholder = z.never().optional();
