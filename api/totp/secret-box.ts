import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Officers' TOTP secrets are stored sealed with AES-256-GCM, so that a copy of the database (a
 * backup, a read-only replica) does not hand out everyone's second factor. The key is TOTP_KEY,
 * else derived from JWT_SECRET (never the secret itself); changing it makes every enrolment void
 * (docs/security.md, "Officer sign-in").
 */
export const totpKey = (env: { TOTP_KEY?: string; JWT_SECRET: string }): Buffer =>
  createHmac('sha256', env.TOTP_KEY ?? env.JWT_SECRET).update('motcua totp secrets').digest();

const VERSION = 'v1';

/** `v1.<iv>.<tag>.<ciphertext>`, base64url; the user id is bound as associated data, so a sealed secret cannot be moved to another account. */
export function seal(key: Buffer, plain: Buffer, userId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(userId));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

/** The plain secret; throws when the box was altered, sealed for another user, or under another key. */
export function open(key: Buffer, sealed: string, userId: string): Buffer {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('not a sealed TOTP secret');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(userId));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
}
