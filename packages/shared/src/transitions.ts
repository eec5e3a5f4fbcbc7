/**
 * State machines are data: a table of (from, event, to, permission). The server applies an event
 * only if a row allows it; the UI renders the buttons from the same rows.
 */
export type TransitionActor = 'assignee' | 'requester' | 'pool';

export interface Transition<S extends string, E extends string> {
  from: S;
  event: E;
  to: S;
  permission: string;
  /** who besides the permission must the actor be (assignee of the record, its requester, or eligible for its grab pool) */
  actor?: TransitionActor;
}

/** What the actor is to this record; a row with `actor` applies only when that relation holds. */
export type ActorRelations = Partial<Record<TransitionActor, boolean>>;

const fits = (t: Transition<string, string>, permissions: ReadonlySet<string>, rel: ActorRelations) =>
  permissions.has(t.permission) && (!t.actor || rel[t.actor] === true);

/** Events this actor may fire from `from` (each once, in table order). */
export function allowedEvents<S extends string, E extends string>(
  table: readonly Transition<S, E>[],
  from: S,
  permissions: ReadonlySet<string>,
  relations: ActorRelations = {},
): E[] {
  const out: E[] = [];
  for (const t of table) if (t.from === from && fits(t, permissions, relations) && !out.includes(t.event)) out.push(t.event);
  return out;
}

/** Every event the table knows from `from`, whoever may fire it (for "allowed events" in a 409). */
export function eventsFrom<S extends string, E extends string>(table: readonly Transition<S, E>[], from: S): E[] {
  return [...new Set(table.filter((t) => t.from === from).map((t) => t.event))];
}

export function findTransition<S extends string, E extends string>(
  table: readonly Transition<S, E>[],
  from: S,
  event: E,
): Transition<S, E> | undefined {
  return table.find((t) => t.from === from && t.event === event);
}

/**
 * The row that lets this actor fire `event` from `from`:
 * `illegal` when no row has that (from, event) at all (→ 409), `forbidden` when rows exist but the
 * actor fits none of them (→ 403).
 */
export function resolveTransition<S extends string, E extends string>(
  table: readonly Transition<S, E>[],
  from: S,
  event: E,
  permissions: ReadonlySet<string>,
  relations: ActorRelations = {},
): { ok: true; transition: Transition<S, E> } | { ok: false; reason: 'illegal' | 'forbidden' } {
  const rows = table.filter((t) => t.from === from && t.event === event);
  if (rows.length === 0) return { ok: false, reason: 'illegal' };
  const row = rows.find((t) => fits(t, permissions, relations));
  return row ? { ok: true, transition: row } : { ok: false, reason: 'forbidden' };
}
