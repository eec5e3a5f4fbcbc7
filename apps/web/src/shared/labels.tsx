import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** Translated label of a built-in role code; custom roles keep their own name. */
export function roleLabel(t: TFunction, code: string, name?: string): string {
  return t(`role.${code}`, { defaultValue: name ?? code });
}

export function permLabel(t: TFunction, code: string): string {
  return t(`perm.${code}`, { defaultValue: code });
}

export function RoleTag({ code, name }: { code: string; name?: string }) {
  const { t } = useTranslation();
  return <Tag color="geekblue">{roleLabel(t, code, name)}</Tag>;
}

const statusColours: Record<string, string> = { active: 'green', disabled: 'default', archived: 'default' };

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={statusColours[status] ?? 'default'}>{t(`status.${status}`, { defaultValue: status })}</Tag>;
}

/** Select options for these statuses, with their translated labels. */
export function statusOptions<S extends string>(t: TFunction, statuses: readonly S[]) {
  const label = (s: string) => t(`status.${s}`);
  return statuses.map((s) => ({ value: s, label: label(s) }));
}
