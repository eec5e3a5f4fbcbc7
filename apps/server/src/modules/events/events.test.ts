import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { createTenant, login, type Tenant } from '../../../test/factories.ts';

/** SSE is a long stream: tested on a real port, not through the fuzzers. */
let t: TestApp;
let tenant: Tenant;
let base: string;
beforeAll(async () => {
  t = await startTestApp();
  tenant = await createTenant(t);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as any).port}`;
});
afterAll(async () => t?.close());

function openStream(cookie: string) {
  const events: { type: string; data: any }[] = [];
  let status = 0;
  let close = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    const req = http.get(`${base}/api/events`, { headers: { cookie } }, (res) => {
      status = res.statusCode!;
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        buf += chunk;
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const type = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (type) events.push({ type, data: data ? JSON.parse(data) : null });
          if (type === 'ready') resolve();
        }
      });
      if (status !== 200) resolve();
    });
    req.on('error', reject);
    close = () => req.destroy();
  });
  return { events, ready, close: () => close(), status: () => status };
}

const until = async (cond: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
};

describe('server-sent events', () => {
  it('delivers an event to the addressed user only, and only after the transaction commits', async () => {
    const a = openStream(await login(t, tenant.users.technician!.phone));
    const b = openStream(await login(t, tenant.users.cleaner!.phone));
    await Promise.all([a.ready, b.ready]);
    const db = t.ctx.database.db;
    await db.transaction(async (tx) => {
      await t.ctx.events.publish(tx, [tenant.users.technician!.userId], { type: 'test.ping', data: { n: 1 } });
    });
    await db.transaction(async (tx) => {
      await t.ctx.events.publish(tx, [tenant.users.technician!.userId], { type: 'test.rolled_back' });
      tx.rollback();
    }).catch(() => {});
    await until(() => a.events.some((e) => e.type === 'test.ping'));
    await new Promise((r) => setTimeout(r, 200));
    expect(a.events.map((e) => e.type)).toEqual(['ready', 'test.ping']);
    expect(a.events[1]!.data).toEqual({ n: 1 });
    expect(b.events.map((e) => e.type)).toEqual(['ready']);
    a.close();
    b.close();
    await until(() => t.ctx.events.connections === 0);
    expect(t.ctx.events.connections).toBe(0);
  });

  it('refuses an anonymous stream with 401', async () => {
    const s = openStream('sid=nope');
    await s.ready;
    expect(s.status()).toBe(401);
    s.close();
  });
});
