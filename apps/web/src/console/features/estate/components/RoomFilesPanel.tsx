import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOwnerFiles, type FileOwner } from '../../files/api.ts';
import { FileUpload } from '../../files/FileUpload.tsx';
import { FilesTable } from '../../files/FilesTable.tsx';
import type { RoomDetail } from '../types.ts';

/** A room's documents are files owned by the room ('room' on the server, estate/room-files.ts). */
export const roomFileOwner = (roomId: string): FileOwner => ({ type: 'room', id: roomId });

/**
 * 资料: 不动产权证, 买卖合同, 身份证明 … The server lets only estate.manage read or add them
 * (identity papers, decisions §19), so the drawer shows this tab to those users alone.
 */
export function RoomFilesPanel({ room }: { room: RoomDetail }) {
  const { t } = useTranslation();
  const owner = roomFileOwner(room.id);
  const files = useOwnerFiles(owner);

  return (
    <>
      <Typography.Paragraph type="secondary">{t('roomFiles.intro')}</Typography.Paragraph>
      <FileUpload owner={owner} label={t('roomFiles.upload')} testId="room-files-upload" />
      <FilesTable files={files.data ?? []} loading={files.isPending} empty={t('roomFiles.empty')} testIdPrefix="room" />
    </>
  );
}
