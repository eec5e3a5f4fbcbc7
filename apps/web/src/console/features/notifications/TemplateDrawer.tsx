import { runSubmit } from '../../../shared/runSubmit.ts';
import { Alert, Form, Input, Space, Tag, Typography, type InputRef } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api.ts';
import { FormDrawer } from '../../../shared/FormDrawer.tsx';
import { useSaveFeedback } from '../../../shared/useSaveFeedback.ts';
import { useSaveTemplate, type TemplateView } from './api.ts';
import { ChannelTag } from './labels.tsx';

type Field = 'title' | 'body';
interface Values {
  title: string;
  body: string;
}

const VAR = /\{\{\s*([a-zA-Z0-9_]+)\s*\}\}/g;

function unknownVars(text: string, allowed: string[]): string[] {
  return [...new Set([...text.matchAll(VAR)].map((m) => m[1]!).filter((v) => !allowed.includes(v)))];
}

/** Edit one template; the event's variables are tags that insert `{{var}}` at the cursor. */
export function TemplateDrawer({ template, onClose }: { template: TemplateView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveTemplate();
  const saved = useSaveFeedback(form, onClose);
  const [serverError, setServerError] = useState<string | null>(null);
  const titleRef = useRef<InputRef>(null);
  const bodyRef = useRef<TextAreaRef>(null);
  // where a variable goes: the field last focused and its selection
  const caret = useRef<{ field: Field; start: number; end: number }>({ field: 'body', start: -1, end: -1 });

  useEffect(() => {
    if (!template) return;
    form.setFieldsValue({ title: template.title, body: template.body });
    setServerError(null);
    caret.current = { field: 'body', start: -1, end: -1 };
  }, [template, form]);

  const element = (field: Field) => (field === 'title' ? titleRef.current?.input : bodyRef.current?.resizableTextArea?.textArea) ?? null;

  const remember = (field: Field) => () => {
    const el = element(field);
    if (el) caret.current = { field, start: el.selectionStart ?? -1, end: el.selectionEnd ?? -1 };
  };

  const insert = (name: string) => {
    const { field } = caret.current;
    const el = element(field);
    if (el && document.activeElement === el) remember(field)();
    const cur = String(form.getFieldValue(field) ?? '');
    const { start, end } = caret.current;
    const from = start < 0 || start > cur.length ? cur.length : start;
    const to = end < from || end > cur.length ? from : end;
    const token = `{{${name}}}`;
    form.setFieldValue(field, cur.slice(0, from) + token + cur.slice(to));
    void form.validateFields([field]).catch(() => undefined);
    const at = from + token.length;
    caret.current = { field, start: at, end: at };
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at, at);
    });
  };

  const submit = async () => {
    if (!template) return;
    const v = await form.validateFields();
    setServerError(null);
    save.mutate(
      { event: template.event, channel: template.channel, locale: template.locale, title: v.title, body: v.body },
      {
        onSuccess: saved.onSuccess,
        onError: (e) => {
          // the server names unknown variables in its message: show it where the user is looking
          if (isApiError(e) && e.status === 400 && e.code !== 'validation_failed') setServerError(e.message);
          else saved.onError(e);
        },
      },
    );
  };

  const vars = template?.vars ?? [];
  const varRule = { warningOnly: true, validator: (_: unknown, value: string) => {
    const bad = unknownVars(value ?? '', vars);
    return bad.length ? Promise.reject(new Error(t('templates.unknownVars', { vars: bad.join(', ') }))) : Promise.resolve();
  } };

  return (
    <FormDrawer
      open={!!template}
      size={560}
      title={t('templates.edit')}
      onClose={onClose}
      onSave={runSubmit(submit)}
      saving={save.isPending}
      saveTestId="template-save"
    >
      {template && (
        <Space wrap style={{ marginBottom: 16 }}>
          <Typography.Text strong>{t(`notifyEvent.${template.event}`, { defaultValue: template.event })}</Typography.Text>
          <ChannelTag channel={template.channel} />
          <Tag>{t(`locale.${template.locale}`, { defaultValue: template.locale })}</Tag>
        </Space>
      )}
      {serverError && <Alert type="error" showIcon title={serverError} style={{ marginBottom: 16 }} data-testid="template-error" />}
      <div style={{ marginBottom: 16 }}>
        <Typography.Text>{t('templates.vars')}</Typography.Text>
        <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
          {t('templates.varsHelp')}
        </Typography.Text>
        <div style={{ marginTop: 8 }}>
          <Space size={[4, 8]} wrap>
            {vars.map((v) => (
              <Tag
                key={v}
                color="blue"
                role="button"
                tabIndex={0}
                style={{ cursor: 'pointer' }}
                data-testid={`template-var-${v}`}
                // keep the focus (and the caret) in the field being edited
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => insert(v)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    insert(v);
                  }
                }}
              >
                {`{{${v}}}`}
              </Tag>
            ))}
          </Space>
        </div>
      </div>
      <Form form={form} layout="vertical">
        <Form.Item name="title" label={t('templates.subject')} rules={[{ required: true, whitespace: true }, { max: 200 }, varRule]}>
          <Input ref={titleRef} maxLength={200} onFocus={remember('title')} onBlur={remember('title')} data-testid="template-title" />
        </Form.Item>
        <Form.Item name="body" label={t('templates.body')} rules={[{ required: true, whitespace: true }, { max: 2000 }, varRule]}>
          <Input.TextArea
            ref={bodyRef}
            rows={6}
            maxLength={2000}
            showCount
            onFocus={remember('body')}
            onBlur={remember('body')}
            data-testid="template-body"
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
