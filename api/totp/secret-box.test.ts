import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { open, seal, totpKey } from './secret-box';

describe('sealed TOTP secrets', () => {
  const key = totpKey({ JWT_SECRET: 'a-test-secret-of-some-length' });
  const secret = randomBytes(20);

  it('opens what it sealed, and the box never contains the secret', () => {
    const box = seal(key, secret, 'u-1');
    expect(open(key, box, 'u-1')).toEqual(secret);
    expect(box).not.toContain(secret.toString('base64url'));
    expect(seal(key, secret, 'u-1')).not.toBe(box);
  });

  it('refuses a box moved to another user, opened with another key, or altered', () => {
    const box = seal(key, secret, 'u-1');
    expect(() => open(key, box, 'u-2')).toThrow();
    expect(() => open(totpKey({ JWT_SECRET: 'another-secret-entirely-here' }), box, 'u-1')).toThrow();
    expect(() => open(totpKey({ TOTP_KEY: 'a-dedicated-totp-key-here', JWT_SECRET: 'a-test-secret-of-some-length' }), box, 'u-1')).toThrow();
    const parts = box.split('.');
    parts[3] = Buffer.from('x'.repeat(20)).toString('base64url');
    expect(() => open(key, parts.join('.'), 'u-1')).toThrow();
    expect(() => open(key, 'garbage', 'u-1')).toThrow(/sealed/);
  });
});

describe('recovery codes', () => {
  it('are ten distinct XXXXX-XXXXX codes, hashed the same with or without dash or case', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) {
      expect(c).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
      expect(looksLikeRecoveryCode(c)).toBe(true);
      expect(hashRecoveryCode(c.toLowerCase().replace('-', ' '))).toBe(hashRecoveryCode(c));
    }
    expect(looksLikeRecoveryCode('123456')).toBe(false);
  });
});
