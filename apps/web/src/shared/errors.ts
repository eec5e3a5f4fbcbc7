import { useQueryClient } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { App } from 'antd';
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isApiError } from './api.ts';
import type { FieldIssue } from './types.ts';

/** Turn a server path ("admin.phone", "/admin/phone", "body.roleIds.0") into an antd name path. */
export function toNamePath(path: string): (string | number)[] {
  const parts = path.replace(/^\//, '').split(/[./]/).filter(Boolean);
  if (parts[0] === 'body') parts.shift();
  return parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** Zod messages on the shared contracts are codes ("invalid_phone"); translate those. */
export function translateIssue(t: TFunction, message: string): string {
  if (/^[a-z_]+$/.test(message)) return t(`validation.${message}`, { defaultValue: message });
  return message;
}

function fieldIssues(details: unknown): FieldIssue[] {
  if (!Array.isArray(details)) return [];
  return details.filter(
    (d): d is FieldIssue => !!d && typeof d === 'object' && typeof (d as FieldIssue).path === 'string',
  );
}

/** Map a 400 `validation_failed` onto the form's fields; returns how many issues were applied. */
export function applyFieldErrors(form: FormInstance, err: ApiError, t: TFunction): number {
  const issues = fieldIssues(err.details);
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const issue of issues) {
    let name = toNamePath(issue.path);
    // an error on one element of a list ("roleIds.0") belongs to the list field
    while (name.length > 1 && typeof name[name.length - 1] === 'number') name = name.slice(0, -1);
    if (!name.length) continue;
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(translateIssue(t, String(issue.message ?? '')));
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return byField.size;
}

export function errorText(t: TFunction, err: unknown): string {
  if (!isApiError(err)) return t('error.unknown');
  if (err.code === 'network') return t('error.network');
  if (err.code === 'stale_version') return t('error.stale');
  if (err.message) return err.message;
  return t(`error.${err.code}`, { defaultValue: t('error.unknown') });
}

export interface HandleOptions {
  form?: FormInstance;
  /** called after a stale-version conflict (the data is refetched already) */
  onStale?: () => void;
}

/**
 * The one place a failed mutation is reported: stale versions refetch, field errors land on
 * the form, everything else becomes a toast with the server's message.
 */
export function useApiErrorHandler() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  const qc = useQueryClient();
  return useCallback(
    (err: unknown, opts: HandleOptions = {}) => {
      if (isApiError(err)) {
        if (err.status === 401) return; // the app is on its way to the login page
        if (err.status === 409 && err.code === 'stale_version') {
          void message.warning(t('error.stale'));
          void qc.invalidateQueries();
          opts.onStale?.();
          return;
        }
        if (err.status === 400 && err.code === 'validation_failed' && opts.form) {
          applyFieldErrors(opts.form, err, t);
          void message.error(t('error.validation'));
          return;
        }
      }
      void message.error(errorText(t, err));
    },
    [message, qc, t],
  );
}
