import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography, Upload, type UploadProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadUrl, useRefreshOwnerFiles, type FileOwner, type StoredFile } from './api.ts';

// a hint for the file chooser only: the server judges the type by content and answers 415 otherwise
const ACCEPT = '.png,.jpg,.jpeg,.webp,.gif,.heic,.pdf,.xlsx,.docx,.zip,.dwg';

type UploadFile = Parameters<NonNullable<UploadProps['onChange']>>[0]['file'];
/** antd's Upload keeps the error body it got back: `{ error: { message } }` (413 too big, 415 a type not allowed, 403 …). */
const serverMessage = (f: UploadFile) => (f.response as { error?: { message?: string } } | undefined)?.error?.message;

interface Props {
  owner: FileOwner;
  label: string;
  testId: string;
  /** called with the stored file once the server accepted it (the owner's list is refreshed already) */
  onUploaded?: (file: StoredFile) => void;
  primary?: boolean;
}

/** One file at a time to the owning record, with the server's refusal (size, type, permission) in the toast. */
export function FileUpload({ owner, label, testId, onUploaded, primary = true }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshOwnerFiles(owner);
  const [busy, setBusy] = useState(false);

  const onChange: UploadProps['onChange'] = ({ file }) => {
    setBusy(file.status === 'uploading');
    if (file.status === 'done') {
      void message.success(t('files.uploaded', { name: file.name }));
      void refresh();
      onUploaded?.(file.response as StoredFile);
    } else if (file.status === 'error') {
      const why = serverMessage(file);
      void message.error(why ? `${t('files.uploadFailed', { name: file.name })}：${why}` : t('files.uploadFailed', { name: file.name }));
    }
  };

  return (
    <Space orientation="vertical" size={4} style={{ marginBottom: 16 }}>
      <Upload name="file" action={uploadUrl(owner)} withCredentials accept={ACCEPT} showUploadList={false} onChange={onChange}>
        <Button type={primary ? 'primary' : 'default'} icon={<UploadOutlined />} loading={busy} data-testid={testId}>
          {label}
        </Button>
      </Upload>
      <Typography.Text type="secondary">{t('files.hint')}</Typography.Text>
    </Space>
  );
}
