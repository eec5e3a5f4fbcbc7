import { CameraOutlined, CloseOutlined, LoadingOutlined } from '@ant-design/icons';
import { Alert } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../../../shared/auth.ts';
import { errorText } from '../../../shared/errors.ts';
import { thumbUrl, uploadDraftPhoto, type UploadedPhoto } from './photos.ts';
import './wo-h5.css';

const MAX = 9;

interface Props {
  value: UploadedPhoto[];
  onChange: (photos: UploadedPhoto[]) => void;
  /** while an upload runs the form should not submit */
  onBusy?: (busy: boolean) => void;
  testId: string;
}

/**
 * Photos from the camera or the album, uploaded one by one as soon as they are picked (a
 * request then only carries their ids). The server checks the content: a non-image comes back
 * as 415 with its message, which is shown here.
 */
export function PhotoPicker({ value, onChange, onBusy, testId }: Props) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(value);
  latest.current = value;

  const pick = async (files: FileList | null) => {
    const list = [...(files ?? [])].slice(0, MAX - latest.current.length);
    if (!list.length) return;
    setError(null);
    setPending((n) => n + list.length);
    onBusy?.(true);
    for (const file of list) {
      try {
        const up = await uploadDraftPhoto(me.user.id, file);
        latest.current = [...latest.current, up];
        onChange(latest.current);
      } catch (e) {
        setError(errorText(t, e));
      } finally {
        setPending((n) => n - 1);
      }
    }
    onBusy?.(false);
    if (input.current) input.current.value = '';
  };

  return (
    <div data-testid={testId}>
      <div className="wo-photos">
        {value.map((p) => (
          <div key={p.id} className="wo-photo" data-testid={`${testId}-item`}>
            <img src={thumbUrl(p)} alt={p.name} />
            <button type="button" className="wo-photo-remove" aria-label={t('woH5.photos.remove')}
              onClick={() => onChange(value.filter((x) => x.id !== p.id))} data-testid={`${testId}-remove`}>
              <CloseOutlined />
            </button>
          </div>
        ))}
        {Array.from({ length: pending }, (_, i) => <div key={`p${i}`} className="wo-photo wo-photo-add"><LoadingOutlined /></div>)}
        {value.length + pending < MAX && (
          <label className="wo-photo wo-photo-add" data-testid={`${testId}-add`}>
            <CameraOutlined />
            <span>{t('woH5.photos.add')}</span>
            <input ref={input} type="file" accept="image/*" capture="environment" multiple
              onChange={(e) => void pick(e.target.files)} data-testid={`${testId}-input`} />
          </label>
        )}
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} data-testid={`${testId}-error`} />}
    </div>
  );
}
