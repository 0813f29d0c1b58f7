import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { VerifiedTokens } from './verified-tokens';

const SECRET = 'a-test-secret-of-enough-length-for-hs256';
const sign = (claims: Record<string, unknown>, expSeconds: number | null, secret = SECRET) => {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('u1').setIssuedAt(0);
  if (expSeconds !== null) jwt.setExpirationTime(expSeconds);
  return jwt.sign(new TextEncoder().encode(secret));
};

describe('VerifiedTokens', () => {
  it('answers the claims of a good token, the same on the second call', async () => {
    const tokens = new VerifiedTokens(SECRET, 10, () => 1_000_000);
    const token = await sign({ ver: 3 }, 2_000);
    expect(await tokens.verify(token)).toEqual({ sub: 'u1', ver: 3 });
    expect(await tokens.verify(token)).toEqual({ sub: 'u1', ver: 3 });
  });

  it('refuses a remembered token once its exp has passed', async () => {
    let now = 1_000_000;
    const tokens = new VerifiedTokens(SECRET, 10, () => now);
    const token = await sign({ ver: 1 }, 2_000);
    await tokens.verify(token);
    now = 1_999_999;
    expect((await tokens.verify(token)).ver).toBe(1);
    now = 2_000_000;
    await expect(tokens.verify(token)).rejects.toThrow();
  });

  it('refuses a token signed with another secret, or altered, every time', async () => {
    const tokens = new VerifiedTokens(SECRET, 10, () => 1_000_000);
    const forged = await sign({ ver: 1 }, 2_000, 'another-secret-of-enough-length-for-hs256');
    await expect(tokens.verify(forged)).rejects.toThrow();
    await expect(tokens.verify(forged)).rejects.toThrow();
    const good = await sign({ ver: 1 }, 2_000);
    await tokens.verify(good);
    const [h, p, s] = good.split('.');
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
    const altered = [h, Buffer.from(JSON.stringify({ ...payload, ver: 99 })).toString('base64url'), s].join('.');
    await expect(tokens.verify(altered)).rejects.toThrow();
  });

  it('keeps at most maxEntries tokens, and still verifies the ones it dropped', async () => {
    const tokens = new VerifiedTokens(SECRET, 2, () => 1_000_000);
    const all = await Promise.all([1, 2, 3].map((ver) => sign({ ver }, 2_000)));
    for (const t of all) await tokens.verify(t);
    expect((tokens as unknown as { entries: Map<string, unknown> }).entries.size).toBe(2);
    expect((await tokens.verify(all[0]!)).ver).toBe(1);
  });
});
