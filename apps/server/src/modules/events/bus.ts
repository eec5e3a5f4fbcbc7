import pg from 'pg';
import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.ts';

export interface PushEvent { type: string; data?: unknown }
type Listener = (e: PushEvent) => void;

const CHANNEL = 'wuye_events';
/** NOTIFY payloads are limited to 8000 bytes: events carry ids, clients fetch details. */
const MAX_PAYLOAD = 7900;

/**
 * Real-time events for signed-in users. Published with pg_notify inside the business transaction,
 * so a rolled-back change pushes nothing; every instance LISTENs and forwards to its own SSE
 * clients. PGlite supports LISTEN/NOTIFY in-process, so the path is the same on both drivers.
 */
export class EventBus {
  private listeners = new Map<string, Set<Listener>>();
  private systemListeners = new Set<(type: string) => void>();
  private stopListening: (() => Promise<void>) | null = null;

  constructor(private database: Database, private connectionString?: string) {}

  async start() {
    const onMessage = (payload: string) => this.dispatch(payload);
    if (this.database.kind === 'pglite') {
      this.stopListening = await this.database.pglite!.listen(CHANNEL, onMessage);
      return;
    }
    const client = new pg.Client({ connectionString: this.connectionString, application_name: 'wuye-listen' });
    client.on('error', () => {});
    await client.connect();
    client.on('notification', (n) => n.payload && onMessage(n.payload));
    await client.query(`LISTEN ${CHANNEL}`);
    this.stopListening = async () => { await client.end().catch(() => {}); };
  }

  async stop() {
    await this.stopListening?.();
    this.stopListening = null;
  }

  async publish(tx: Executor, userIds: string[], event: PushEvent) {
    if (userIds.length === 0) return;
    const payload = JSON.stringify({ u: userIds, e: event });
    if (Buffer.byteLength(payload) > MAX_PAYLOAD) throw new Error(`event payload too large (${event.type})`);
    await tx.execute(sql`select pg_notify(${CHANNEL}, ${payload})`);
  }

  /** An instance-wide message (e.g. "authorisation changed: drop caches"), delivered on commit to every instance. */
  async publishSystem(tx: Executor, type: string) {
    await tx.execute(sql`select pg_notify(${CHANNEL}, ${JSON.stringify({ s: type })})`);
  }

  onSystem(listener: (type: string) => void): () => void {
    this.systemListeners.add(listener);
    return () => this.systemListeners.delete(listener);
  }

  subscribe(userId: string, listener: Listener): () => void {
    let set = this.listeners.get(userId);
    if (!set) this.listeners.set(userId, (set = new Set()));
    set.add(listener);
    return () => {
      set!.delete(listener);
      if (set!.size === 0) this.listeners.delete(userId);
    };
  }

  get connections(): number {
    let n = 0;
    for (const s of this.listeners.values()) n += s.size;
    return n;
  }

  private dispatch(payload: string) {
    let msg: { u?: string[]; e?: PushEvent; s?: string };
    try { msg = JSON.parse(payload); } catch { return; }
    if (msg.s) for (const l of this.systemListeners) l(msg.s);
    for (const u of msg.u ?? []) for (const l of this.listeners.get(u) ?? []) l(msg.e!);
  }
}
