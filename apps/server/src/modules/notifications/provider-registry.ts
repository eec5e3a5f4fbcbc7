import type { Channel } from '@wuye/shared';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { SandboxProvider, type ChannelProvider } from './providers.ts';

export type Providers = Partial<Record<Channel, ChannelProvider>> & { sandbox: Partial<Record<Channel, SandboxProvider>> };

/**
 * Channel providers by configuration. Until a real provider is configured for a channel, its
 * sandbox records the message (and shows SMS codes in the console's delivery log for the demo).
 */
export function createProviders(_config: Config, database: Database): Providers {
  const sandbox = {
    sms: new SandboxProvider('sms', database),
    wechat: new SandboxProvider('wechat', database),
    email: new SandboxProvider('email', database),
    webpush: new SandboxProvider('webpush', database),
  };
  return { ...sandbox, sandbox };
}
