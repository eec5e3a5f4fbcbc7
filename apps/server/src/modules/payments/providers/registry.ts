import type { Config } from '../../../config.ts';
import type { Database } from '../../../db/client.ts';
import type { Secrets } from '../../../lib/secrets.ts';
import { AlipayProvider } from './alipay.ts';
import { loadKey } from './keys.ts';
import type { PaymentProvider, ProviderName } from './provider.ts';
import { SandboxProvider } from './sandbox.provider.ts';
import { apiV3KeyBytes } from './v3-crypto.ts';
import { WechatPayV3 } from './wechat-v3.ts';

/**
 * The payment providers this instance can speak to: the sandbox always, WeChat Pay v3 and Alipay
 * when their merchant credentials are configured. `active` is the one new orders go to.
 */
export interface PayProviders {
  active: ProviderName;
  get(name: ProviderName): PaymentProvider | null;
}

/** sandbox: PAY_SANDBOX (default on with PAY_PROVIDER=sandbox); wechat / alipay: all their credentials set (config.ts checks) */
export function sandboxEnabled(config: Config) {
  return config.PAY_SANDBOX ?? config.PAY_PROVIDER === 'sandbox';
}

export function createPayProviders(config: Config, database: Database, secrets: Secrets): PayProviders {
  const providers: Partial<Record<ProviderName, PaymentProvider>> = {};
  if (sandboxEnabled(config)) providers.sandbox = new SandboxProvider(database, secrets);
  if (config.WECHATPAY_MCH_ID && config.WECHATPAY_APP_ID && config.WECHATPAY_MCH_SERIAL && config.WECHATPAY_PRIVATE_KEY
    && config.WECHATPAY_APIV3_KEY && config.WECHATPAY_PLATFORM_PUBLIC_KEY && config.WECHATPAY_PLATFORM_SERIAL) {
    providers.wechat = new WechatPayV3({
      mchId: config.WECHATPAY_MCH_ID, appId: config.WECHATPAY_APP_ID, mchSerial: config.WECHATPAY_MCH_SERIAL,
      privateKey: loadKey(config.WECHATPAY_PRIVATE_KEY, 'private', 'WECHATPAY_PRIVATE_KEY'),
      apiV3Key: apiV3KeyBytes(config.WECHATPAY_APIV3_KEY),
      platformKeys: { [config.WECHATPAY_PLATFORM_SERIAL]: loadKey(config.WECHATPAY_PLATFORM_PUBLIC_KEY, 'public', 'WECHATPAY_PLATFORM_PUBLIC_KEY') },
      apiBase: config.WECHATPAY_API_BASE,
    });
  }
  if (config.ALIPAY_APP_ID && config.ALIPAY_PRIVATE_KEY && config.ALIPAY_PUBLIC_KEY) {
    providers.alipay = new AlipayProvider({
      appId: config.ALIPAY_APP_ID, gateway: config.ALIPAY_GATEWAY,
      privateKey: loadKey(config.ALIPAY_PRIVATE_KEY, 'private', 'ALIPAY_PRIVATE_KEY'),
      alipayPublicKey: loadKey(config.ALIPAY_PUBLIC_KEY, 'public', 'ALIPAY_PUBLIC_KEY'),
    });
  }
  return { active: config.PAY_PROVIDER, get: (name) => providers[name] ?? null };
}
