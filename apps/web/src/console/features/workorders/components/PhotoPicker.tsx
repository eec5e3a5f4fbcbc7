import { PlusOutlined } from '@ant-design/icons';
import { App, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../../shared/api.ts';
import { useSignedInMe } from '../../../../shared/auth.ts';
import { uploadDraftPhoto } from '../api.ts';

interface Props {
  value?: string[];
  onChange?: (ids: string[]) => void;
  testId: string;
}

const MAX = 9;

/**
 * Photos for a new order or an event: each is uploaded at once to the caller's draft area and its
 * id collected; the server claims them when the order / event is saved (and refuses non-images).
 */
export function PhotoPicker({ value = [], onChange, testId }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSignedInMe();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const ids = (list: UploadFile[]) => list.filter((f) => f.status === 'done' && f.response?.id).map((f) => f.response.id as string);

  return (
    <div data-testid={testId}>
      <Upload
        listType="picture-card"
        accept="image/*"
        multiple
        fileList={files}
        customRequest={({ file, onSuccess, onError }) => {
          uploadDraftPhoto(me.user.id, file as File)
            .then((r) => onSuccess?.(r))
            .catch((e: unknown) => {
              void message.error(isApiError(e) ? e.message : t('woConsole.photoFailed'));
              onError?.(e as Error);
            });
        }}
        onChange={({ fileList }) => {
          const kept = fileList.filter((f) => f.status !== 'error');
          setFiles(kept);
          const next = ids(kept);
          if (next.join() !== value.join()) onChange?.(next);
        }}
      >
        {files.length < MAX && (
          <button type="button" style={{ border: 0, background: 'none' }}>
            <PlusOutlined />
            <div style={{ marginTop: 4 }}>{t('woConsole.addPhoto')}</div>
          </button>
        )}
      </Upload>
    </div>
  );
}
