import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * One-time passwords of RFC 4226 (HOTP) and RFC 6238 (TOTP), with node:crypto only. Officers'
 * authenticator apps use the defaults: SHA-1, 30-second steps, 6 digits (docs/security.md,
 * "Officer sign-in").
 */
export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512';

export interface TotpOptions {
  algorithm: TotpAlgorithm;
  digits: number;
  stepSeconds: number;
}

export const TOTP_DEFAULTS: TotpOptions = { algorithm: 'sha1', digits: 6, stepSeconds: 30 };

/** RFC 4226 §5.3: HMAC of the 8-byte big-endian counter, dynamic truncation, modulo 10^digits. */
export function hotp(key: Buffer, counter: number, digits = 6, algorithm: TotpAlgorithm = 'sha1'): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, key).update(msg).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The time step (RFC 6238 §4.2, T0 = 0) a moment falls in. */
export const stepAt = (unixMs: number, stepSeconds = TOTP_DEFAULTS.stepSeconds): number => Math.floor(unixMs / 1000 / stepSeconds);

/** The code of the step `unixMs` falls in. */
export function totp(key: Buffer, unixMs: number, o: TotpOptions = TOTP_DEFAULTS): string {
  return hotp(key, stepAt(unixMs, o.stepSeconds), o.digits, o.algorithm);
}

/**
 * The step a code matches, looking `window` steps either side of now (±1: a clock 30 s off, or a
 * code typed as it changed), or null. Every candidate is compared in constant time, so the answer
 * time does not tell how close a guess came. The caller refuses a step at or before the last one
 * used, so that a code seen over a shoulder cannot be replayed.
 */
export function matchStep(key: Buffer, code: string, unixMs: number, window = 1, o: TotpOptions = TOTP_DEFAULTS): number | null {
  if (!new RegExp(`^\\d{${o.digits}}$`).test(code)) return null;
  const now = stepAt(unixMs, o.stepSeconds);
  let found: number | null = null;
  for (let step = now - window; step <= now + window; step++) {
    const same = timingSafeEqual(Buffer.from(hotp(key, step, o.digits, o.algorithm)), Buffer.from(code));
    if (same && found === null) found = step;
  }
  return found;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 without padding: how authenticator apps take a secret. */
export function base32Encode(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=]/g, '');
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw new Error(`not base32: ${ch}`);
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The key URI authenticator apps scan (Google Authenticator's otpauth:// format). */
export function otpauthUri(issuer: string, account: string, key: Buffer): string {
  const label = encodeURIComponent(`${issuer}:${account}`);
  const q = new URLSearchParams({ secret: base32Encode(key), issuer, algorithm: 'SHA1', digits: '6', period: '30' });
  return `otpauth://totp/${label}?${q.toString()}`;
}
