import type { Config } from '../../../config.ts';
import type { Database } from '../../../db/client.ts';
import type { Secrets } from '../../../lib/secrets.ts';
import type { PaymentProvider, ProviderName } from './provider.ts';

/**
 * The payment providers this instance can speak to: the sandbox always, WeChat Pay v3 and Alipay
 * when their merchant credentials are configured. `active` is the one new orders go to.
 */
export interface PayProviders {
  active: ProviderName;
  get(name: ProviderName): PaymentProvider | null;
}

export function createPayProviders(_config: Config, _database: Database, _secrets: Secrets): PayProviders {
  return { active: 'sandbox', get: () => null };
}
