import { DownloadOutlined, FileOutlined } from '@ant-design/icons';
import { Button, Image, Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/time.ts';
import { fileUrl, sizeText, type StoredFile } from './api.ts';

interface Props {
  files: StoredFile[];
  loading: boolean;
  empty: string;
  /** `project` → test ids `project-files-table`, `project-file-download-<name>` */
  testIdPrefix: string;
  /** checkboxes, when the files are being chosen for something (the documents of a 过户) */
  rowSelection?: TableProps<StoredFile>['rowSelection'];
}

/** A record's files: a thumbnail for images (click to preview), name, size, time and a download link. */
export function FilesTable({ files, loading, empty, testIdPrefix, rowSelection }: Props) {
  const { t } = useTranslation();
  return (
    <Table<StoredFile>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={files}
      pagination={false}
      rowSelection={rowSelection}
      locale={{ emptyText: empty }}
      data-testid={`${testIdPrefix}-files-table`}
      columns={[
        {
          key: 'thumb',
          width: 64,
          render: (_, f) =>
            f.hasThumbnail ? (
              <Image width={48} height={48} style={{ objectFit: 'cover' }} src={fileUrl(f.id, 'thumb')} preview={{ src: fileUrl(f.id, 'inline') }} alt={f.name} />
            ) : (
              <FileOutlined style={{ fontSize: 24, color: '#8c8c8c' }} />
            ),
        },
        { title: t('files.name'), dataIndex: 'name', ellipsis: true },
        { title: t('files.size'), dataIndex: 'size', width: 90, align: 'right', render: (n: number) => sizeText(n) },
        { title: t('files.time'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
        {
          title: t('common.actions'),
          key: 'actions',
          width: 90,
          render: (_, f) => (
            <Button type="link" size="small" icon={<DownloadOutlined />} href={fileUrl(f.id, 'download')} data-testid={`${testIdPrefix}-file-download-${f.name}`}>
              {t('files.download')}
            </Button>
          ),
        },
      ]}
    />
  );
}
