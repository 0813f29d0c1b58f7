import type { OutboxRow } from '../db/schema';

/**
 * Delivers one outbox message. Resolves when the receiver has accepted it; throws otherwise.
 * A `DeliveryError` with `permanent: true` (the receiver refused the message itself, e.g. 400 or
 * 422) sends the message to the dead letters at once; anything else is retried with back-off.
 * Every delivery carries the message id `<dossier>:<seq>:<channel>` as its idempotency key, so
 * a receiver can drop the duplicates that at-least-once delivery may produce.
 */
export interface Adapter {
  send(message: OutboxRow, signal: AbortSignal): Promise<void>;
  close?(): Promise<void>;
}

export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent = false,
  ) {
    super(message);
  }
}

/** Statuses that say the message itself is wrong: retrying the same bytes cannot succeed. */
const PERMANENT = new Set([400, 410, 413, 415, 422]);

/** POSTs JSON with a timeout; 2xx is success, PERMANENT statuses are final, the rest retried. */
export async function postJson(
  url: string,
  body: unknown,
  opts: { headers: Record<string, string>; timeoutMs: number; signal: AbortSignal },
): Promise<void> {
  const timeout = AbortSignal.timeout(opts.timeoutMs);
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...opts.headers },
      body: JSON.stringify(body),
      signal: AbortSignal.any([opts.signal, timeout]),
    });
  } catch (err) {
    if (timeout.aborted) throw new DeliveryError(`timeout after ${opts.timeoutMs} ms`);
    if (opts.signal.aborted) throw new DeliveryError('interrupted: dispatcher stopping');
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new DeliveryError(`network error: ${cause?.code ?? cause?.message ?? (err as Error).message}`);
  }
  const text = await res.text().catch(() => '');
  if (res.ok) return;
  throw new DeliveryError(`HTTP ${res.status}${text ? `: ${text.slice(0, 200)}` : ''}`, PERMANENT.has(res.status));
}
