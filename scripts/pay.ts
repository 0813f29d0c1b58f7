/**
 * Plays the payment gateway locally: signs a callback for a dossier and posts it.
 *
 *   npm run pay -- <dossierCode> [--url http://localhost:3000] [--amount N | --phone PHONE]
 *                  [--transaction ID] [--paid-at ISO]
 *
 * Without --amount the fee is read from the public lookup, which needs the applicant's --phone.
 * The signature uses PAYMENT_WEBHOOK_SECRET (the same development default as the server).
 */
import { randomUUID } from 'node:crypto';
import { signPaymentBody } from '../api/routes/payments.routes';
import { loadEnv } from '../config/env';

function usage(msg?: string): never {
  if (msg) console.error(msg);
  console.error('usage: tsx scripts/pay.ts <dossierCode> [--url http://localhost:3000] [--amount N | --phone PHONE] [--transaction ID] [--paid-at ISO]');
  process.exit(2);
}

const args = process.argv.slice(2);
const opts: Record<string, string> = {};
const positional: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a.startsWith('--')) {
    const [k, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    const v = inline ?? args[++i];
    if (v === undefined) usage(`--${k} needs a value`);
    opts[k] = v;
  } else positional.push(a);
}
const dossierCode = positional[0];
if (!dossierCode) usage();
const env = loadEnv();
const base = (opts.url ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');

let amount: number;
if (opts.amount !== undefined) {
  amount = Number(opts.amount);
  if (!Number.isSafeInteger(amount) || amount <= 0) usage(`--amount must be a positive whole number of VND: ${opts.amount}`);
} else {
  if (!opts.phone) usage('give --amount, or --phone to read the fee from the public lookup');
  const res = await fetch(`${base}/api/public/dossiers/${encodeURIComponent(dossierCode)}?phone=${encodeURIComponent(opts.phone)}`);
  const body = (await res.json().catch(() => ({}))) as { fee?: number; paid?: boolean; status?: string; detail?: string };
  if (!res.ok || typeof body.fee !== 'number') usage(`public lookup of ${dossierCode}: ${res.status} ${body.detail ?? ''}`);
  if (body.fee <= 0) usage(`dossier ${dossierCode} has no fee`);
  if (body.paid) console.error(`note: ${dossierCode} is already paid (status ${body.status}); posting anyway`);
  amount = body.fee;
}

const raw = JSON.stringify({
  dossierCode,
  amount,
  transactionId: opts.transaction ?? `LOCAL-${randomUUID()}`,
  paidAt: opts['paid-at'] ?? new Date().toISOString(),
});
const res = await fetch(`${base}/api/payments/callback`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-signature': signPaymentBody(env.PAYMENT_WEBHOOK_SECRET, raw) },
  body: raw,
});
console.log(`POST ${base}/api/payments/callback ${raw}`);
console.log(`${res.status} ${await res.text()}`);
process.exit(res.ok ? 0 : 1);
