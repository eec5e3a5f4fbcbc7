import { z } from 'zod';
import path from 'node:path';

const bool = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().default('./data'),
  /** Master secret (≥ 32 chars). Required with DATABASE_URL; generated into DATA_DIR otherwise. */
  APP_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** key id new personal data is encrypted under; older ids still decrypt, and the pii-reencrypt job moves them over */
  PII_KEY_ID: z.string().regex(/^k\d{1,4}$/, 'must look like k1, k2 …').default('k1'),
  DEMO: bool.optional(),
  JOBS: bool.default(true),
  /** a bill run with no chunk committed for this long was left by a dead worker and is resumed */
  BILL_RUN_STALE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(120),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(60 * 24 * 30).default(60 * 12),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 7),
  TRUST_PROXY: bool.default(false),
  COOKIE_SECURE: bool.optional(),
  WEB_DIST: z.string().optional(),
  /** the address residents reach the server at (printed QR codes, links in messages); unset = the request's own origin */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** where uploads live: `local` (DATA_DIR/files; one instance) or `s3` (any S3-compatible store; needed for several instances) */
  /** e-mail channel: smtp://user:pass@host:587 (unset = sandbox) */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  MAIL_FROM: z.string().default('物业管理系统 <noreply@localhost>'),
  WEBPUSH_SUBJECT: z.string().default('mailto:admin@localhost'),
  /** push services a browser subscription may point at (comma-separated host suffixes) */
  PUSH_ALLOWED_HOSTS: z.string().optional(),
  /** Alibaba Cloud SMS (unset = sandbox); ALIYUN_SMS_TEMPLATES: JSON event → {templateCode, params} */
  ALIYUN_SMS_ACCESS_KEY_ID: z.string().optional(),
  ALIYUN_SMS_ACCESS_KEY_SECRET: z.string().optional(),
  ALIYUN_SMS_SIGN_NAME: z.string().optional(),
  ALIYUN_SMS_ENDPOINT: z.url().default('https://dysmsapi.aliyuncs.com'),
  ALIYUN_SMS_TEMPLATES: z.string().refine((v) => { try { return typeof JSON.parse(v) === 'object'; } catch { return false; } }, 'must be a JSON object').optional(),
  /** WeChat official account (unset = sandbox) */
  WECHAT_APP_ID: z.string().optional(),
  WECHAT_APP_SECRET: z.string().optional(),
  WECHAT_API_BASE: z.url().default('https://api.weixin.qq.com'),
  WECHAT_TEMPLATES: z.string().refine((v) => { try { return typeof JSON.parse(v) === 'object'; } catch { return false; } }, 'must be a JSON object').optional(),
  FILE_STORE: z.enum(['local', 's3']).default('local'),
  S3_ENDPOINT: z.url().optional(),
  S3_BUCKET: z.string().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** online payments (docs/payments-providers.md): where new orders go */
  PAY_PROVIDER: z.enum(['sandbox', 'wechat', 'alipay']).default('sandbox'),
  /** the built-in sandbox provider (its public pay page pays without money): default on only when PAY_PROVIDER=sandbox */
  PAY_SANDBOX: bool.optional(),
  /** an online order expires after this many minutes */
  PAY_ORDER_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  /** the sandbox's notification retry delays (WeChat's 15 s … 6 h) multiplied by this (tests: 0.001) */
  PAY_SANDBOX_RETRY_SCALE: z.coerce.number().min(0).max(1).default(1),
  /** WeChat Pay API v3 (直连商户); keys as PEM text or a file path */
  WECHATPAY_MCH_ID: z.string().regex(/^\d{6,32}$/, 'must be the merchant number (digits)').optional(),
  WECHATPAY_APP_ID: z.string().min(1).optional(),
  WECHATPAY_MCH_SERIAL: z.string().regex(/^[0-9A-Fa-f]{8,64}$/, 'must be the API certificate serial (hex)').optional(),
  WECHATPAY_PRIVATE_KEY: z.string().min(1).optional(),
  WECHATPAY_APIV3_KEY: z.string().refine((v) => Buffer.byteLength(v, 'utf8') === 32, 'must be the 32-byte APIv3 key').optional(),
  WECHATPAY_PLATFORM_PUBLIC_KEY: z.string().min(1).optional(),
  /** serial of the platform certificate or WeChat Pay public key ID (PUB_KEY_ID_…) */
  WECHATPAY_PLATFORM_SERIAL: z.string().min(1).optional(),
  WECHATPAY_API_BASE: z.url({ protocol: /^https?$/ }).default('https://api.mch.weixin.qq.com'),
  /** Alipay OpenAPI (RSA2); keys as PEM text, bare base64 or a file path */
  ALIPAY_APP_ID: z.string().regex(/^\d{6,32}$/, 'must be the app id (digits)').optional(),
  ALIPAY_PRIVATE_KEY: z.string().min(1).optional(),
  ALIPAY_PUBLIC_KEY: z.string().min(1).optional(),
  ALIPAY_GATEWAY: z.url({ protocol: /^https?$/ }).default('https://openapi.alipay.com/gateway.do'),
});

const payCredentials = {
  wechat: ['WECHATPAY_MCH_ID', 'WECHATPAY_APP_ID', 'WECHATPAY_MCH_SERIAL', 'WECHATPAY_PRIVATE_KEY', 'WECHATPAY_APIV3_KEY', 'WECHATPAY_PLATFORM_PUBLIC_KEY', 'WECHATPAY_PLATFORM_SERIAL'],
  alipay: ['ALIPAY_APP_ID', 'ALIPAY_PRIVATE_KEY', 'ALIPAY_PUBLIC_KEY'],
} as const;

/** a provider is configured when all its credentials are set; chosen or half-set without them stops start-up */
function payConfigErrors(c: z.infer<typeof ZEnv>): string[] {
  const out: string[] = [];
  for (const [name, keys] of Object.entries(payCredentials)) {
    const missing = keys.filter((k) => !c[k]);
    if (missing.length && (c.PAY_PROVIDER === name || missing.length < keys.length)) {
      out.push(...missing.map((k) => `  ${k}: required with ${c.PAY_PROVIDER === name ? `PAY_PROVIDER=${name}` : `the other ${name} credentials`}`));
    }
  }
  if (c.PAY_PROVIDER === 'sandbox' && c.PAY_SANDBOX === false) out.push('  PAY_SANDBOX: cannot be 0 with PAY_PROVIDER=sandbox');
  return out;
}

export type Config = z.infer<typeof ZEnv> & { dataDir: string; embedded: boolean; demo: boolean };

export class ConfigError extends Error {}

/** Reads the environment once; a bad value stops start-up naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const embedded = !c.DATABASE_URL;
  if (!embedded && !c.APP_SECRET) {
    throw new ConfigError(
      'Invalid configuration:\n  APP_SECRET: required with DATABASE_URL (at least 32 random characters, e.g. `openssl rand -base64 48`)',
    );
  }
  if (c.FILE_STORE === 's3') {
    const missing = (['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const).filter((k) => !c[k]);
    if (missing.length) throw new ConfigError(`Invalid configuration:\n${missing.map((k) => `  ${k}: required with FILE_STORE=s3`).join('\n')}`);
  }
  const pay = payConfigErrors(c);
  if (pay.length) throw new ConfigError(`Invalid configuration:\n${pay.join('\n')}`);
  return { ...c, dataDir: path.resolve(c.DATA_DIR), embedded, demo: c.DEMO ?? embedded };
}
