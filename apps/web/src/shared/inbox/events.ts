/**
 * The page's one Server-Sent Events stream (`GET /api/events`, same-origin session cookie).
 * Opened when the first subscriber arrives (a signed-in shell mounts), closed when the last one
 * leaves (sign-out unmounts the shell). The browser reconnects by itself after a dropped
 * connection; when the server refuses the stream (non-200, e.g. a 5xx during a restart) the
 * browser gives up, so we reopen it with a growing delay while someone is still listening.
 */
export interface ServerEvent {
  /** increasing per page: lets several listeners react to one message only once */
  seq: number;
  type: string;
  data: unknown;
  /** on `ready`: true when this is a reconnect (events may have been missed meanwhile) */
  reconnect: boolean;
}
type Handler = (e: ServerEvent) => void;

interface Subscription {
  types: ReadonlySet<string>;
  handler: Handler;
}

const URL = '/api/events';
const MIN_DELAY = 3_000;
const MAX_DELAY = 60_000;

const subscriptions = new Set<Subscription>();
let source: EventSource | null = null;
let listened = new Set<string>();
let seq = 0;
let connects = 0;
let delay = MIN_DELAY;
let reopenTimer: ReturnType<typeof setTimeout> | undefined;
let closeTimer: ReturnType<typeof setTimeout> | undefined;

/** Mirrored on `<html data-live-events>` for diagnostics (and for tests to wait for the stream). */
function mark(state: 'open' | 'connecting' | 'closed') {
  if (typeof document !== 'undefined') document.documentElement.dataset.liveEvents = state;
}

function parse(raw: unknown): unknown {
  if (typeof raw !== 'string' || !raw) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function dispatch(type: string, raw: unknown) {
  if (type === 'ready') {
    connects += 1;
    delay = MIN_DELAY;
    mark('open');
  }
  const event: ServerEvent = { seq: ++seq, type, data: parse(raw), reconnect: type === 'ready' && connects > 1 };
  for (const s of [...subscriptions]) {
    if (!s.types.has(type)) continue;
    try {
      s.handler(event);
    } catch (err) {
      console.warn('server event handler failed', err);
    }
  }
}

function listen(type: string) {
  if (!source || listened.has(type)) return;
  listened.add(type);
  source.addEventListener(type, (m) => dispatch(type, (m as MessageEvent).data));
}

function open() {
  if (source || typeof EventSource === 'undefined') return;
  const es = new EventSource(URL);
  source = es;
  mark('connecting');
  listened = new Set();
  listen('ready');
  for (const s of subscriptions) for (const type of s.types) listen(type);
  es.onerror = () => {
    if (source !== es) return;
    if (es.readyState !== EventSource.CLOSED) {
      mark('connecting'); // the browser is retrying by itself
      return;
    }
    source = null;
    mark('closed');
    clearTimeout(reopenTimer);
    reopenTimer = setTimeout(() => {
      if (subscriptions.size) open();
    }, delay);
    delay = Math.min(delay * 2, MAX_DELAY);
  };
}

function close() {
  clearTimeout(reopenTimer);
  source?.close();
  source = null;
  mark('closed');
  connects = 0;
  delay = MIN_DELAY;
}

/** Listen to some event types; returns the unsubscribe function. */
export function subscribeServerEvents(types: readonly string[], handler: Handler): () => void {
  const sub: Subscription = { types: new Set(types), handler };
  subscriptions.add(sub);
  clearTimeout(closeTimer);
  if (source) for (const type of types) listen(type);
  else open();
  return () => {
    subscriptions.delete(sub);
    if (subscriptions.size) return;
    // a remount in the same tick (React StrictMode, a route change) keeps the connection
    clearTimeout(closeTimer);
    closeTimer = setTimeout(() => {
      if (!subscriptions.size) close();
    }, 0);
  };
}

/** Whether the stream is open (for diagnostics and tests). */
export function serverEventsState(): 'open' | 'connecting' | 'closed' {
  if (!source) return 'closed';
  return source.readyState === EventSource.OPEN ? 'open' : 'connecting';
}
