import { ProviderError, type ChannelProvider, type OutgoingMessage } from './providers.ts';
import { render } from './templates.ts';

export interface WeChatConfig {
  appId: string;
  appSecret: string;
  apiBase: string;
  /** event → the official account's template id and how its keyword fields are filled */
  templates: Record<string, { templateId: string; url?: string; data: Record<string, string> }>;
}

const TOKEN_INVALID = new Set([40001, 40014, 42001]);
const PERMANENT = new Set([43004, 40003, 40037, 47003]); // unsubscribed, bad openid, bad template, bad data

/**
 * WeChat official-account template messages (公众号模板消息). Uses the stable access token API so
 * several instances do not invalidate each other's tokens, and passes the message id as
 * `client_msg_id`, which WeChat uses to drop a repeated send.
 */
export class WeChatTemplateProvider implements ChannelProvider {
  channel = 'wechat' as const;
  private token: { value: string; until: number } | null = null;
  constructor(private cfg: WeChatConfig) {}

  private async accessToken(force = false): Promise<string> {
    if (!force && this.token && this.token.until > Date.now()) return this.token.value;
    const res = await fetch(`${this.cfg.apiBase}/cgi-bin/stable_token`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credential', appid: this.cfg.appId, secret: this.cfg.appSecret, force_refresh: force }),
      signal: AbortSignal.timeout(8000),
    });
    const body: any = await res.json().catch(() => ({}));
    if (!body.access_token) throw new ProviderError(`wechat token: ${body.errcode ?? res.status} ${body.errmsg ?? ''}`);
    this.token = { value: body.access_token, until: Date.now() + (Number(body.expires_in ?? 7200) - 300) * 1000 };
    return this.token.value;
  }

  async send(msg: OutgoingMessage) {
    const tpl = this.cfg.templates[msg.event];
    if (!tpl) throw new ProviderError(`no WeChat template configured for ${msg.event}`, false);
    const values = { ...msg.data, title: msg.title, body: msg.body } as Record<string, unknown>;
    const data = Object.fromEntries(Object.entries(tpl.data).map(([k, v]) => [k, { value: render({ title: v, body: '' }, values).title.slice(0, 20) }]));
    const payload = { touser: msg.to, template_id: tpl.templateId, url: tpl.url, client_msg_id: msg.id, data };
    for (let attempt = 0; attempt < 2; attempt++) {
      const token = await this.accessToken(attempt > 0);
      const res = await fetch(`${this.cfg.apiBase}/cgi-bin/message/template/send?access_token=${encodeURIComponent(token)}`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload), signal: AbortSignal.timeout(8000),
      });
      const body: any = await res.json().catch(() => ({ errcode: res.status }));
      if (body.errcode === 0) return { ref: `wechat:${body.msgid}` };
      if (TOKEN_INVALID.has(body.errcode) && attempt === 0) continue;
      throw new ProviderError(`wechat: ${body.errcode} ${body.errmsg ?? ''}`, !PERMANENT.has(body.errcode));
    }
    throw new ProviderError('wechat: token refresh failed');
  }
}
