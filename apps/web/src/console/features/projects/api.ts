import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api.ts';
import { ME_KEY } from '../../../shared/auth.ts';
import type { Project } from '../../../shared/types.ts';

const KEY = ['projects'] as const;

export interface ProjectCreate {
  code: string;
  name: string;
}
export interface ProjectUpdate {
  version: number;
  name?: string;
  status?: Project['status'];
}

/** The company's projects. The list is not narrowed by the project switcher. */
export function useProjects() {
  return useQuery({ queryKey: KEY, queryFn: () => api.get<Project[]>('/api/projects', { noProject: true }) });
}

export function useSaveProject() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: string; create?: ProjectCreate; update?: ProjectUpdate }) =>
      input.id
        ? api.patch<Project>(`/api/projects/${input.id}`, input.update, { noProject: true })
        : api.post<Project>('/api/projects', input.create, { noProject: true }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: KEY });
      // the project switcher lists me.projects
      await qc.invalidateQueries({ queryKey: ME_KEY });
    },
  });
}
