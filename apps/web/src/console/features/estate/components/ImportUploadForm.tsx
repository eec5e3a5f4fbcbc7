import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Radio, Select, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../../shared/errors.ts';
import { useDownload } from '../../../../shared/useDownload.ts';
import { ESTATE_KEY } from '../api.ts';
import { ESTATE_IMPORTS_BASE, IMPORT_MODES, templatePath, useStartImport, type AnyImport, type ImportKind, type ImportMode, type ImportSource } from '../api-excel.ts';
import { useCurrentProject } from './ProjectRequired.tsx';

const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Props = {
  onStarted: (imp: AnyImport) => void;
} & ({ kind: ImportKind; source?: undefined } | { kind?: undefined; source: ImportSource });

/** an estate kind's routes and names */
export function estateSource(kind: ImportKind, name: string): ImportSource {
  return { key: kind, name, templatePath: templatePath(kind), base: ESTATE_IMPORTS_BASE, query: { kind }, invalidate: ESTATE_KEY };
}

/**
 * The first step of an import: which project, the template, the mode, then the file. The file is
 * checked by the server as it arrives (xlsx, headers, any rows); its refusal is shown here as sent.
 */
export function ImportUploadForm({ kind, source: given, onStarted }: Props) {
  const { t } = useTranslation();
  const current = useCurrentProject();
  const [projectId, setProjectId] = useState<string | undefined>(current.id || undefined);
  const [mode, setMode] = useState<ImportMode>('all_or_nothing');
  const source = given ?? estateSource(kind, t(`excel.kind.${kind}`));
  const start = useStartImport(source);
  const template = useDownload();
  const kindName = source.name;

  const upload = (file: File) => {
    if (!projectId) return;
    start.mutate({ projectId, mode, file }, { onSuccess: onStarted });
  };

  return (
    <Form layout="vertical" requiredMark={false}>
      <Form.Item label={t('excel.project')} required>
        {current.id ? (
          <Typography.Text strong data-testid="import-project">
            {current.name}
          </Typography.Text>
        ) : (
          <>
            <Select
              style={{ width: 260 }}
              value={projectId}
              onChange={setProjectId}
              placeholder={t('layout.project')}
              options={current.projects.map((p) => ({ value: p.id, label: p.name }))}
              status={projectId ? undefined : 'warning'}
              data-testid="import-project-select"
            />
            {!projectId && <Typography.Paragraph type="secondary">{t('excel.chooseProject')}</Typography.Paragraph>}
          </>
        )}
      </Form.Item>
      <Form.Item label={t('excel.templateLabel')} help={t('excel.templateHint')}>
        <Button
          icon={<DownloadOutlined />}
          loading={template.busy === source.key}
          onClick={() => void template.download(source.key, source.templatePath, `${kindName}.xlsx`)}
          data-testid="import-template"
        >
          {t('excel.template', { kind: kindName })}
        </Button>
      </Form.Item>
      <Form.Item label={t('excel.mode')}>
        <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as ImportMode)} data-testid="import-mode">
          <Space orientation="vertical">
            {IMPORT_MODES.map((m) => (
              <Radio key={m} value={m} data-testid={`import-mode-${m}`}>
                {t(`excel.modes.${m}`)}
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {t(`excel.modeHelp.${m}`)}
                </Typography.Text>
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Form.Item>
      <Upload.Dragger
        accept={XLSX_ACCEPT}
        multiple={false}
        showUploadList={false}
        disabled={!projectId || start.isPending}
        // the file goes up through the API client (session, project header, error body), not antd's own request
        beforeUpload={(file) => {
          upload(file);
          return false;
        }}
        data-testid="import-upload"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{start.isPending ? t('excel.uploading') : t('excel.drop')}</p>
        <p className="ant-upload-hint">{t('excel.dropHint')}</p>
      </Upload.Dragger>
      {start.isError && (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          showIcon
          title={t('excel.uploadFailed')}
          description={<span data-testid="import-upload-error">{errorText(t, start.error)}</span>}
        />
      )}
    </Form>
  );
}
