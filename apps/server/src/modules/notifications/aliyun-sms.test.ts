import http from 'node:http';
import { describe, expect, it } from 'vitest';
// The official Alibaba Cloud POP SDK core: our signature must agree with what it produces.
import RPCClient from '@alicloud/pop-core';
import { AliyunSmsProvider, verifyRpc } from './aliyun-sms.provider.ts';

const SECRET = 'testSecretKey123';

/** A stand-in dysmsapi endpoint: records the form it receives and answers like the real one. */
async function fakeDysms(check: (form: Record<string, string>) => object) {
  const received: Record<string, string>[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      const form = Object.fromEntries(new URLSearchParams(raw));
      received.push(form);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(check(form)));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(server.address() as any).port}`, received, close: () => server.close() };
}

const answer = (form: Record<string, string>) => (verifyRpc(form, SECRET) ? { Code: 'OK', BizId: 'biz-1', RequestId: 'r' } : { Code: 'SignatureDoesNotMatch', Message: 'bad signature' });

describe('Alibaba Cloud SMS adapter', () => {
  it('accepts a request signed by the official SDK and rejects it once tampered with', async () => {
    const fake = await fakeDysms(answer);
    const client = new (RPCClient as any)({ accessKeyId: 'AKID', accessKeySecret: SECRET, endpoint: fake.url, apiVersion: '2017-05-25' });
    const ok = await client.request('SendSms', { PhoneNumbers: '13800000000', SignName: '物业', TemplateCode: 'SMS_1', TemplateParam: '{"code":"123456"}' }, { method: 'POST' });
    expect(ok.Code).toBe('OK');
    const form = { ...fake.received[0]!, PhoneNumbers: '13900000000' };
    expect(verifyRpc(fake.received[0]!, SECRET)).toBe(true);
    expect(verifyRpc(form, SECRET)).toBe(false);
    fake.close();
  });

  it('sends SendSms with the template, OutId = message id, and a signature the endpoint verifies', async () => {
    const fake = await fakeDysms(answer);
    const provider = new AliyunSmsProvider({
      accessKeyId: 'AKID', accessKeySecret: SECRET, signName: '示例物业', endpoint: fake.url,
      templates: { 'auth.sms_code.login': { templateCode: 'SMS_LOGIN', params: { code: '{{code}}' } } },
    });
    const id = crypto.randomUUID();
    const res = await provider.send({ id, event: 'auth.sms_code.login', to: '13800000000', title: '验证码', body: '…', data: { code: '654321' } });
    expect(res.ref).toBe('aliyun:biz-1');
    expect(fake.received[0]).toMatchObject({ Action: 'SendSms', TemplateCode: 'SMS_LOGIN', OutId: id, SignName: '示例物业', TemplateParam: '{"code":"654321"}' });
    const wrongKey = new AliyunSmsProvider({ accessKeyId: 'AKID', accessKeySecret: 'nope', signName: 'x', endpoint: fake.url,
      templates: { e: { templateCode: 'T', params: {} } } });
    await expect(wrongKey.send({ id, event: 'e', to: '13800000000', title: '', body: '', data: {} })).rejects.toMatchObject({ retryable: false });
    await expect(provider.send({ id, event: 'unknown', to: '1', title: '', body: '', data: {} })).rejects.toMatchObject({ retryable: false });
    fake.close();
  });
});
