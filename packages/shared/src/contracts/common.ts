import { z } from 'zod';

export const ZId = z.uuid();
export const ZIdParam = z.object({ id: ZId }).strict();
export const ZVersion = z.number().int().min(1).max(2_147_483_647);

/** Mainland mobile numbers: 11 digits starting with 1[3-9]. */
export const ZPhone = z.string().regex(/^1[3-9]\d{9}$/, 'invalid_phone');
export const ZUsername = z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{2,31}$/, 'invalid_username');
export const ZPassword = z.string().min(8).max(128);
export const ZName = z.string().trim().min(1).max(64);

export const ZPageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export function ZPage<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}

export const ZOk = z.object({ ok: z.literal(true) });

export const ZErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
