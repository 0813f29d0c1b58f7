import type { Logger } from 'pino';
import type { Env } from '../config/env';
import type { DbHandle } from '../db/client';
import type { Adapter } from './adapter';
import { Dispatcher } from './dispatcher';
import { emailAdapter } from './email-adapter';
import type { Channel } from './messages';
import { portalAdapter } from './portal-adapter';
import { smsAdapter } from './sms-adapter';

/**
 * The adapters the environment configures. A channel without configuration has no adapter:
 * its messages stay pending in the outbox (listed at GET /api/outbox), never dropped, never
 * marked sent, and go out once the channel is configured and the system restarted.
 */
export function adaptersFromEnv(env: Env): Partial<Record<Channel, Adapter>> {
  const timeoutMs = env.INTEGRATION_TIMEOUT_MS;
  const adapters: Partial<Record<Channel, Adapter>> = {};
  if (env.PORTAL_BASE_URL) adapters.portal = portalAdapter({ baseUrl: env.PORTAL_BASE_URL, token: env.PORTAL_TOKEN, timeoutMs });
  if (env.SMS_GATEWAY_URL) adapters.sms = smsAdapter({ url: env.SMS_GATEWAY_URL, apiKey: env.SMS_API_KEY, timeoutMs });
  if (env.SMTP_URL) {
    const mail = emailAdapter({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, officerMailbox: env.OFFICER_MAILBOX, timeoutMs });
    adapters.email = mail;
    if (env.OFFICER_MAILBOX) adapters['officer-email'] = mail;
  }
  return adapters;
}

export function configuredChannels(env: Env): Channel[] {
  const out: Channel[] = [];
  if (env.PORTAL_BASE_URL) out.push('portal');
  if (env.SMS_GATEWAY_URL) out.push('sms');
  if (env.SMTP_URL) out.push('email');
  if (env.SMTP_URL && env.OFFICER_MAILBOX) out.push('officer-email');
  return out;
}

export function createDispatcher(env: Env, dbh: DbHandle, log: Logger): Dispatcher {
  return new Dispatcher({
    db: dbh.db,
    kind: dbh.kind,
    adapters: adaptersFromEnv(env),
    log: log.child({ component: 'outbox' }),
    pollMs: env.OUTBOX_POLL_MS,
    batch: env.OUTBOX_BATCH,
    maxAttempts: env.OUTBOX_MAX_ATTEMPTS,
    backoffMs: env.OUTBOX_BACKOFF_MS,
    backoffMaxMs: env.OUTBOX_BACKOFF_MAX_MS,
    leaseMs: Math.max(30_000, env.INTEGRATION_TIMEOUT_MS * 3),
    stopGraceMs: Math.min(5000, Math.floor(env.INTEGRATION_TIMEOUT_MS / 2)),
  });
}

export { Dispatcher } from './dispatcher';
