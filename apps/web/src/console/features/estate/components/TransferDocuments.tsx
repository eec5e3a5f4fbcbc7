import { Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useOwnerFiles } from '../../files/api.ts';
import { FileUpload } from '../../files/FileUpload.tsx';
import { FilesTable } from '../../files/FilesTable.tsx';
import { roomFileOwner } from './RoomFilesPanel.tsx';

/** the server's cap on a transfer's `fileIds` */
export const MAX_TRANSFER_FILES = 20;

interface Props {
  roomId: string;
  /** the dialog is open: it is rendered closed too (forceRender), and only managers may list the files */
  active: boolean;
  /** the chosen file ids (a Form.Item control) */
  value?: string[];
  onChange?: (ids: string[]) => void;
}

/**
 * The documents of a 过户: the room's files with checkboxes, and an upload that stores a new file
 * with the room at once and ticks it. What is uploaded stays with the room even if the dialog is cancelled.
 */
export function TransferDocuments({ roomId, active, value = [], onChange }: Props) {
  const { t } = useTranslation();
  const owner = roomFileOwner(roomId);
  const files = useOwnerFiles(active ? owner : null);
  // an upload finishes after later renders: tick the new file on the selection as it is then
  const chosen = useRef(value);
  chosen.current = value;
  const full = value.length >= MAX_TRANSFER_FILES;

  return (
    <>
      <FileUpload
        owner={owner}
        label={t('roomFiles.upload')}
        testId="transfer-files-upload"
        primary={false}
        onUploaded={(f) => {
          if (chosen.current.length < MAX_TRANSFER_FILES) onChange?.([...chosen.current, f.id]);
        }}
      />
      <FilesTable
        files={files.data ?? []}
        loading={files.isPending}
        empty={t('roomFiles.empty')}
        testIdPrefix="transfer"
        rowSelection={{
          selectedRowKeys: value,
          onChange: (keys) => onChange?.(keys.map(String)),
          getCheckboxProps: (f) => ({ disabled: full && !value.includes(f.id) }),
          hideSelectAll: true,
        }}
      />
      <Typography.Text type={full ? 'warning' : 'secondary'} data-testid="transfer-files-chosen">
        {t('resident.documentsChosen', { count: value.length, max: MAX_TRANSFER_FILES })}
      </Typography.Text>
    </>
  );
}
