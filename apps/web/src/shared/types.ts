import type { z } from 'zod';
import type {
  ZApiKey,
  ZApiKeyCreated,
  ZAuditEntry,
  ZCaptcha,
  ZCompany,
  ZPrivacyPolicy,
  ZSessionInfo,
} from '@wuye/shared';

export type { Me, Project, Role, Staff } from '@wuye/shared';

export type AuditEntry = z.infer<typeof ZAuditEntry>;
export type ApiKey = z.infer<typeof ZApiKey>;
export type ApiKeyCreated = z.infer<typeof ZApiKeyCreated>;
export type Company = z.infer<typeof ZCompany>;
export type Captcha = z.infer<typeof ZCaptcha>;
export type PrivacyPolicy = z.infer<typeof ZPrivacyPolicy>;
export type SessionInfo = z.infer<typeof ZSessionInfo>;

/** A page of a list endpoint (`ZPage(item)` on the server). */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** GET /api/permissions */
export interface PermissionCatalogue {
  groups: Record<string, string[]>;
}

/** One entry of `details` on a 400 `validation_failed`. */
export interface FieldIssue {
  path: string;
  message: string;
}
