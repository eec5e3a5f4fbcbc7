import { api } from '../../../shared/api.ts';

export interface UploadedPhoto { id: string; name: string; hasThumbnail: boolean }

/** Uploads one photo to my draft area; its id then goes into `fileIds` of the order or the step. */
export function uploadDraftPhoto(userId: string, file: File): Promise<UploadedPhoto> {
  const body = new FormData();
  body.append('file', file, file.name);
  return api.post<UploadedPhoto>('/api/files', body, { query: { ownerType: 'work_order_draft', ownerId: userId } });
}

export const thumbUrl = (f: { id: string; hasThumbnail: boolean }) => `/api/files/${f.id}${f.hasThumbnail ? '?thumb=1' : ''}`;
export const fileUrl = (id: string) => `/api/files/${id}`;
