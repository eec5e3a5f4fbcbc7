import type { Transition } from '../transitions.ts';

export const workOrderStatuses = ['submitted', 'assigned', 'accepted', 'in_progress', 'paused', 'completed', 'confirmed', 'closed', 'cancelled'] as const;
export type WorkOrderStatus = (typeof workOrderStatuses)[number];

export const workOrderEvents = [
  'assign', 'grab', 'transfer', 'accept', 'reject', 'start', 'pause', 'resume', 'quote', 'accept_quote', 'decline_quote',
  'complete', 'confirm', 'reopen', 'close', 'cancel', 'revisit',
] as const;
export type WorkOrderEvent = (typeof workOrderEvents)[number];

/** Statuses in which the order still waits for someone to act on it (the SLA clocks run). */
export const openStatuses: readonly WorkOrderStatus[] = ['submitted', 'assigned', 'accepted', 'in_progress', 'paused'];
/** Before work starts the requester may still cancel. */
const notStarted = ['submitted', 'assigned', 'accepted'] as const;
/** Work has been done: the order can be revisited. */
const done = ['completed', 'confirmed', 'closed'] as const;

const D = 'workorder.dispatch';
const W = 'workorder.work';
const C = 'workorder.create';
const R = 'workorder.revisit';

/**
 * The work-order workflow. A (from, event) pair may have several rows: the first that fits the
 * actor (permission + relation) applies. `reopen` is further limited to N days after completion
 * (project setting), `grab` to orders in the grab pool, `complete` of a quoted order to a settled quote.
 */
export const workOrderTransitions = [
  { from: 'submitted', event: 'assign', to: 'assigned', permission: D },
  { from: 'submitted', event: 'grab', to: 'assigned', permission: W, actor: 'pool' },
  { from: 'assigned', event: 'transfer', to: 'assigned', permission: D },
  { from: 'accepted', event: 'transfer', to: 'assigned', permission: D },
  { from: 'paused', event: 'transfer', to: 'assigned', permission: D },
  { from: 'assigned', event: 'accept', to: 'accepted', permission: W, actor: 'assignee' },
  { from: 'assigned', event: 'reject', to: 'submitted', permission: W, actor: 'assignee' },
  { from: 'accepted', event: 'reject', to: 'submitted', permission: W, actor: 'assignee' },
  { from: 'accepted', event: 'start', to: 'in_progress', permission: W, actor: 'assignee' },
  { from: 'in_progress', event: 'pause', to: 'paused', permission: W, actor: 'assignee' },
  { from: 'paused', event: 'resume', to: 'in_progress', permission: W, actor: 'assignee' },
  { from: 'in_progress', event: 'quote', to: 'paused', permission: W, actor: 'assignee' },
  { from: 'paused', event: 'accept_quote', to: 'in_progress', permission: C, actor: 'requester' },
  { from: 'paused', event: 'accept_quote', to: 'in_progress', permission: D },
  { from: 'paused', event: 'decline_quote', to: 'in_progress', permission: C, actor: 'requester' },
  { from: 'paused', event: 'decline_quote', to: 'in_progress', permission: D },
  { from: 'in_progress', event: 'complete', to: 'completed', permission: W, actor: 'assignee' },
  { from: 'completed', event: 'confirm', to: 'confirmed', permission: C, actor: 'requester' },
  { from: 'completed', event: 'confirm', to: 'confirmed', permission: R },
  { from: 'completed', event: 'reopen', to: 'assigned', permission: C, actor: 'requester' },
  { from: 'completed', event: 'reopen', to: 'assigned', permission: D },
  { from: 'confirmed', event: 'reopen', to: 'assigned', permission: C, actor: 'requester' },
  { from: 'confirmed', event: 'reopen', to: 'assigned', permission: D },
  { from: 'completed', event: 'close', to: 'closed', permission: D },
  { from: 'confirmed', event: 'close', to: 'closed', permission: D },
  ...notStarted.flatMap((from) => [
    { from, event: 'cancel', to: 'cancelled', permission: C, actor: 'requester' },
    { from, event: 'cancel', to: 'cancelled', permission: D },
  ] as const),
  ...done.map((from) => ({ from, event: 'revisit', to: from, permission: R }) as const),
] as const satisfies readonly Transition<WorkOrderStatus, WorkOrderEvent>[];

export type WorkOrderTransition = (typeof workOrderTransitions)[number];
