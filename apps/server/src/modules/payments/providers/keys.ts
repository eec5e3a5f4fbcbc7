import { X509Certificate, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import { ConfigError } from '../../../config.ts';

/**
 * A merchant key from the environment: PEM text (real line breaks or `\n` escapes), a bare base64
 * body (Alipay's console hands keys out that way: PKCS#8 / SPKI, or PKCS#1), an X.509 certificate
 * (public keys), or the path of a file holding any of those. A key that does not load stops start-up.
 */
export function loadKey(value: string, kind: 'private' | 'public', variable: string): KeyObject {
  let text = value.trim();
  if (!text.includes('-----BEGIN') && !looksLikeBase64(text)) {
    try { text = fs.readFileSync(text, 'utf8').trim(); } catch (e) {
      throw new ConfigError(`Invalid configuration:\n  ${variable}: neither a key nor a readable file (${(e as Error).message})`);
    }
  }
  text = text.replace(/\\n/g, '\n');
  try {
    if (text.includes('-----BEGIN CERTIFICATE-----')) {
      if (kind === 'private') throw new Error('a certificate is not a private key');
      return new X509Certificate(text).publicKey;
    }
    if (text.includes('-----BEGIN')) return kind === 'private' ? createPrivateKey(text) : createPublicKey(text);
    const der = Buffer.from(text.replace(/\s+/g, ''), 'base64');
    const attempts: (() => KeyObject)[] = kind === 'private'
      ? [() => createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }), () => createPrivateKey({ key: der, format: 'der', type: 'pkcs1' })]
      : [() => createPublicKey({ key: der, format: 'der', type: 'spki' }), () => createPublicKey({ key: der, format: 'der', type: 'pkcs1' })];
    for (const a of attempts) { try { return a(); } catch { /* next format */ } }
    throw new Error('not a PKCS#8/PKCS#1/SPKI key');
  } catch (e) {
    throw new ConfigError(`Invalid configuration:\n  ${variable}: not a usable RSA ${kind} key (${(e as Error).message})`);
  }
}

const looksLikeBase64 = (s: string) => s.length >= 64 && /^[A-Za-z0-9+/=\s]+$/.test(s);
