import { createCipheriv, createDecipheriv, createHmac, createSign, createVerify, randomBytes, timingSafeEqual, type KeyObject } from 'node:crypto';
import { dayjs, BUSINESS_TZ } from '../../../lib/time.ts';
import { NotificationRejected, type ProviderAck, type RawNotification, type VerifiedNotification } from './provider.ts';

/**
 * WeChat Pay API v3 wire protocol, shared by the real adapter (RSA) and the sandbox provider (HMAC):
 * request signing, signed messages (`timestamp\nnonce\nbody\n`), the AEAD_AES_256_GCM `resource`
 * and the mapping of TRANSACTION.* / REFUND.* notifications to a VerifiedNotification.
 */

/** a notification or response signed more than this far from our clock is refused (WeChat's own SDKs use 5 minutes) */
export const MAX_CLOCK_SKEW_SECONDS = 300;

const NONCE_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export function nonceStr(size = 32): string {
  return [...randomBytes(size)].map((b) => NONCE_ALPHABET[b % 62]).join('');
}

/** `METHOD\nURL\ntimestamp\nnonce\nbody\n`: URL is the path with its query string, body '' for GET */
export const requestMessage = (method: string, pathAndQuery: string, timestamp: string | number, nonce: string, body: string) =>
  `${method.toUpperCase()}\n${pathAndQuery}\n${timestamp}\n${nonce}\n${body}\n`;

/** what a response or notification signs */
export const signedMessage = (timestamp: string | number, nonce: string, body: string) => `${timestamp}\n${nonce}\n${body}\n`;

export const rsaSign = (message: string, privateKey: KeyObject | string) => createSign('RSA-SHA256').update(message, 'utf8').sign(privateKey, 'base64');
export function rsaVerify(message: string, signature: string, publicKey: KeyObject | string): boolean {
  try { return createVerify('RSA-SHA256').update(message, 'utf8').verify(publicKey, signature, 'base64'); } catch { return false; }
}
export const hmacSign = (message: string, key: Buffer) => createHmac('sha256', key).update(message, 'utf8').digest('base64');
export function hmacVerify(message: string, signature: string, key: Buffer): boolean {
  const want = Buffer.from(hmacSign(message, key), 'base64');
  const got = Buffer.from(signature, 'base64');
  return got.length === want.length && timingSafeEqual(got, want);
}

export interface MerchantSigner { mchId: string; serial: string; privateKey: KeyObject | string }

/** the `Authorization` header of an API v3 request */
export function authorization(m: MerchantSigner, method: string, pathAndQuery: string, body: string,
  timestamp: number = Math.floor(Date.now() / 1000), nonce: string = nonceStr()): string {
  const signature = rsaSign(requestMessage(method, pathAndQuery, timestamp, nonce, body), m.privateKey);
  return `WECHATPAY2-SHA256-RSA2048 mchid="${m.mchId}",nonce_str="${nonce}",timestamp="${timestamp}",serial_no="${m.serial}",signature="${signature}"`;
}

/** the API v3 key (32 bytes) as given: a 32-character string or the bytes themselves */
export function apiV3KeyBytes(key: string | Buffer): Buffer {
  const b = typeof key === 'string' ? Buffer.from(key, 'utf8') : key;
  if (b.length !== 32) throw new Error('APIv3 密钥必须是 32 字节');
  return b;
}

export interface EncryptedResource { algorithm: 'AEAD_AES_256_GCM'; ciphertext: string; nonce: string; associated_data: string; original_type?: string }

/** ciphertext = base64(data ‖ 16-byte tag) */
export function encryptResource(plaintext: string, key: Buffer, nonce: string, associatedData: string): string {
  const cipher = createCipheriv('aes-256-gcm', key, Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  return Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64');
}

export function decryptResource(r: { ciphertext: string; nonce: string; associated_data?: string }, key: Buffer): string {
  const buf = Buffer.from(r.ciphertext, 'base64');
  if (buf.length < 17) throw new Error('ciphertext too short');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(r.nonce, 'utf8'));
  decipher.setAuthTag(buf.subarray(buf.length - 16));
  decipher.setAAD(Buffer.from(r.associated_data ?? '', 'utf8'));
  return Buffer.concat([decipher.update(buf.subarray(0, buf.length - 16)), decipher.final()]).toString('utf8');
}

/** checks one signature: true / false, or null when the serial names no key we hold */
export type SignatureCheck = (serial: string, message: string, signature: string) => boolean | null;

export interface VerifySignedOptions { check: SignatureCheck; now?: () => number }

/** the `wechatpay-*` headers of a response or notification: signature (with a known serial) and fresh timestamp */
export function verifySignedHeaders(headers: Record<string, string | undefined>, body: string, o: VerifySignedOptions): void {
  const timestamp = headers['wechatpay-timestamp'];
  const nonce = headers['wechatpay-nonce'];
  const signature = headers['wechatpay-signature'];
  const serial = headers['wechatpay-serial'];
  if (!timestamp || !nonce || !signature || !serial) throw new NotificationRejected('bad_signature', '缺少签名头');
  if (!/^\d{1,12}$/.test(timestamp)) throw new NotificationRejected('bad_signature', '时间戳格式错误');
  const now = Math.floor((o.now?.() ?? Date.now()) / 1000);
  if (Math.abs(now - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS) throw new NotificationRejected('stale', '签名时间戳与当前时间相差超过 5 分钟');
  const ok = o.check(serial, signedMessage(timestamp, nonce, body), signature);
  if (ok === null) throw new NotificationRejected('bad_signature', `未知的平台证书序列号 ${serial}`);
  if (!ok) throw new NotificationRejected('bad_signature', '签名验证失败');
}

export interface V3NotificationOptions extends VerifySignedOptions { apiV3Key: Buffer; mchId: string }

/** a WeChat Pay v3 notification: signature, freshness, decryption, merchant; then the normalised content */
export function verifyV3Notification(req: RawNotification, o: V3NotificationOptions): VerifiedNotification {
  verifySignedHeaders(req.headers, req.rawBody, o);
  let envelope: any;
  let plain: any;
  try {
    envelope = JSON.parse(req.rawBody);
    const r = envelope?.resource;
    if (!r || r.algorithm !== 'AEAD_AES_256_GCM' || typeof r.ciphertext !== 'string' || typeof r.nonce !== 'string') throw new Error('resource');
    plain = JSON.parse(decryptResource(r, o.apiV3Key));
  } catch {
    throw new NotificationRejected('malformed', '通知内容无法解析或解密');
  }
  if (plain?.mchid !== o.mchId) throw new NotificationRejected('merchant_mismatch', `商户号不符：${String(plain?.mchid)}`);
  const event = String(envelope.event_type ?? '');
  const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
  const fen = (v: unknown) => (Number.isSafeInteger(v) && (v as number) >= 0 ? (v as number) : null);
  if (event.startsWith('TRANSACTION.')) {
    const outTradeNo = str(plain.out_trade_no); const txn = str(plain.transaction_id); const total = fen(plain.amount?.total);
    if (!outTradeNo || !txn || total === null) throw new NotificationRejected('malformed', '支付通知缺少字段');
    return {
      kind: 'payment', merchantId: plain.mchid, outTradeNo, providerTxnId: txn, amountFen: total,
      success: event === 'TRANSACTION.SUCCESS' && plain.trade_state === 'SUCCESS', paidAt: parseRfc3339(plain.success_time),
    };
  }
  if (event.startsWith('REFUND.')) {
    const outTradeNo = str(plain.out_trade_no); const txn = str(plain.transaction_id); const refund = fen(plain.amount?.refund);
    const outRefundNo = str(plain.out_refund_no); const refundId = str(plain.refund_id);
    if (!outTradeNo || !txn || refund === null || !outRefundNo || !refundId) throw new NotificationRejected('malformed', '退款通知缺少字段');
    return {
      kind: 'refund', merchantId: plain.mchid, outTradeNo, providerTxnId: txn, amountFen: refund, outRefundNo, providerRefundId: refundId,
      success: event === 'REFUND.SUCCESS' && plain.refund_status === 'SUCCESS', paidAt: parseRfc3339(plain.success_time),
    };
  }
  throw new NotificationRejected('malformed', `未知的通知类型 ${event}`);
}

/** WeChat: accepted → 204 without a body; refused → 4xx/5xx with {"code":"FAIL","message":…} (it retries) */
export function v3Ack(accepted: boolean, message?: string, status?: number): ProviderAck {
  if (accepted) return { status: 204, contentType: 'text/plain; charset=utf-8', body: '' };
  return { status: status ?? 500, contentType: 'application/json; charset=utf-8', body: JSON.stringify({ code: 'FAIL', message: message ?? '失败' }) };
}

/** 2018-06-08T10:34:56+08:00 */
export const rfc3339 = (d: Date) => dayjs(d).tz(BUSINESS_TZ).format('YYYY-MM-DDTHH:mm:ssZ');
export function parseRfc3339(v: unknown): Date | undefined {
  if (typeof v !== 'string' || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(v)) return undefined;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

export interface V3Envelope { id: string; eventType: string; summary: string; originalType: 'transaction' | 'refund'; plaintext: string }

/** a notification body as WeChat sends it: the resource encrypted under the API v3 key */
export function buildV3Envelope(e: V3Envelope, key: Buffer, createdAt = new Date()): string {
  const nonce = nonceStr(12);
  const associated = e.originalType;
  return JSON.stringify({
    id: e.id, create_time: rfc3339(createdAt), resource_type: 'encrypt-resource', event_type: e.eventType, summary: e.summary,
    resource: { original_type: e.originalType, algorithm: 'AEAD_AES_256_GCM', ciphertext: encryptResource(e.plaintext, key, nonce, associated), associated_data: associated, nonce },
  });
}
