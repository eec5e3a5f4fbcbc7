import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../shared/api.ts';
import type { Page } from '../../../shared/types.ts';
import { useInvalidatingMutation } from '../../../shared/useInvalidatingMutation.ts';
import { ESTATE_KEY } from './api.ts';
import type { Facility, FacilityCreate, FacilityUpdate, ParkingCreate, ParkingSpace, ParkingUpdate } from './types.ts';

export interface PlaceQuery {
  /** parking: code contains; facilities: name contains */
  q?: string;
  page: number;
  pageSize: number;
}

export function useParkingSpaces(query: PlaceQuery, enabled = true) {
  return useQuery({
    queryKey: [...ESTATE_KEY, 'parking', query],
    queryFn: () => api.get<Page<ParkingSpace>>('/api/parking-spaces', { query: { ...query } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useSaveParking() {
  return useInvalidatingMutation(ESTATE_KEY, (input: { id: string; update: ParkingUpdate } | { create: ParkingCreate }) =>
    'id' in input ? api.patch<ParkingSpace>(`/api/parking-spaces/${input.id}`, input.update) : api.post<ParkingSpace>('/api/parking-spaces', input.create),
  );
}

export function useFacilities(query: PlaceQuery) {
  return useQuery({
    queryKey: [...ESTATE_KEY, 'facilities', query],
    queryFn: () => api.get<Page<Facility>>('/api/facilities', { query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}

export function useSaveFacility() {
  return useInvalidatingMutation(ESTATE_KEY, (input: { id: string; update: FacilityUpdate } | { create: FacilityCreate }) =>
    'id' in input ? api.patch<Facility>(`/api/facilities/${input.id}`, input.update) : api.post<Facility>('/api/facilities', input.create),
  );
}
