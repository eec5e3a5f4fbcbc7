import { Alert, App, Button, DatePicker, Descriptions, Drawer, Form, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../../../../shared/auth.ts';
import { errorText } from '../../../../shared/errors.ts';
import { useProjectId } from '../../../../shared/project.ts';
import { runSubmit } from '../../../../shared/runSubmit.ts';
import { dayjs } from '../../../../shared/time.ts';
import { useCreateAssignment, usePreviewAssignment, type AssignmentInput, type AssignmentPreview } from '../api-assignments.ts';
import type { Standard } from '../types.ts';
import { AssignTargetFields, targetOf, type TargetValues } from './AssignTargetFields.tsx';
import { ruleSummary } from './RuleFields.tsx';

interface Values extends TargetValues { projectId: string; from: Dayjs; to?: Dayjs | null }

function PreviewCounts({ p }: { p: AssignmentPreview }) {
  const { t } = useTranslation();
  return (
    <>
      <Descriptions size="small" column={3} bordered data-testid="assign-preview" items={[
        { key: 'matched', label: t('billing.assign.matched'), children: <span data-testid="assign-matched">{p.matched}</span> },
        { key: 'conflicts', label: t('billing.assign.conflicts'), children: <span data-testid="assign-conflicts">{p.conflicts}</span> },
        { key: 'assigned', label: t('billing.assign.assignable'), children: <span data-testid="assign-assignable">{p.assigned}</span> },
      ]} />
      {p.conflicts > 0 && (
        <Alert style={{ marginTop: 8 }} type="warning" showIcon data-testid="assign-conflict-codes"
          title={t('billing.assign.conflictHelp', { codes: p.conflictCodes.join('、'), more: p.conflicts > p.conflictCodes.length ? t('billing.assign.andMore') : '' })} />
      )}
    </>
  );
}

/**
 * 分配收费标准: a project (the header's; HQ on "all projects" picks one), the rooms or spaces, the
 * dates; the server's preview counts come first, the assignment after (all or none: a clash is a 409).
 */
export function AssignStandardDrawer({ standard, onClose }: { standard: Standard | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSignedInMe();
  const headerProject = useProjectId();
  const [form] = Form.useForm<Values>();
  const projectId = Form.useWatch('projectId', form) ?? '';
  const preview = usePreviewAssignment();
  const create = useCreateAssignment();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!standard) return;
    form.resetFields();
    form.setFieldsValue({ projectId: standard.projectId ?? headerProject ?? '', by: 'building', from: dayjs() });
    preview.reset();
    create.reset();
    setError(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [standard?.id]);

  const inputOf = (v: Values): AssignmentInput => ({
    standardId: standard!.id, projectId: v.projectId, target: targetOf(v),
    from: v.from.format('YYYY-MM-DD'), to: v.to ? v.to.format('YYYY-MM-DD') : null,
  });
  const failed = (e: unknown) => setError(errorText(t, e));

  const runPreview = async () => {
    const v = await form.validateFields();
    setError(null);
    create.reset();
    preview.mutate(inputOf(v), { onError: failed });
  };
  const runCreate = async () => {
    const v = await form.validateFields();
    setError(null);
    create.mutate(inputOf(v), {
      onSuccess: (r) => {
        void message.success(t('billing.assign.done', { n: r.assigned }));
        onClose();
      },
      onError: failed,
    });
  };
  const changed = () => {
    preview.reset();
    setError(null);
  };

  return (
    <Drawer open={!!standard} size={640} title={t('billing.assign.title')} onClose={onClose} forceRender>
      {standard && (
        <Typography.Paragraph data-testid="assign-standard">
          <b>{standard.code} {standard.name}</b> · {standard.feeItemName} · {ruleSummary(t, standard.current?.rule)}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" onValuesChange={changed}>
        <Form.Item name="projectId" label={t('billing.assign.project')} rules={[{ required: true, message: t('billing.assign.pickProject') }]}>
          <Select disabled={!!standard?.projectId} options={me.projects.map((p) => ({ value: p.id, label: p.name }))}
            showSearch={{ optionFilterProp: 'label' }} data-testid="assign-project" />
        </Form.Item>
        {projectId && <AssignTargetFields projectId={projectId} />}
        <Space>
          <Form.Item name="from" label={t('billing.assign.from')} rules={[{ required: true }]}>
            <DatePicker allowClear={false} data-testid="assign-from" />
          </Form.Item>
          <Form.Item name="to" label={t('billing.assign.to')} extra={t('billing.standard.validToHelp')}>
            <DatePicker data-testid="assign-to" />
          </Form.Item>
        </Space>
      </Form>
      <Typography.Paragraph type="secondary">{t('billing.assign.help')}</Typography.Paragraph>
      {preview.data && <PreviewCounts p={preview.data} />}
      {error && <Alert style={{ marginTop: 8 }} type="error" showIcon title={error} data-testid="assign-error" />}
      <Space style={{ marginTop: 16 }}>
        <Button loading={preview.isPending} onClick={runSubmit(runPreview)} data-testid="assign-preview-btn">{t('billing.assign.preview')}</Button>
        <Button type="primary" loading={create.isPending} disabled={!preview.data || preview.data.matched === 0} onClick={runSubmit(runCreate)}
          data-testid="assign-submit">{t('billing.assign.submit')}</Button>
      </Space>
    </Drawer>
  );
}
