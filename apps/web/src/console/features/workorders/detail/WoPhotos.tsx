import { FileOutlined } from '@ant-design/icons';
import { Image, Space } from 'antd';
import { fileUrl } from '../../files/api.ts';
import type { WoFile } from '../types.ts';

/** Thumbnails (the server's small version when it made one); a click shows the full picture. */
export function WoPhotos({ files, size = 72, testId }: { files: WoFile[]; size?: number; testId?: string }) {
  if (!files.length) return null;
  return (
    <Image.PreviewGroup>
      <Space wrap size={8} data-testid={testId}>
        {files.map((f) =>
          f.mime.startsWith('image/') ? (
            <Image
              key={f.id}
              width={size}
              height={size}
              style={{ objectFit: 'cover', borderRadius: 4 }}
              src={fileUrl(f.id, f.hasThumbnail ? 'thumb' : 'inline')}
              preview={{ src: fileUrl(f.id, 'inline') }}
              alt={f.name}
              data-testid="wo-photo"
            />
          ) : (
            <a key={f.id} href={fileUrl(f.id, 'download')}><FileOutlined /> {f.name}</a>
          ),
        )}
      </Space>
    </Image.PreviewGroup>
  );
}
