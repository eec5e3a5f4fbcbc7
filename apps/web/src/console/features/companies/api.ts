import { useQuery } from '@tanstack/react-query';
import { api } from '../../../shared/api.ts';
import type { Company } from '../../../shared/types.ts';
import { useInvalidatingMutation } from '../../../shared/useInvalidatingMutation.ts';

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
  return useInvalidatingMutation(KEY, (body: CompanyCreate) => api.post<Company>('/api/platform/companies', body, { noProject: true }));
}
