import { hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';

/**
 * Subkeys derived from one master secret, so each purpose (API-key hashing, PII encryption,
 * blind indexes …) has its own key and none is a default baked into the code.
 */
export interface Secrets {
  master: Buffer;
  derive(purpose: string): Buffer;
}

export function loadSecrets(config: Config, log: (msg: string) => void = () => {}): Secrets {
  let master: Buffer;
  if (config.APP_SECRET) {
    master = Buffer.from(config.APP_SECRET, 'utf8');
  } else {
    const file = path.join(config.dataDir, 'secret.key');
    if (fs.existsSync(file)) {
      master = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
    } else {
      master = randomBytes(48);
      fs.mkdirSync(config.dataDir, { recursive: true });
      fs.writeFileSync(file, master.toString('base64') + '\n', { mode: 0o600 });
      log(`Generated a new application secret in ${file} (keep it with the data; back it up)`);
    }
  }
  return secretsFrom(master);
}

export function secretsFrom(master: Buffer): Secrets {
  const cache = new Map<string, Buffer>();
  return {
    master,
    derive(purpose) {
      let key = cache.get(purpose);
      if (!key) {
        key = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `wuye:${purpose}`, 32));
        cache.set(purpose, key);
      }
      return key;
    },
  };
}
