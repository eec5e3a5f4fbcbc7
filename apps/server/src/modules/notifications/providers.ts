import { sql } from 'drizzle-orm';
import type { Channel } from '@wuye/shared';
import type { Database } from '../../db/client.ts';

export interface OutgoingMessage {
  /** the stable message id (delivery id): providers that deduplicate get it as their idempotency key */
  id: string;
  event: string;
  to: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
}

export interface ChannelProvider {
  channel: Channel;
  send(msg: OutgoingMessage): Promise<{ ref: string }>;
}

export class ProviderError extends Error {
  constructor(message: string, readonly retryable = true) { super(message); }
}

/** What a sandbox provider should do next: succeed, fail, or hang past the timeout. */
export type SandboxMode = 'ok' | 'error' | 'timeout';

/**
 * Local stand-in for a provider (SMS, WeChat, e-mail when no SMTP is configured): records what it
 * would send, deduplicated by message id exactly like a provider honouring an idempotency key,
 * and can be told to fail so retries and dead letters can be seen.
 */
export class SandboxProvider implements ChannelProvider {
  mode: SandboxMode = 'ok';
  failuresLeft = Infinity;
  /** simulated provider latency for each successful send */
  delayMs = 0;
  constructor(readonly channel: Channel, private database: Database, private timeoutMs = 2000) {}

  setMode(mode: SandboxMode, times = Infinity) {
    this.mode = mode;
    this.failuresLeft = times;
  }

  async send(msg: OutgoingMessage) {
    if (this.mode !== 'ok' && this.failuresLeft > 0) {
      const mode = this.mode;
      if (--this.failuresLeft <= 0) this.mode = 'ok';
      if (mode === 'timeout') await new Promise((r) => setTimeout(r, this.timeoutMs));
      throw new ProviderError(mode === 'timeout' ? `${this.channel} provider timed out` : `${this.channel} provider returned an error`);
    }
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    const res: any = await this.database.db.execute(sql`
      insert into sandbox_messages (id, channel, dedupe_key, "to", content)
      values (uuid_v7(), ${this.channel}, ${msg.id}, ${msg.to}, ${JSON.stringify({ title: msg.title, body: msg.body, data: msg.data })}::jsonb)
      on conflict (channel, dedupe_key) do update set dedupe_key = excluded.dedupe_key
      returning id`);
    return { ref: `sandbox:${res.rows[0].id}` };
  }
}
