import type { Channel } from '@wuye/shared';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { AliyunSmsProvider } from './aliyun-sms.provider.ts';
import { SmtpEmailProvider } from './email.provider.ts';
import { SandboxProvider, type ChannelProvider } from './providers.ts';
import { defaultPushHosts, WebPushProvider } from './webpush.provider.ts';
import { WeChatTemplateProvider } from './wechat.provider.ts';

export type Providers = Partial<Record<Channel, ChannelProvider>> & {
  sandbox: Partial<Record<Channel, SandboxProvider>>;
  pushHosts: string[];
};

/**
 * Channel providers by configuration. A channel without real credentials uses its sandbox, which
 * records the message (the demo shows SMS codes from it) and can be told to fail.
 */
export function createProviders(config: Config, database: Database): Providers {
  const sandbox = {
    sms: new SandboxProvider('sms', database),
    wechat: new SandboxProvider('wechat', database),
    email: new SandboxProvider('email', database),
  };
  const wechat = config.WECHAT_APP_ID && config.WECHAT_APP_SECRET
    ? new WeChatTemplateProvider({
      appId: config.WECHAT_APP_ID, appSecret: config.WECHAT_APP_SECRET, apiBase: config.WECHAT_API_BASE,
      templates: config.WECHAT_TEMPLATES ? JSON.parse(config.WECHAT_TEMPLATES) : {},
    })
    : sandbox.wechat;
  const sms = config.ALIYUN_SMS_ACCESS_KEY_ID && config.ALIYUN_SMS_ACCESS_KEY_SECRET && config.ALIYUN_SMS_SIGN_NAME
    ? new AliyunSmsProvider({
      accessKeyId: config.ALIYUN_SMS_ACCESS_KEY_ID, accessKeySecret: config.ALIYUN_SMS_ACCESS_KEY_SECRET,
      signName: config.ALIYUN_SMS_SIGN_NAME, endpoint: config.ALIYUN_SMS_ENDPOINT,
      templates: config.ALIYUN_SMS_TEMPLATES ? JSON.parse(config.ALIYUN_SMS_TEMPLATES) : {},
    })
    : sandbox.sms;
  return {
    sms,
    wechat,
    email: config.SMTP_URL ? new SmtpEmailProvider(config.SMTP_URL, config.MAIL_FROM) : sandbox.email,
    webpush: new WebPushProvider(database, config.WEBPUSH_SUBJECT),
    sandbox,
    pushHosts: config.PUSH_ALLOWED_HOSTS ? config.PUSH_ALLOWED_HOSTS.split(',').map((h) => h.trim()).filter(Boolean) : defaultPushHosts,
  };
}
