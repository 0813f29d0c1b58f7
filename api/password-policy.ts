import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** The list shipped in api/data (its header says where it comes from), lower-cased. */
const COMMON = new Set(
  readFileSync(new URL('./data/common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((l) => l.trim().toLowerCase())
    .filter((l) => l && !l.startsWith('#')),
);

export const PASSWORD_MIN_LENGTH = 12;

/**
 * A password set through the API (user creation, password change): long enough, not a well-known
 * one, not blank. Whether it contains the username is checked where both are known (`passwordIssue`).
 * The seeded demo users' `motcua123` never goes through here (db/seed).
 */
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(200)
  .refine((p) => p.trim() !== '', 'not only spaces')
  .refine((p) => !isCommonPassword(p), 'a well-known password; choose another');

export function isCommonPassword(password: string): boolean {
  return COMMON.has(password.trim().toLowerCase());
}

/** The rule on the pair: the password must not contain the username, in any case. */
export function passwordIssue(password: string, username: string): string | null {
  const u = username.trim().toLowerCase();
  return u && password.toLowerCase().includes(u) ? 'must not contain the username' : null;
}
