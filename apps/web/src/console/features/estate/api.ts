import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api.ts';
import type { Page } from '../../../shared/types.ts';
import { useInvalidatingMutation } from '../../../shared/useInvalidatingMutation.ts';
import type {
  Building,
  BuildingGenerate,
  BuildingGrid,
  BuildingPreview,
  Occupancy,
  OwnershipTransfer,
  Room,
  RoomDetail,
  RoomResident,
  RoomResidentAdd,
  RoomStatus,
  RoomStatusChange,
  RoomStatusPeriod,
  RoomUpdate,
} from './types.ts';

/**
 * Every estate query sits under this key: a change anywhere (a status, an owner, a new building)
 * refetches what is on screen — grid colours, occupancy and lists move together.
 */
export const ESTATE_KEY = ['estate'] as const;

export interface RoomQuery {
  /** narrower than the header's project: pickers inside a form about one project */
  projectId?: string;
  buildingId?: string;
  status?: RoomStatus;
  q?: string;
  owner?: string;
  phone?: string;
  page: number;
  pageSize: number;
}

export function useBuildings(projectId: string | undefined) {
  return useQuery({
    queryKey: [...ESTATE_KEY, 'buildings', projectId],
    queryFn: () => api.get<Building[]>(`/api/projects/${projectId}/buildings`),
    enabled: !!projectId,
  });
}

export function useBuildingGrid(buildingId: string | undefined) {
  return useQuery({
    queryKey: [...ESTATE_KEY, 'grid', buildingId],
    queryFn: () => api.get<BuildingGrid>(`/api/buildings/${buildingId}/grid`),
    enabled: !!buildingId,
  });
}

/** Rooms by status on `date` (today when left out) for the selected project, or one building of it. */
export function useOccupancy(q: { buildingId?: string; date?: string }) {
  return useQuery({
    queryKey: [...ESTATE_KEY, 'occupancy', q],
    queryFn: () => api.get<Occupancy>('/api/estate/occupancy', { query: { ...q } }),
    placeholderData: keepPreviousData,
  });
}

/** 生成楼栋: `preview: true` only counts; a real create refreshes the tree. */
export function useGenerateBuilding(projectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BuildingGenerate) => api.post<BuildingPreview>(`/api/projects/${projectId}/buildings/generate`, body),
    onSuccess: (r) => (r.created ? qc.invalidateQueries({ queryKey: ESTATE_KEY }) : undefined),
  });
}

export function useRooms(query: RoomQuery, enabled = true) {
  return useQuery({
    queryKey: [...ESTATE_KEY, 'rooms', query],
    queryFn: () => api.get<Page<Room>>('/api/rooms', { query: { ...query } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useRoom(id: string | null) {
  return useQuery({
    queryKey: [...ESTATE_KEY, 'room', id],
    queryFn: () => api.get<RoomDetail>(`/api/rooms/${id}`),
    enabled: !!id,
  });
}

export function useRoomStatusHistory(id: string | null) {
  return useQuery({
    queryKey: [...ESTATE_KEY, 'room', id, 'history'],
    queryFn: () => api.get<RoomStatusPeriod[]>(`/api/rooms/${id}/status-history`),
    enabled: !!id,
  });
}

export function useRoomResidents(id: string | null) {
  return useQuery({
    queryKey: [...ESTATE_KEY, 'room', id, 'residents'],
    queryFn: () => api.get<RoomResident[]>(`/api/rooms/${id}/residents`),
    enabled: !!id,
  });
}

export function useUpdateRoom() {
  return useInvalidatingMutation(ESTATE_KEY, ({ id, body }: { id: string; body: RoomUpdate }) => api.patch<RoomDetail>(`/api/rooms/${id}`, body));
}

export function useChangeRoomStatus() {
  return useInvalidatingMutation(ESTATE_KEY, ({ id, body }: { id: string; body: RoomStatusChange }) =>
    api.post<RoomDetail>(`/api/rooms/${id}/status`, body),
  );
}

export function useAddResident() {
  return useInvalidatingMutation(ESTATE_KEY, ({ roomId, body }: { roomId: string; body: RoomResidentAdd }) =>
    api.post<{ id: string }>(`/api/rooms/${roomId}/residents`, body),
  );
}

export function useTransferOwnership() {
  return useInvalidatingMutation(ESTATE_KEY, ({ roomId, body }: { roomId: string; body: OwnershipTransfer }) =>
    api.post<RoomResident[]>(`/api/rooms/${roomId}/transfer`, body),
  );
}
