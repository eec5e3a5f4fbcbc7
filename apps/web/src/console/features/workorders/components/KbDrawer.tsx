import { Form, Input, InputNumber, Radio, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../../shared/errors.ts';
import { FormDrawer } from '../../../../shared/FormDrawer.tsx';
import { FormErrorAlert } from '../../../../shared/FormErrorAlert.tsx';
import { runSubmit } from '../../../../shared/runSubmit.ts';
import { useSaveKb, useWoCategories } from '../api.ts';
import type { KbArticle, KbArticleCreate } from '../types.ts';
import { woFieldErrors } from '../fieldErrors.ts';

/** One FAQ entry: the question, its answer, the category it is shown for (none = every category), published or draft. */
export function KbDrawer({ article, open, onClose }: { article: KbArticle | null; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<KbArticleCreate>();
  const save = useSaveKb();
  const categories = useWoCategories();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(article
      ? { categoryId: article.categoryId, question: article.question, answer: article.answer, status: article.status, sort: article.sort }
      : { categoryId: null, status: 'published', sort: 0 });
  }, [open, article, form]);

  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    const fields = { categoryId: v.categoryId ?? null, question: v.question.trim(), answer: v.answer.trim(), status: v.status, sort: v.sort ?? 0 };
    save.mutate(article ? { id: article.id, update: { ...fields, version: article.version } } : { create: fields }, {
      onSuccess: onClose,
      onError: (e) => {
        woFieldErrors(form, e, t);
        setError(errorText(t, e));
      },
    });
  };

  return (
    <FormDrawer open={open} onClose={onClose} onSave={runSubmit(submit)} saving={save.isPending} saveTestId="wo-kb-submit"
      title={article ? t('woConsole.kb.edit') : t('woConsole.kb.create')}>
      <Form form={form} layout="vertical" data-testid="wo-kb-form">
        <FormErrorAlert error={error} testId="wo-kb-error" />
        <Form.Item name="categoryId" label={t('woConsole.field.category')} extra={t('woConsole.kb.categoryHint')}>
          <Select allowClear options={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))} data-testid="wo-kb-category" />
        </Form.Item>
        <Form.Item name="question" label={t('woConsole.kb.question')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} data-testid="wo-kb-question" />
        </Form.Item>
        <Form.Item name="answer" label={t('woConsole.kb.answer')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={6} maxLength={4000} showCount data-testid="wo-kb-answer" />
        </Form.Item>
        <Form.Item name="status" label={t('common.status')}>
          <Radio.Group options={[{ value: 'published', label: t('woConsole.kb.published') }, { value: 'draft', label: t('woConsole.kb.draft') }]} />
        </Form.Item>
        <Form.Item name="sort" label={t('woConsole.categories.sort')}>
          <InputNumber min={0} max={9999} precision={0} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
