import { Image } from 'antd';
import { fileUrl, thumbUrl } from './photos.ts';
import type { WoFile } from './types.ts';
import './wo-h5.css';

/** The photos of an order or of one timeline step; a tap opens the full picture. */
export function PhotoStrip({ files, testId }: { files: WoFile[]; testId?: string }) {
  if (!files.length) return null;
  return (
    <div className="wo-photos" data-testid={testId}>
      <Image.PreviewGroup>
        {files.map((f) => (
          <div key={f.id} className="wo-photo">
            <Image src={thumbUrl(f)} preview={{ src: fileUrl(f.id) }} alt={f.name} width="100%" height="100%" />
          </div>
        ))}
      </Image.PreviewGroup>
    </div>
  );
}
