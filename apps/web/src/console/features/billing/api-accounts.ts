import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ZBill, ZBillDetail, ZBillQuery, ZBillRow, ZBillRun, ZBillRunInput, ZBillRunPreview, ZBillRunQuery, ZHeldMovementResult, ZLedgerEntry,
  ZRoomPrepaidAccounts, ZRoomStatement, ZWaiver, ZWaiverCreate, ZWaiverQuery,
} from '@wuye/shared';
import { api } from '../../../shared/api.ts';
import type { Page } from '../../../shared/types.ts';
import { useInvalidatingMutation } from '../../../shared/useInvalidatingMutation.ts';
import { BILLING_KEY } from './api.ts';

export type BillRun = z.output<typeof ZBillRun>;
export type BillRunInput = z.input<typeof ZBillRunInput>;
export type BillRunPreview = z.output<typeof ZBillRunPreview>;
export type BillRunQuery = Omit<z.input<typeof ZBillRunQuery>, 'page' | 'pageSize'> & { page: number; pageSize: number };
export type BillRow = z.output<typeof ZBillRow>;
export type BillDetail = z.output<typeof ZBillDetail>;
export type Bill = z.output<typeof ZBill>;
export type BillQuery = Omit<z.input<typeof ZBillQuery>, 'page' | 'pageSize'> & { page: number; pageSize: number };
export type LedgerEntry = z.output<typeof ZLedgerEntry>;
export type Waiver = z.output<typeof ZWaiver>;
export type WaiverCreate = z.input<typeof ZWaiverCreate>;
export type WaiverQuery = Omit<z.input<typeof ZWaiverQuery>, 'page' | 'pageSize'> & { page: number; pageSize: number };
export type RoomAccounts = z.output<typeof ZRoomPrepaidAccounts>;
export type RoomStatement = z.output<typeof ZRoomStatement>;
type MovementResult = z.output<typeof ZHeldMovementResult>;

// ── bill runs ──
const active = (r?: BillRun) => r?.status === 'queued' || r?.status === 'running';

export function useBillRuns(query: BillRunQuery) {
  return useQuery({
    queryKey: [...BILLING_KEY, 'runs', query],
    queryFn: () => api.get<Page<BillRun>>('/api/billing/runs', { query: { ...query } }),
    placeholderData: keepPreviousData,
    // a run still working is followed on the list too
    refetchInterval: (q) => (q.state.data?.items.some(active) ? 2000 : false),
  });
}

/** One run, polled every second while it is queued or running. */
export function useBillRun(id: string | null) {
  return useQuery({
    queryKey: [...BILLING_KEY, 'run', id],
    queryFn: () => api.get<BillRun>(`/api/billing/runs/${id}`),
    enabled: !!id,
    refetchInterval: (q) => (active(q.state.data) ? 1000 : false),
  });
}

export function usePreviewRun() {
  return useMutation({ mutationFn: (input: BillRunInput) => api.post<BillRunPreview>('/api/billing/runs/preview', input) });
}
export function useStartRun() {
  return useInvalidatingMutation(BILLING_KEY, (input: BillRunInput) => api.post<BillRun>('/api/billing/runs', input));
}
export function useCancelRun() {
  return useInvalidatingMutation(BILLING_KEY, ({ id, ...body }: { id: string; version: number; reason: string }) =>
    api.post<BillRun>(`/api/billing/runs/${id}/cancel`, body));
}

// ── bills ──
export function useBills(query: BillQuery) {
  return useQuery({
    queryKey: [...BILLING_KEY, 'bills', query],
    queryFn: () => api.get<Page<BillRow>>('/api/billing/bills', { query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}
export function useBill(id: string | null) {
  return useQuery({ queryKey: [...BILLING_KEY, 'bill', id], queryFn: () => api.get<BillDetail>(`/api/billing/bills/${id}`), enabled: !!id });
}

// ── waivers ──
export function useWaivers(query: WaiverQuery) {
  return useQuery({
    queryKey: [...BILLING_KEY, 'waivers', query],
    queryFn: () => api.get<Page<Waiver>>('/api/billing/waivers', { query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}
export function useRequestWaiver() {
  return useInvalidatingMutation(BILLING_KEY, (input: WaiverCreate) => api.post<Waiver>('/api/billing/waivers', input));
}
export function useDecideWaiver() {
  return useInvalidatingMutation(BILLING_KEY, ({ id, decision, ...body }: { id: string; decision: 'approve' | 'reject' | 'withdraw'; version: number; note?: string }) =>
    api.post<Waiver>(`/api/billing/waivers/${id}/${decision}`, body));
}

// ── a room's account ──
export function useRoomBills(roomId: string) {
  return useQuery({ queryKey: [...BILLING_KEY, 'room-bills', roomId], queryFn: () => api.get<Bill[]>(`/api/rooms/${roomId}/bills`) });
}
export function useRoomLedger(roomId: string) {
  return useQuery({ queryKey: [...BILLING_KEY, 'room-ledger', roomId], queryFn: () => api.get<LedgerEntry[]>(`/api/rooms/${roomId}/ledger`) });
}
export function useRoomAccounts(roomId: string) {
  return useQuery({ queryKey: [...BILLING_KEY, 'room-accounts', roomId], queryFn: () => api.get<RoomAccounts>(`/api/rooms/${roomId}/accounts`) });
}
export function useRoomStatement(roomId: string, from: string, to: string, enabled: boolean) {
  return useQuery({
    queryKey: [...BILLING_KEY, 'statement', roomId, from, to],
    queryFn: () => api.get<RoomStatement>(`/api/rooms/${roomId}/statement`, { query: { from, to } }),
    enabled,
  });
}

export type HeldMovement =
  | { kind: 'prepaid'; amountFen: number; feeItemId: string | null; note: string | null }
  | { kind: 'deposit'; amountFen: number; feeItemId: string; note: string | null };

export function useRecordHeld(roomId: string) {
  return useInvalidatingMutation(BILLING_KEY, (m: HeldMovement) =>
    m.kind === 'prepaid'
      ? api.post<MovementResult>(`/api/rooms/${roomId}/prepaid`, { amountFen: m.amountFen, feeItemId: m.feeItemId, note: m.note })
      : api.post<MovementResult>(`/api/rooms/${roomId}/deposits`, { feeItemId: m.feeItemId, amountFen: m.amountFen, note: m.note }));
}
