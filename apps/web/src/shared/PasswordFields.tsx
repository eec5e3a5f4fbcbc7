import { Form, Input, type FormRule } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** i18n keys of the two fields' labels and messages. */
export interface PasswordFieldKeys {
  label: string;
  confirmLabel: string;
  /** "the two passwords differ" */
  mismatch: string;
  /** "at least 8 characters" (default `sessions.minLength`) */
  minLength?: string;
  /** when given, also at most 128 characters, with this message */
  maxLength?: string;
  /** "required" messages; antd's own when left out */
  required?: string;
  confirmRequired?: string;
}

const requiredRule = (t: TFunction, key?: string): FormRule => (key ? { required: true, message: t(key) } : { required: true });

/** Rules of a new password: required, at least 8 characters (and at most 128 when `maxLength` is given). */
export function newPasswordRules(t: TFunction, keys: Pick<PasswordFieldKeys, 'minLength' | 'maxLength' | 'required'> = {}): FormRule[] {
  return [
    requiredRule(t, keys.required),
    { min: 8, message: t(keys.minLength ?? 'sessions.minLength') },
    ...(keys.maxLength ? [{ max: 128, message: t(keys.maxLength) }] : []),
  ];
}

interface Props {
  /** the new password's field name; the confirmation is the `confirm` field */
  name?: string;
  keys: PasswordFieldKeys;
  testIds: { password: string; confirm: string };
  /** an icon inside both inputs */
  prefix?: ReactNode;
}

/** New password + confirmation (which must match it), as two items of the surrounding form. */
export function PasswordFields({ name = 'newPassword', keys, testIds, prefix }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name={name} label={t(keys.label)} rules={newPasswordRules(t, keys)}>
        <Input.Password prefix={prefix} autoComplete="new-password" data-testid={testIds.password} />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t(keys.confirmLabel)}
        dependencies={[name]}
        rules={[
          requiredRule(t, keys.confirmRequired),
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue(name) ? Promise.resolve() : Promise.reject(new Error(t(keys.mismatch))),
          }),
        ]}
      >
        <Input.Password prefix={prefix} autoComplete="new-password" data-testid={testIds.confirm} />
      </Form.Item>
    </>
  );
}
