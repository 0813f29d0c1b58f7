import { createHash } from 'node:crypto';
import { jwtVerify } from 'jose';

/** What authorization takes from a token whose signature checked: whose it is, and its version. */
export interface VerifiedClaims {
  sub: string;
  ver: unknown;
}

/**
 * Verifies each session token's signature once per process, not once per request: an officer's
 * list, dossier page and trail send the same token dozens of times a minute, and jose's HMAC
 * through WebCrypto was a visible share of a read's CPU (docs/scaling.md). A verified token is
 * remembered by its SHA-256 (the token itself is never kept) until its `exp`, the oldest
 * dropped beyond `maxEntries`. Only the signature and expiry are remembered: whether the
 * session still holds (its `ver` against the user's token_version, the account active) is
 * checked on every request by the caller, so a revocation takes effect exactly as before.
 * A token that fails is not remembered: a client cannot fill the cache with garbage.
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, VerifiedClaims & { expiresAt: number }>();

  constructor(
    private readonly secret: string,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The token's claims when its signature is good and it has not expired; throws otherwise. */
  async verify(token: string): Promise<VerifiedClaims> {
    const key = createHash('sha256').update(token).digest('base64url');
    const hit = this.entries.get(key);
    if (hit) {
      if (this.now() < hit.expiresAt) return { sub: hit.sub, ver: hit.ver };
      this.entries.delete(key);
    }
    const { payload } = await jwtVerify(token, new TextEncoder().encode(this.secret), { algorithms: ['HS256'], currentDate: new Date(this.now()) });
    const claims = { sub: String(payload.sub), ver: payload.ver };
    // A token without `exp` never expires in jose's eyes; it is verified each time rather than kept forever.
    if (typeof payload.exp === 'number') this.remember(key, { ...claims, expiresAt: payload.exp * 1000 });
    return claims;
  }

  private remember(key: string, entry: VerifiedClaims & { expiresAt: number }) {
    this.entries.set(key, entry);
    for (const old of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(old);
    }
  }
}
