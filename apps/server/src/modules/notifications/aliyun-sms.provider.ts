import { createHmac, randomUUID } from 'node:crypto';
import { ProviderError, type ChannelProvider, type OutgoingMessage } from './providers.ts';
import { render } from './templates.ts';

/** Alibaba Cloud RPC-style percent-encoding (RFC 3986, plus !'()* encoded). */
export const popEncode = (s: string) =>
  encodeURIComponent(s).replace(/!/g, '%21').replace(/'/g, '%27').replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/\*/g, '%2A');

function canonical(params: Record<string, string>): string {
  return Object.keys(params).filter((k) => k !== 'Signature').sort().map((k) => `${popEncode(k)}=${popEncode(params[k]!)}`).join('&');
}

/** Signature v1 (HMAC-SHA1 over METHOD&%2F&canonical query), as the Alibaba Cloud SDKs compute it. */
export function signRpc(params: Record<string, string>, secret: string, method = 'POST'): string {
  const stringToSign = `${method}&${popEncode('/')}&${popEncode(canonical(params))}`;
  return createHmac('sha1', `${secret}&`).update(stringToSign).digest('base64');
}

export function verifyRpc(params: Record<string, string>, secret: string, method = 'POST'): boolean {
  return !!params.Signature && signRpc(params, secret, method) === params.Signature;
}

export interface AliyunSmsConfig {
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  endpoint: string;
  /** event → registered template code and how its parameters are filled (`{{var}}` from the message data) */
  templates: Record<string, { templateCode: string; params: Record<string, string> }>;
}

const RETRYABLE = new Set(['isv.BUSINESS_LIMIT_CONTROL', 'isv.OUT_OF_SERVICE', 'SignatureNonceUsed', 'Throttling.User', 'ServiceUnavailable']);

/**
 * Alibaba Cloud SMS (dysmsapi 2017-05-25, SendSms). The message id goes out as `OutId`, which comes
 * back on delivery receipts, so the delivery log can be reconciled with the provider's.
 */
export class AliyunSmsProvider implements ChannelProvider {
  channel = 'sms' as const;
  constructor(private cfg: AliyunSmsConfig) {}

  async send(msg: OutgoingMessage) {
    const tpl = this.cfg.templates[msg.event];
    if (!tpl) throw new ProviderError(`no SMS template configured for ${msg.event}`, false);
    const values = { ...msg.data, title: msg.title, body: msg.body } as Record<string, unknown>;
    const templateParam = Object.fromEntries(Object.entries(tpl.params).map(([k, v]) => [k, render({ title: v, body: '' }, values).title]));
    const params: Record<string, string> = {
      Action: 'SendSms', Version: '2017-05-25', Format: 'JSON', RegionId: 'cn-hangzhou',
      AccessKeyId: this.cfg.accessKeyId, SignatureMethod: 'HMAC-SHA1', SignatureVersion: '1.0', SignatureNonce: randomUUID(),
      Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      PhoneNumbers: msg.to, SignName: this.cfg.signName, TemplateCode: tpl.templateCode,
      TemplateParam: JSON.stringify(templateParam), OutId: msg.id,
    };
    params.Signature = signRpc(params, this.cfg.accessKeySecret, 'POST');
    const res = await fetch(`${this.cfg.endpoint.replace(/\/$/, '')}/`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: Object.entries(params).map(([k, v]) => `${popEncode(k)}=${popEncode(v)}`).join('&'),
      signal: AbortSignal.timeout(8000),
    }).catch((err) => { throw new ProviderError(`aliyun sms: ${err.message}`); });
    const body: any = await res.json().catch(() => ({ Code: `HTTP${res.status}` }));
    if (body.Code === 'OK') return { ref: `aliyun:${body.BizId}` };
    throw new ProviderError(`aliyun sms: ${body.Code} ${body.Message ?? ''}`, RETRYABLE.has(body.Code) || res.status >= 500);
  }
}
