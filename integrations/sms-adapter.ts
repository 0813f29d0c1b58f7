import type { Adapter } from './adapter';
import { postJson } from './adapter';
import type { SmsPayload } from './messages';

/**
 * HTTP SMS gateway: POST `SMS_GATEWAY_URL` with `{to, text, reference}`, header
 * `X-API-Key: <SMS_API_KEY>` and `Idempotency-Key: <dossier>:<seq>:sms` (also sent as
 * `reference`, for gateways that dedupe on a body field). Adapt the body here for a given
 * provider's API.
 */
export function smsAdapter(cfg: { url: string; apiKey?: string; timeoutMs: number }): Adapter {
  return {
    send: (m, signal) => {
      const p = m.payload as SmsPayload;
      return postJson(cfg.url, { to: p.to, text: p.text, reference: m.id }, {
        headers: { 'Idempotency-Key': m.id, ...(cfg.apiKey ? { 'X-API-Key': cfg.apiKey } : {}) },
        timeoutMs: cfg.timeoutMs,
        signal,
      });
    },
  };
}
