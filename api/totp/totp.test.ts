import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, matchStep, otpauthUri, totp, type TotpAlgorithm } from './totp';

/** RFC 6238 Appendix B: the seeds are the ASCII digits 1234567890 repeated to the hash's length. */
const seed = (length: number) => Buffer.from('1234567890'.repeat(7).slice(0, length), 'ascii');
const KEYS: Record<TotpAlgorithm, Buffer> = { sha1: seed(20), sha256: seed(32), sha512: seed(64) };
const RFC6238: [number, string, string, string][] = [
  // unix seconds, SHA-1, SHA-256, SHA-512 (8 digits)
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(RFC6238)('matches the RFC’s test vectors at T=%i', (t, sha1, sha256, sha512) => {
    const expected = { sha1, sha256, sha512 };
    for (const algorithm of ['sha1', 'sha256', 'sha512'] as const) {
      expect(totp(KEYS[algorithm], t * 1000, { algorithm, digits: 8, stepSeconds: 30 }), algorithm).toBe(expected[algorithm]);
    }
  });

  it('gives the 6-digit code officers type: the last six digits of the 8-digit one', () => {
    expect(totp(KEYS.sha1, 59_000)).toBe('287082');
    expect(totp(KEYS.sha1, 1111111109_000)).toBe('081804');
  });

  it('matches RFC 4226’s HOTP vectors', () => {
    const codes = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    codes.forEach((code, counter) => expect(hotp(KEYS.sha1, counter)).toBe(code));
  });

  it('accepts a code one step early or late, not two, and answers the step it matched', () => {
    const now = 1234567890_000;
    const step = Math.floor(now / 30_000);
    for (const d of [-1, 0, 1]) expect(matchStep(KEYS.sha1, totp(KEYS.sha1, now + d * 30_000), now)).toBe(step + d);
    for (const d of [-2, 2]) expect(matchStep(KEYS.sha1, totp(KEYS.sha1, now + d * 30_000), now)).toBeNull();
  });

  it('refuses anything but six digits', () => {
    const now = 59_000;
    for (const code of ['', '28708', '2870822', '28708a', ' 287082', '287 082']) expect(matchStep(KEYS.sha1, code, now)).toBeNull();
  });
});

describe('base32 and the key URI', () => {
  it('round-trips and matches RFC 4648’s vectors', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Encode(Buffer.from('fooba'))).toBe('MZXW6YTB');
    expect(base32Decode('mzxw 6ytb oi======').toString()).toBe('foobar');
    expect(base32Decode(base32Encode(KEYS.sha512))).toEqual(KEYS.sha512);
    expect(() => base32Decode('ABC1')).toThrow(/base32/);
  });

  it('names the issuer and the account, with the secret in base32', () => {
    const uri = new URL(otpauthUri('Một cửa Lào Cai', 'laocai.desk', KEYS.sha1));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Một cửa Lào Cai:laocai.desk');
    expect(uri.searchParams.get('secret')).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(uri.searchParams.get('issuer')).toBe('Một cửa Lào Cai');
    expect(uri.searchParams.get('digits')).toBe('6');
  });
});
