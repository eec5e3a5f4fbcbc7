import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { Secrets } from './secrets.ts';

/**
 * Personal data at rest (PIPL): AES-256-GCM with a key id on every value, so keys can be rotated
 * by re-encrypting with a newer id while old values still decrypt; and a keyed blind index
 * (HMAC-SHA256) for exact-match lookups without decrypting the column.
 * Format: `v1.<keyId>.<iv>.<ciphertext>.<tag>` (base64url parts).
 */
export interface PiiCipher {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  blindIndex(value: string): string;
  currentKeyId: string;
}

export function piiCipher(secrets: Secrets, currentKeyId = 'k1'): PiiCipher {
  const key = (id: string) => secrets.derive(`pii-encryption:${id}`);
  const indexKey = secrets.derive('blind-index');
  return {
    currentKeyId,
    encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key(currentKeyId), iv);
      const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return ['v1', currentKeyId, iv.toString('base64url'), ct.toString('base64url'), c.getAuthTag().toString('base64url')].join('.');
    },
    decrypt(stored) {
      const [v, keyId, iv, ct, tag] = stored.split('.');
      if (v !== 'v1' || !keyId || !iv || ct === undefined || !tag) throw new Error('unknown PII ciphertext format');
      const d = createDecipheriv('aes-256-gcm', key(keyId), Buffer.from(iv, 'base64url'));
      d.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([d.update(Buffer.from(ct, 'base64url')), d.final()]).toString('utf8');
    },
    blindIndex(value) {
      return createHmac('sha256', indexKey).update(value.trim().toUpperCase()).digest('base64url').slice(0, 32);
    },
  };
}

export const maskIdNumber = (id: string) => (id.length > 8 ? `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}` : '****');

/** The key id a stored value was encrypted under (`v1.<keyId>.…`), or null for an unknown format. */
export const keyIdOf = (stored: string) => (stored.startsWith('v1.') ? stored.split('.', 3)[1] || null : null);
