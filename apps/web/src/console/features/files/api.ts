import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, buildUrl } from '../../../shared/api.ts';

/** A stored attachment as `GET /api/files` lists it (the server declares this shape in files.routes.ts, not in packages/shared). */
export interface StoredFile {
  id: string;
  ownerType: string;
  ownerId: string;
  kind: 'image' | 'document';
  name: string;
  mime: string;
  size: number;
  hasThumbnail: boolean;
  createdAt: string;
}

/** The record files belong to (a project, a room …); its module on the server decides who reads and attaches. */
export interface FileOwner {
  type: string;
  id: string;
}

const query = (o: FileOwner) => ({ ownerType: o.type, ownerId: o.id });
const key = (o: FileOwner | null) => ['files', o?.type ?? null, o?.id ?? null] as const;

export function useOwnerFiles(owner: FileOwner | null) {
  return useQuery({
    queryKey: key(owner),
    queryFn: () => api.get<StoredFile[]>('/api/files', { query: query(owner!), noProject: true }),
    enabled: !!owner,
  });
}

export function useRefreshOwnerFiles(owner: FileOwner) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: key(owner) });
}

/** Where antd's Upload posts the multipart body (field `file`); the session cookie authorises it. */
export const uploadUrl = (owner: FileOwner) => buildUrl('/api/files', query(owner));

/** Plain same-origin links: the session cookie is all a read needs, and the browser streams the file itself. */
export const fileUrl = (id: string, as: 'download' | 'thumb' | 'inline') =>
  `/api/files/${id}${as === 'download' ? '?download=1' : as === 'thumb' ? '?thumb=1' : ''}`;

/** 1536 → "1.5 KB" */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
