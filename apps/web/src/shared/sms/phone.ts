import type { FormInstance, FormRule } from 'antd';
import type { TFunction } from 'i18next';

export const PHONE_PATTERN = /^1[3-9]\d{9}$/;

export function phoneRules(t: TFunction): FormRule[] {
  return [
    { required: true, whitespace: true, message: t('smsAuth.phoneRequired') },
    { pattern: PHONE_PATTERN, message: t('validation.invalid_phone') },
  ];
}

/** Validates just the `phone` field; the trimmed number, or null when it is missing or malformed. */
export async function readPhone(form: FormInstance): Promise<string | null> {
  try {
    const v = (await form.validateFields(['phone'])) as { phone?: string };
    return (v.phone ?? '').trim() || null;
  } catch {
    return null;
  }
}
