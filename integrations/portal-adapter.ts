import type { Adapter } from './adapter';
import { postJson } from './adapter';

/**
 * National Public Service Portal status sync: POST `${baseUrl}/dossier-status` with the portal
 * payload (integrations/messages.ts PortalPayload), `Authorization: Bearer <token>` and
 * `Idempotency-Key: <dossier>:<seq>:portal`. The payload carries `eventSeq`, so a receiver can
 * also ignore a status older than one it already has.
 */
export function portalAdapter(cfg: { baseUrl: string; token?: string; timeoutMs: number }): Adapter {
  const url = `${cfg.baseUrl.replace(/\/+$/, '')}/dossier-status`;
  return {
    send: (m, signal) =>
      postJson(url, m.payload, {
        headers: { 'Idempotency-Key': m.id, ...(cfg.token ? { Authorization: `Bearer ${cfg.token}` } : {}) },
        timeoutMs: cfg.timeoutMs,
        signal,
      }),
  };
}
