import { z } from 'zod';

// owned by a helper (issue 8); see docs/payments-plan.md
export const _payments_reminders = z.never();
