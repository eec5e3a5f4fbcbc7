/**
 * State machines are data: a table of (from, event, to, permission). The server applies an event
 * only if a row allows it; the UI renders the buttons from the same rows.
 */
export interface Transition<S extends string, E extends string> {
  from: S;
  event: E;
  to: S;
  permission: string;
  /** who besides the permission must the actor be */
  actor?: 'assignee' | 'requester';
}

export function allowedEvents<S extends string, E extends string>(
  table: readonly Transition<S, E>[],
  from: S,
  permissions: ReadonlySet<string>,
): E[] {
  return table.filter((t) => t.from === from && permissions.has(t.permission)).map((t) => t.event);
}

export function findTransition<S extends string, E extends string>(
  table: readonly Transition<S, E>[],
  from: S,
  event: E,
): Transition<S, E> | undefined {
  return table.find((t) => t.from === from && t.event === event);
}
