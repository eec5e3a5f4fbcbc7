import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { feeCategoryValues, payerValues, ZMoveIn, ZMoveOut, ZPayerSet, ZRoomMove, ZRoomMoveResult, ZRoomPayers } from '@wuye/shared';
import { api } from '../../../shared/api.ts';
import { useInvalidatingMutation } from '../../../shared/useInvalidatingMutation.ts';
import { ESTATE_KEY } from './api.ts';
import type { RoomStatus } from './types.ts';

export type RoomMove = z.infer<typeof ZRoomMove>;
export type MoveIn = z.input<typeof ZMoveIn>;
export type MoveOut = z.input<typeof ZMoveOut>;
export type RoomPayers = z.infer<typeof ZRoomPayers>;
export type PayerSet = z.input<typeof ZPayerSet>;
export type PayerCategory = PayerSet['category'];
export type Payer = (typeof payerValues)[number];

// Restated from the shared contracts (the page bundle does not pull in zod); the i18n catalogue's
// `satisfies Labels<typeof feeCategoryValues>` keeps the list and its labels in step.
export const FEE_CATEGORIES: readonly (typeof feeCategoryValues)[number][] = ['property_fee', 'water', 'electricity', 'gas', 'parking', 'heating', 'other'];
/** '*' first: the room's default, which every category without its own rule follows */
export const PAYER_CATEGORIES: readonly PayerCategory[] = ['*', ...FEE_CATEGORIES];
export const PAYERS: readonly Payer[] = ['owner', 'tenant'];
/** Statuses in which someone lives in the room (`livedInStatusValues`): 搬出 applies, 入住 does not. */
export const LIVED_IN: readonly RoomStatus[] = ['occupied', 'rented'];

export function useRoomMoves(id: string | null) {
  return useQuery({
    queryKey: [...ESTATE_KEY, 'room', id, 'moves'],
    queryFn: () => api.get<RoomMove[]>(`/api/rooms/${id}/moves`),
    enabled: !!id,
  });
}

/**
 * 入住 / 搬出 change the room's dated status, so everything under the estate key is refetched:
 * the room, its status history and moves, the building grid, occupancy and the rooms list.
 */
export function useMoveRoom() {
  return useInvalidatingMutation(ESTATE_KEY, (input: { roomId: string; in: MoveIn } | { roomId: string; out: MoveOut }) =>
    'in' in input
      ? api.post<z.infer<typeof ZRoomMoveResult>>(`/api/rooms/${input.roomId}/move-in`, input.in)
      : api.post<z.infer<typeof ZRoomMoveResult>>(`/api/rooms/${input.roomId}/move-out`, input.out),
  );
}

export function useRoomPayers(id: string | null) {
  return useQuery({
    queryKey: [...ESTATE_KEY, 'room', id, 'payers'],
    queryFn: () => api.get<RoomPayers>(`/api/rooms/${id}/payers`),
    enabled: !!id,
  });
}

export function useSetPayer() {
  return useInvalidatingMutation([...ESTATE_KEY, 'room'], ({ roomId, body }: { roomId: string; body: PayerSet }) =>
    api.put<RoomPayers>(`/api/rooms/${roomId}/payers`, body),
  );
}
