import path from 'node:path';
import { z } from 'zod';

const DEV_SECRET = 'motcua-development-secret-change-me';

const envObject = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.string().url().optional(),
  MOTCUA_DATA_DIR: z.string().default('.data'),
  TEMPORAL_ADDRESS: z.string().optional(),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  /**
   * Base URL of the Temporal Web UI officers can open (e.g. https://temporal.example.gov.vn);
   * dossier views link to their workflow there. Unset: the UI of the dev server npm start runs.
   */
  TEMPORAL_UI_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional()),
  JWT_SECRET: z.string().min(16).default(DEV_SECRET),
  PAYMENT_WEBHOOK_SECRET: z.string().min(16).default(DEV_SECRET),
  MOTCUA_ADMIN_PASSWORD: z.string().min(1).default('admin'),
  /** Where citizens open the portal; printed in QR codes on documents. */
  PUBLIC_BASE_URL: z.string().url().optional(),
  /**
   * The agency's signing certificate and key (PKCS#12) that signs receipts and results
   * (docs/signing.md). Unset outside production: the local test certificate of
   * `npm run setup:pki`, made on first use.
   */
  SIGNING_P12_PATH: z.string().min(1).optional(),
  SIGNING_P12_PASSWORD: z.string().default(''),
  /** Bank account that receives fees (VietQR). */
  PAYMENT_BANK_BIN: z.string().regex(/^\d{6}$/).default('970415'),
  PAYMENT_ACCOUNT_NUMBER: z.string().min(4).default('113000006789'),
  PAYMENT_ACCOUNT_NAME: z.string().default('KHO BAC NHA NUOC LAO CAI'),
  /**
   * Reverse proxies in front of the API whose X-Forwarded-For is believed (Express `trust proxy`
   * hop count). 0: none, the client is the socket's peer and its own X-Forwarded-For is ignored.
   */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /**
   * Failed sign-ins, within 15 minutes of the last one, after which every attempt is refused with
   * 429 (the right password too) for 60 s, doubling with each later failure up to an hour:
   * per account (known or not), per client address, and for the whole system (api/login-throttle.ts).
   */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(20),
  LOGIN_MAX_FAILURES_GLOBAL: z.coerce.number().int().min(1).default(500),
  /** Key of the dossier codes' scattered NNNN suffix (api/dossier-code.ts); unset: derived from JWT_SECRET. */
  DOSSIER_CODE_KEY: z.string().min(16).optional(),
  /** Key that seals officers' TOTP secrets in the database (api/totp/secret-box.ts); unset: derived from JWT_SECRET. */
  TOTP_KEY: z.string().min(16).optional(),
  /** Bearer token that GET /metrics and /api/metrics require when set; unset: open (internal network only). */
  METRICS_TOKEN: z.string().min(16).optional(),
  /**
   * The Node server's limits (docs/security.md): time to receive a request's headers, and the
   * whole request (slow-loris bodies); sockets open at once. Uploads of 10 files of 10 MB on a
   * slow line fit in the request timeout.
   */
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1000).default(20_000),
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).default(300_000),
  HTTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).default(2000),
  /** Uploads not yet linked to a dossier a user may have made in the last 24 h (files, bytes). */
  UPLOAD_QUOTA_FILES: z.coerce.number().int().min(1).default(500),
  UPLOAD_QUOTA_BYTES: z.coerce.number().int().min(1).default(200 * 1024 * 1024),
  /** Uploads never linked to a dossier are deleted this long after upload; the sweep runs every ORPHAN_SWEEP_MS. */
  ORPHAN_UPLOAD_TTL_MS: z.coerce.number().int().min(60_000).default(24 * 3_600_000),
  ORPHAN_SWEEP_MS: z.coerce.number().int().min(1000).default(3_600_000),
  /**
   * Citizen sign-in with OpenID Connect (docs/security.md, "Citizen sign-in"): the issuer (its
   * discovery document is read from `<issuer>/.well-known/openid-configuration`), motcua's client
   * there, and the callback address registered with it (default: PUBLIC_BASE_URL +
   * /api/auth/oidc/callback). Unset outside production: `npm start` runs the local provider
   * (runtime/oidc-provider.ts) on OIDC_DEV_PORT and points these at it.
   */
  OIDC_ISSUER: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional()),
  OIDC_CLIENT_ID: z.string().min(1).default('motcua'),
  OIDC_CLIENT_SECRET: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(1).optional()),
  OIDC_REDIRECT_URI: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional()),
  /** The scopes asked for, and the claim of the issuer's answer that holds the 12-digit personal ID number. */
  OIDC_SCOPES: z.string().min(6).default('openid profile personal_id'),
  OIDC_PERSONAL_ID_CLAIM: z.string().min(1).default('personal_id'),
  OIDC_DEV_PORT: z.coerce.number().int().min(0).max(65535).default(3100),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The Temporal SDK's own logs (bundling, worker state changes); read by temporal/connect.ts. */
  TEMPORAL_LOG_LEVEL: z.enum(['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR']).default('WARN'),
  /**
   * host:port where a worker process serves the Temporal SDK's own Prometheus metrics at /metrics
   * (workflow task and activity latency, sticky cache size and evictions, task slots); unset: off.
   */
  TEMPORAL_METRICS_ADDRESS: z.string().regex(/^(\[[0-9a-fA-F:]+\]|[^\s:[\]]+):\d{1,5}$/, 'host:port, e.g. 0.0.0.0:9464').optional(),
  /**
   * Workflows a worker keeps in its sticky cache (0 turns the cache off). Unset: derived from the
   * memory the process may use (worker/cache-size.ts): a quarter of it at 0.6 MiB per cached
   * dossier, between 50 and 1,000.
   */
  WORKER_MAX_CACHED_WORKFLOWS: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(0).optional()),
  /**
   * Stopping (docs/operations.md, "Stopping"): in-flight activities get this long to finish, then
   * are cancelled; the worker is forced down SHUTDOWN_FORCE_MS after the stop, and the process
   * exits at the latest that long plus 5 s after the signal, whatever still hangs.
   */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  SHUTDOWN_FORCE_MS: z.coerce.number().int().min(1).default(20_000),
  // Integrations (README "Integrations"): a channel left unconfigured keeps its messages pending
  // in the outbox, visible at GET /api/outbox, never dropped and never marked sent.
  /** National portal: status syncs are POSTed to `${PORTAL_BASE_URL}/dossier-status` with a bearer token. */
  PORTAL_BASE_URL: z.string().url().optional(),
  PORTAL_TOKEN: z.string().min(1).optional(),
  /** HTTP SMS gateway: POST {to, text} with header `X-API-Key`. */
  SMS_GATEWAY_URL: z.string().url().optional(),
  SMS_API_KEY: z.string().min(1).optional(),
  /**
   * HMAC-SHA256 secret the SMS gateway signs its inbound-SMS callbacks with (POST /api/sms/inbound,
   * header `X-Sms-Signature`, docs/assisted-filing.md); unsigned calls are refused.
   */
  SMS_INBOUND_SECRET: z.string().min(16).default(DEV_SECRET),
  /** Citizen and officer e-mail: nodemailer SMTP URL (smtp://user:pass@host:port, smtps://...). */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).default('Bộ phận Một cửa <motcua@localhost>'),
  /** Reminders and escalations go to this agency mailbox; `{agencyCode}` is replaced, e.g. `motcua.{agencyCode}@laocai.gov.vn`. */
  OFFICER_MAILBOX: z.string().min(3).optional(),
  /** Outbox dispatcher: poll interval, batch size, retries with exponential back-off (+ jitter), per-call timeout. */
  OUTBOX_DISPATCHER: z.enum(['on', 'off']).default('on'),
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).default(1000),
  OUTBOX_BATCH: z.coerce.number().int().min(1).max(1000).default(50),
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(12),
  OUTBOX_BACKOFF_MS: z.coerce.number().int().min(1).default(5000),
  OUTBOX_BACKOFF_MAX_MS: z.coerce.number().int().min(1).default(3_600_000),
  INTEGRATION_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
});

/** Every environment variable motcua reads (deployment files are checked against this list). */
export const ENV_KEYS = Object.keys(envObject.shape) as (keyof typeof envObject.shape)[];

const envSchema = envObject.superRefine((env, ctx) => {
  if (env.NODE_ENV !== 'production') return;
  // Development defaults must never reach production.
  for (const key of ['JWT_SECRET', 'PAYMENT_WEBHOOK_SECRET', 'SMS_INBOUND_SECRET'] as const) {
    if (env[key] === DEV_SECRET) ctx.addIssue({ code: 'custom', path: [key], message: 'set a real secret in production' });
  }
  if (env.MOTCUA_ADMIN_PASSWORD === 'admin') {
    ctx.addIssue({ code: 'custom', path: ['MOTCUA_ADMIN_PASSWORD'], message: 'the default admin password is refused in production' });
  }
  if (!env.DATABASE_URL) ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'production needs PostgreSQL' });
  if (!env.SIGNING_P12_PATH) ctx.addIssue({ code: 'custom', path: ['SIGNING_P12_PATH'], message: "production signs documents with the agency's own certificate" });
  if (env.OIDC_ISSUER && !env.OIDC_ISSUER.startsWith('https://')) ctx.addIssue({ code: 'custom', path: ['OIDC_ISSUER'], message: 'production talks to the identity issuer over https only' });
  if (env.OIDC_ISSUER && !env.OIDC_CLIENT_SECRET) ctx.addIssue({ code: 'custom', path: ['OIDC_CLIENT_SECRET'], message: 'set the client secret the issuer gave motcua' });
  if (!env.TEMPORAL_ADDRESS) ctx.addIssue({ code: 'custom', path: ['TEMPORAL_ADDRESS'], message: 'production needs a Temporal cluster' });
});

export type Env = z.infer<typeof envSchema> & { dataDir: string; publicBaseUrl: string };

/** Reads and validates the environment once; a wrong setting stops the start with a clear message. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`invalid configuration:\n${lines}`);
  }
  const env = parsed.data;
  return {
    ...env,
    dataDir: path.resolve(env.MOTCUA_DATA_DIR),
    publicBaseUrl: env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`,
  };
}
