import nodemailer, { type Transporter } from 'nodemailer';
import { ProviderError, type ChannelProvider, type OutgoingMessage } from './providers.ts';

/**
 * E-mail over SMTP. The stable message id becomes the Message-ID header, so a resend after a
 * crash is recognisable as the same message by mail systems that deduplicate on it.
 */
export class SmtpEmailProvider implements ChannelProvider {
  channel = 'email' as const;
  private transport: Transporter;
  constructor(smtpUrl: string, private from: string) {
    this.transport = nodemailer.createTransport(smtpUrl, { connectionTimeout: 8000, greetingTimeout: 8000, socketTimeout: 10000 } as any);
  }

  async send(msg: OutgoingMessage) {
    try {
      const info = await this.transport.sendMail({
        from: this.from, to: msg.to, subject: msg.title, text: msg.body,
        messageId: `<${msg.id}@wuye.notifications>`,
        headers: { 'X-Wuye-Message-Id': msg.id },
      });
      return { ref: `smtp:${info.messageId}` };
    } catch (err: any) {
      const permanent = typeof err?.responseCode === 'number' && err.responseCode >= 500 && err.responseCode < 600;
      throw new ProviderError(`smtp: ${err?.message ?? err}`, !permanent);
    }
  }
}
