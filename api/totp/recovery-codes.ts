import { createHash, randomInt } from 'node:crypto';

/** How many codes an enrolment hands out, each good for one sign-in without the phone. */
export const RECOVERY_CODE_COUNT = 10;

/** No 0/O, 1/I/L: the codes are read off paper. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** `XXXXX-XXXXX`: 10 characters of a 31-letter alphabet, ~49 bits each. */
export function newRecoveryCodes(n = RECOVERY_CODE_COUNT): string[] {
  const one = () => Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return Array.from({ length: n }, () => {
    const c = one();
    return `${c.slice(0, 5)}-${c.slice(5)}`;
  });
}

/** What the officer typed, as stored: upper case, without spaces or dashes. */
export const normalizeRecoveryCode = (code: string): string => code.toUpperCase().replace(/[\s-]/g, '');

/**
 * Only hashes are stored. The codes are random and long, so a plain SHA-256 is enough (a slow
 * password hash protects guessable secrets; these are not), and it lets one query find a code.
 */
export const hashRecoveryCode = (code: string): string => createHash('sha256').update(normalizeRecoveryCode(code)).digest('hex');

/** A recovery code's shape, as typed (with or without its dash). */
export const looksLikeRecoveryCode = (code: string): boolean => /^[0-9A-Z]{10}$/.test(normalizeRecoveryCode(code));
