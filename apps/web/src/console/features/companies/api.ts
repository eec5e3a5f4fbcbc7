import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api.ts';
import type { Company } from '../../../shared/types.ts';

const KEY = ['platform', 'companies'] as const;

export interface CompanyCreate {
  code: string;
  name: string;
  admin: { name: string; phone: string; username?: string; password: string };
}

export function useCompanies() {
  return useQuery({ queryKey: KEY, queryFn: () => api.get<Company[]>('/api/platform/companies', { noProject: true }) });
}

export function useCreateCompany() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CompanyCreate) => api.post<Company>('/api/platform/companies', body, { noProject: true }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}
