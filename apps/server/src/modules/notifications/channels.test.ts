import http from 'node:http';
import https from 'node:https';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createECDH, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { createUser, login } from '../../../test/factories.ts';
import { SmtpEmailProvider } from './email.provider.ts';
import { ProviderError } from './providers.ts';
import { WebPushProvider } from './webpush.provider.ts';
import { WeChatTemplateProvider } from './wechat.provider.ts';

/** Each real adapter against a local peer that speaks its protocol: SMTP, Web Push, WeChat's HTTP API. */
let t: TestApp;
beforeAll(async () => { t = await startTestApp({ env: { PUSH_ALLOWED_HOSTS: '127.0.0.1' } }); });
afterAll(async () => t?.close());

function listen(handler: http.RequestListener): Promise<{ url: string; close(): void }> {
  const server = http.createServer(handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    resolve({ url: `http://127.0.0.1:${(server.address() as any).port}`, close: () => server.close() });
  }));
}
/** A local HTTPS "push service" with a throw-away certificate (web-push only speaks HTTPS). */
function tlsPair() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-tls-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
    '-keyout', path.join(dir, 'k.pem'), '-out', path.join(dir, 'c.pem'), '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  return { key: fs.readFileSync(path.join(dir, 'k.pem')), cert: fs.readFileSync(path.join(dir, 'c.pem')) };
}
function listenTls(handler: http.RequestListener): Promise<{ url: string; agent: https.Agent; close(): void }> {
  const tls = tlsPair();
  const server = https.createServer(tls, handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    resolve({ url: `https://127.0.0.1:${(server.address() as any).port}`, agent: new https.Agent({ ca: tls.cert }), close: () => server.close() });
  }));
}
const readBody = (req: http.IncomingMessage) => new Promise<Buffer>((r) => { const c: Buffer[] = []; req.on('data', (d) => c.push(d)); req.on('end', () => r(Buffer.concat(c))); });

describe('e-mail over SMTP', () => {
  it('hands the message to an SMTP server with the stable message id', async () => {
    const received: { from: string; to: string[]; raw: string }[] = [];
    const server = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS'],
      onData(stream, session, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (d) => chunks.push(d));
        stream.on('end', () => { received.push({ from: session.envelope.mailFrom ? (session.envelope.mailFrom as any).address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString() }); cb(); });
      },
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.server.address() as any).port;
    const provider = new SmtpEmailProvider(`smtp://127.0.0.1:${port}`, '物业 <noreply@wuye.test>');
    const id = crypto.randomUUID();
    const res = await provider.send({ id, event: 'account.locked', to: 'hq@wuye.test', title: '员工账号已锁定', body: '请核实后解锁', data: {} });
    expect(res.ref).toContain(id);
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual(['hq@wuye.test']);
    expect(received[0]!.raw).toContain(`Message-ID: <${id}@wuye.notifications>`);
    await new Promise<void>((r) => server.close(() => r()));
    await expect(provider.send({ id, event: 'x', to: 'a@b.c', title: 't', body: 'b', data: {} })).rejects.toBeInstanceOf(ProviderError);
  });
});

describe('Web Push', () => {
  it('subscribes a device (only to allowed push services) and sends an encrypted, VAPID-signed push', async () => {
    const pushes: { headers: http.IncomingHttpHeaders; body: Buffer }[] = [];
    const push = await listenTls(async (req, res) => { pushes.push({ headers: req.headers, body: await readBody(req) }); res.writeHead(201).end(); });
    const u = await createUser(t);
    const cookie = await login(t, u.phone);
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    const keys = { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') };
    const bad = await t.app.inject({ method: 'POST', url: '/api/me/push-subscriptions', headers: { cookie }, payload: { endpoint: 'https://evil.example/x', keys } });
    expect(bad.statusCode).toBe(400);
    const ok = await t.app.inject({ method: 'POST', url: '/api/me/push-subscriptions', headers: { cookie }, payload: { endpoint: `${push.url}/push/abc`, keys } });
    expect(ok.statusCode).toBe(200);
    const vapid = (await t.app.inject({ method: 'GET', url: '/api/push/vapid-public-key', headers: { cookie } })).json();
    expect(vapid.publicKey).toMatch(/^[A-Za-z0-9_-]{80,}$/);

    const provider = new WebPushProvider(t.ctx.database, 'mailto:ops@wuye.test', push.agent);
    await provider.send({ id: crypto.randomUUID(), event: 'system.broadcast', to: u.userId, title: '停水', body: '明天停水', data: {} });
    expect(pushes).toHaveLength(1);
    expect(pushes[0]!.headers['content-encoding']).toBe('aes128gcm');
    expect(String(pushes[0]!.headers.authorization)).toMatch(new RegExp(`^vapid t=.+, k=${vapid.publicKey}$`));
    expect(pushes[0]!.body.toString()).not.toContain('停水'); // encrypted end to end
    push.close();
  });

  it('drops a subscription the push service says is gone', async () => {
    const gone = await listenTls((_req, res) => res.writeHead(410).end());
    const u = await createUser(t);
    const cookie = await login(t, u.phone);
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    await t.app.inject({ method: 'POST', url: '/api/me/push-subscriptions', headers: { cookie }, payload: { endpoint: `${gone.url}/p/1`, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') } } });
    const provider = new WebPushProvider(t.ctx.database, 'mailto:ops@wuye.test', gone.agent);
    await provider.send({ id: crypto.randomUUID(), event: 'x', to: u.userId, title: 't', body: 'b', data: {} });
    await expect(provider.send({ id: crypto.randomUUID(), event: 'x', to: u.userId, title: 't', body: 'b', data: {} })).rejects.toThrow(/no push subscription/);
    gone.close();
  });
});

describe('WeChat template messages', () => {
  it('gets a stable token, sends with client_msg_id, and refreshes a token WeChat calls invalid', async () => {
    const calls: { path: string; body: any }[] = [];
    let tokens = 0;
    const wx = await listen(async (req, res) => {
      const body = JSON.parse((await readBody(req)).toString() || '{}');
      calls.push({ path: req.url!, body });
      res.setHeader('content-type', 'application/json');
      if (req.url!.startsWith('/cgi-bin/stable_token')) return res.end(JSON.stringify({ access_token: `tok${++tokens}`, expires_in: 7200 }));
      if (req.url!.includes('access_token=tok1')) return res.end(JSON.stringify({ errcode: 40001, errmsg: 'invalid credential' }));
      if (body.touser === 'gone') return res.end(JSON.stringify({ errcode: 43004, errmsg: 'require subscribe' }));
      return res.end(JSON.stringify({ errcode: 0, errmsg: 'ok', msgid: 4242 }));
    });
    const provider = new WeChatTemplateProvider({
      appId: 'wx123', appSecret: 's3cret', apiBase: wx.url,
      templates: { 'system.broadcast': { templateId: 'TPL1', data: { thing1: '{{title}}', thing2: '{{content}}' } } },
    });
    const id = crypto.randomUUID();
    const res = await provider.send({ id, event: 'system.broadcast', to: 'openid-1', title: '停水通知', body: '…', data: { title: '停水通知', content: '明天 9 点停水' } });
    expect(res.ref).toBe('wechat:4242');
    const sends = calls.filter((c) => c.path.startsWith('/cgi-bin/message/template/send'));
    expect(sends).toHaveLength(2); // first with the stale token, then after force_refresh
    expect(calls.filter((c) => c.path.startsWith('/cgi-bin/stable_token')).map((c) => c.body.force_refresh)).toEqual([false, true]);
    expect(sends[1]!.body).toMatchObject({ touser: 'openid-1', template_id: 'TPL1', client_msg_id: id, data: { thing1: { value: '停水通知' }, thing2: { value: '明天 9 点停水' } } });
    const gone = provider.send({ id: crypto.randomUUID(), event: 'system.broadcast', to: 'gone', title: 't', body: 'b', data: {} });
    await expect(gone).rejects.toMatchObject({ retryable: false });
    await expect(provider.send({ id, event: 'account.locked', to: 'x', title: 't', body: 'b', data: {} })).rejects.toMatchObject({ retryable: false });
    wx.close();
  });
});
