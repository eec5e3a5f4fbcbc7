import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../shared/api.ts';
import type { Page } from '../../../shared/types.ts';
import { useInvalidatingMutation } from '../../../shared/useInvalidatingMutation.ts';
import { ESTATE_KEY } from './api.ts';
import type { Binding, BindingStatus, Person, PersonCreate, Vehicle, VehicleCreate, VehicleUpdate } from './types.ts';

export const PHONE = /^1[3-9]\d{9}$/;

export interface PersonQuery {
  /** name prefix */
  q?: string;
  /** exact phone or ID number (matched through the blind index) */
  phone?: string;
  idNo?: string;
  page: number;
  pageSize: number;
}

export function usePersons(query: PersonQuery, enabled = true) {
  return useQuery({
    queryKey: [...ESTATE_KEY, 'persons', query],
    queryFn: () => api.get<Page<Person>>('/api/persons', { query: { ...query } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** A person in full. The server audits every reveal, so it is fetched on demand and not kept in the cache. */
export function useRevealedPerson(id: string | null) {
  return useQuery({
    queryKey: [...ESTATE_KEY, 'person-revealed', id],
    queryFn: () => api.get<Person>(`/api/persons/${id}`, { query: { reveal: 1 } }),
    enabled: !!id,
    gcTime: 0,
    staleTime: Infinity,
    retry: false,
  });
}

export function useCreatePerson() {
  return useInvalidatingMutation(ESTATE_KEY, (body: PersonCreate) => api.post<Person>('/api/persons', body));
}

export interface VehicleQuery {
  plate?: string;
  page: number;
  pageSize: number;
}

export function useVehicles(query: VehicleQuery) {
  return useQuery({
    queryKey: [...ESTATE_KEY, 'vehicles', query],
    queryFn: () => api.get<Page<Vehicle>>('/api/vehicles', { query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}

export function useSaveVehicle() {
  return useInvalidatingMutation(ESTATE_KEY, (input: { id: string; update: VehicleUpdate } | { create: VehicleCreate }) =>
    'id' in input ? api.patch<Vehicle>(`/api/vehicles/${input.id}`, input.update) : api.post<Vehicle>('/api/vehicles', input.create),
  );
}

export interface BindingQuery {
  status?: BindingStatus;
  page: number;
  pageSize: number;
}

export function useBindings(query: BindingQuery) {
  return useQuery({
    queryKey: [...ESTATE_KEY, 'bindings', query],
    queryFn: () => api.get<Page<Binding>>('/api/binding-requests', { query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}

export function useDecideBinding() {
  return useInvalidatingMutation(ESTATE_KEY, (input: { id: string; approve: boolean; version: number; note?: string }) =>
    api.post<{ id: string; status: string }>(`/api/binding-requests/${input.id}/${input.approve ? 'approve' : 'reject'}`, {
      version: input.version,
      ...(input.note ? { note: input.note } : {}),
    }),
  );
}
