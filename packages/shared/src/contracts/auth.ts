import { z } from 'zod';
import { ZId, ZName, ZPassword, ZPhone } from './common.ts';

export const ZLogin = z.object({
  /** phone number or username */
  login: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
  captchaId: z.string().max(64).optional(),
  captchaText: z.string().max(16).optional(),
}).strict();

export const ZCaptcha = z.object({ id: z.string(), svg: z.string() });

export const ZMembershipSummary = z.object({
  companyId: ZId,
  companyName: z.string(),
  kind: z.enum(['staff', 'resident']),
});

export const ZMe = z.object({
  user: z.object({
    id: ZId,
    name: z.string(),
    username: z.string().nullable(),
    phone: z.string().nullable(),
    isPlatformAdmin: z.boolean(),
  }),
  companyId: ZId.nullable(),
  companyName: z.string().nullable(),
  kind: z.enum(['staff', 'resident', 'platform']),
  roles: z.array(z.string()),
  permissions: z.array(z.string()),
  scope: z.enum(['company', 'project', 'assignee', 'own']),
  projects: z.array(z.object({ id: ZId, name: z.string() })),
  memberships: z.array(ZMembershipSummary),
});
export type Me = z.infer<typeof ZMe>;

export const ZSwitchCompany = z.object({ companyId: ZId }).strict();

export const ZChangePassword = z.object({ oldPassword: z.string().min(1).max(128), newPassword: ZPassword }).strict();

export const ZSessionInfo = z.object({
  id: ZId,
  current: z.boolean(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});

export const ZRegister = z.object({
  phone: ZPhone,
  name: ZName,
  password: ZPassword,
  /** version of the privacy policy the person accepted; must be the current one */
  privacyVersion: z.string().min(1).max(32),
}).strict();

export const ZPrivacyPolicy = z.object({ version: z.string(), effectiveDate: z.string(), text: z.string() });

export const ZSmsCodeRequest = z.object({
  phone: ZPhone,
  purpose: z.enum(['login', 'reset']),
}).strict();
export const ZSmsCodeSent = z.object({
  ok: z.literal(true),
  /** seconds before another code may be requested for this phone */
  retryAfter: z.number().int(),
  /** only in the embedded demo with the sandbox SMS provider */
  demoCode: z.string().optional(),
});
export const ZSmsLogin = z.object({ phone: ZPhone, code: z.string().regex(/^\d{6}$/, 'invalid_code') }).strict();
export const ZResetByCode = z.object({ phone: ZPhone, code: z.string().regex(/^\d{6}$/, 'invalid_code'), newPassword: ZPassword }).strict();
