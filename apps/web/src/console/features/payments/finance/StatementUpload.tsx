import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Select, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../../shared/api.ts';
import { useApiErrorHandler } from '../../../../shared/errors.ts';
import { PROVIDERS, useUploadStatement, type PayProvider, type StatementImportResult } from './api.ts';

interface FileIssue { message: string; row?: number; column?: string; value?: string; path: string }

/** 导入对账单: provider, day and the CSV; a refused file lists its bad rows and columns. */
export function StatementUpload({ onDone }: { onDone: (r: StatementImportResult) => void }) {
  const { t } = useTranslation();
  const r = (k: string, o: Record<string, string | number> = {}) => t(`payFinance.recon.${k}`, o);
  const [form] = Form.useForm<{ provider: PayProvider; date: Dayjs }>();
  const [file, setFile] = useState<File | null>(null);
  const [issues, setIssues] = useState<{ title: string; list: FileIssue[] } | null>(null);
  const upload = useUploadStatement();
  const onError = useApiErrorHandler();

  const submit = async (v: { provider: PayProvider; date: Dayjs }) => {
    if (!file) { setIssues({ title: r('fileRequired'), list: [] }); return; }
    setIssues(null);
    try {
      onDone(await upload.mutateAsync({ provider: v.provider, date: v.date.format('YYYY-MM-DD'), file }));
      setFile(null);
    } catch (e) {
      if (isApiError(e) && e.status === 400 && Array.isArray(e.details)) {
        const list = (e.details as FileIssue[]).filter((d) => d.path === 'body.file');
        const fields = (e.details as FileIssue[]).filter((d) => d.path !== 'body.file');
        if (fields.length) form.setFields(fields.map((d) => ({ name: d.path.replace(/^body\./, '') as 'date', errors: [t(`validation.${d.message}`, { defaultValue: d.message })] })));
        setIssues({ title: list.length ? r('fileErrors') : e.message, list });
        return;
      }
      onError(e);
    }
  };

  const issueText = (d: FileIssue) => [
    d.row ? r('row', { row: d.row }) : null, d.column ? r('column', { column: d.column }) : null,
    r(`errorCodes.${d.message}`, { defaultValue: d.message }), d.value ? `（${d.value}）` : null,
  ].filter(Boolean).join(' ');

  return (
    <Form form={form} layout="inline" onFinish={submit} initialValues={{ provider: 'sandbox', date: dayjs().subtract(1, 'day') }} data-testid="recon-upload"
      style={{ rowGap: 12 }}>
      <Form.Item name="provider" label={r('provider')} rules={[{ required: true }]}>
        <Select style={{ width: 130 }} data-testid="recon-provider" options={PROVIDERS.map((p) => ({ value: p, label: r(`providers.${p}`) }))} />
      </Form.Item>
      <Form.Item name="date" label={r('date')} rules={[{ required: true }]}>
        <DatePicker data-testid="recon-date" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item label={r('file')} required>
        <Upload accept=".csv,text/csv" maxCount={1} beforeUpload={(f) => { setFile(f); setIssues(null); return false; }}
          onRemove={() => setFile(null)} fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}>
          <Button icon={<UploadOutlined />} data-testid="recon-file">{r('chooseFile')}</Button>
        </Upload>
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={upload.isPending} data-testid="recon-submit">{r('submit')}</Button>
      </Form.Item>
      {issues && (
        <Alert type="error" showIcon style={{ width: '100%', marginTop: 8 }} message={issues.title} data-testid="recon-file-errors"
          description={issues.list.length ? <ul style={{ margin: 0, paddingInlineStart: 18 }}>{issues.list.map((d, i) => <li key={i}>{issueText(d)}</li>)}</ul> : undefined} />
      )}
    </Form>
  );
}
