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

const owner = (projectId: string) => ({ ownerType: 'project', ownerId: projectId });
const key = (projectId: string | null) => ['files', 'project', projectId] as const;

export function useProjectFiles(projectId: string | null) {
  return useQuery({
    queryKey: key(projectId),
    queryFn: () => api.get<StoredFile[]>('/api/files', { query: owner(projectId!), noProject: true }),
    enabled: !!projectId,
  });
}

/** Where antd's Upload posts the multipart body (field `file`); the session cookie authorises it. */
export const projectUploadUrl = (projectId: string) => buildUrl('/api/files', owner(projectId));

/** Plain same-origin links: the session cookie is all a read needs, and the browser streams the file itself. */
export const fileUrl = (id: string, as: 'download' | 'thumb' | 'inline') =>
  `/api/files/${id}${as === 'download' ? '?download=1' : as === 'thumb' ? '?thumb=1' : ''}`;

export function useRefreshProjectFiles(projectId: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: key(projectId) });
}

/** 1536 → "1.5 KB" */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
