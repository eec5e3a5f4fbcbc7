import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../apps/server/src/context.ts';
import { sha256 } from '../../apps/server/src/lib/tokens.ts';

export interface SseFigures { clients: number; rounds: number; p50Ms: number; p99Ms: number; maxMs: number; missed: number }

/**
 * Opens `clients` SSE streams (one session each) against the running app, then publishes an event
 * to all of them inside a transaction and times commit → arrival at every client.
 */
export async function measureSseFanout(ctx: AppContext, port: number, companyId: string, clients: number, rounds: number): Promise<SseFigures> {
  const res: any = await ctx.database.db.execute(sql`select user_id as id from memberships where company_id = ${companyId} limit ${clients}`);
  const userIds: string[] = res.rows.map((r: any) => r.id);
  const tokens = userIds.map(() => randomBytes(24).toString('base64url'));
  await ctx.database.db.execute(sql`
    insert into sessions (id, token_hash, user_id, company_id, expires_at)
    select uuid_v7(), t.h, t.u, ${companyId}, now() + interval '1 day'
      from unnest(${sql.param(tokens.map(sha256))}::text[], ${sql.param(userIds)}::uuid[]) as t(h, u)`);

  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  let onEvent: (i: number, type: string) => void = () => {};
  const requests: http.ClientRequest[] = [];
  await Promise.all(tokens.map((token, i) => new Promise<void>((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/api/events', agent, headers: { cookie: `sid=${token}` } }, (r) => {
      if (r.statusCode !== 200) return reject(new Error(`SSE ${r.statusCode}`));
      r.setEncoding('utf8');
      let buf = '';
      r.on('data', (chunk: string) => {
        buf += chunk;
        let k;
        while ((k = buf.indexOf('\n\n')) >= 0) {
          const type = /^event: (.*)$/m.exec(buf.slice(0, k))?.[1];
          buf = buf.slice(k + 2);
          if (type === 'ready') resolve();
          else if (type) onEvent(i, type);
        }
      });
    });
    req.on('error', reject);
    requests.push(req);
  })));

  const latencies: number[] = [];
  let missed = 0;
  for (let round = 0; round < rounds; round++) {
    const arrived = new Array<number>(clients).fill(0);
    let count = 0;
    const done = new Promise<void>((resolve) => {
      onEvent = (i, type) => {
        if (type !== 'inbox.new' || arrived[i]) return;
        arrived[i] = performance.now();
        if (++count === clients) resolve();
      };
    });
    let committed = 0;
    await ctx.database.db.transaction(async (tx) => {
      await ctx.notifier.notify(tx, 'system.broadcast', { companyId, userIds }, { title: `第 ${round + 1} 轮`, content: '压测', sender: 'bench' });
    });
    committed = performance.now();
    await Promise.race([done, new Promise((r) => setTimeout(r, 10_000))]);
    for (const t of arrived) {
      if (t) latencies.push(t - committed);
      else missed++;
    }
  }
  for (const r of requests) r.destroy();
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]! * 10) / 10;
  return { clients, rounds, p50Ms: pct(0.5), p99Ms: pct(0.99), maxMs: pct(1), missed };
}
