import { describe, expect, it } from 'vitest';
import { loadEnv } from '../config/env';
import { isPortalPath, OidcClient, OidcFailure } from './oidc-client';

const PRODUCTION = {
  NODE_ENV: 'production',
  JWT_SECRET: 'a-real-secret-of-the-province',
  PAYMENT_WEBHOOK_SECRET: 'another-real-secret-here',
  MOTCUA_ADMIN_PASSWORD: 'a-long-admin-password',
  SMS_INBOUND_SECRET: 'a-real-inbound-sms-secret',
  DATABASE_URL: 'postgres://motcua@db/motcua',
  SIGNING_P12_PATH: '/run/secrets/signing.p12',
  TEMPORAL_ADDRESS: 'temporal:7233',
};

describe('the relying party’s settings and flow cookie', () => {
  it('refuses a plain-http issuer or a missing client secret in production, and leaves sign-in off when no issuer is set', () => {
    expect(() => loadEnv({ ...PRODUCTION, OIDC_ISSUER: 'http://idp.example', OIDC_CLIENT_SECRET: 's' })).toThrow(/OIDC_ISSUER: .*https only/);
    expect(() => loadEnv({ ...PRODUCTION, OIDC_ISSUER: 'https://idp.example' })).toThrow(/OIDC_CLIENT_SECRET/);
    // docker-compose passes the unset ones as empty strings.
    const off = loadEnv({ ...PRODUCTION, OIDC_ISSUER: '', OIDC_CLIENT_SECRET: '', OIDC_REDIRECT_URI: '' });
    expect(new OidcClient(off).configured).toBe(false);
    expect(new OidcClient(off).redirectUri).toBe('http://localhost:3000/api/auth/oidc/callback');
  });

  it('reads back the checks it sealed, and nothing it did not', async () => {
    const env = loadEnv({ NODE_ENV: 'test' });
    const client = new OidcClient(env);
    const checks = { state: 's1', nonce: 'n1', verifier: 'v1', returnTo: '/nop-ho-so/1.001193?kiosk=1' };
    expect(await client.openChecks(await client.sealChecks(checks))).toEqual(checks);
    const other = new OidcClient({ ...env, JWT_SECRET: 'another-secret-entirely' });
    await expect(client.openChecks(await other.sealChecks(checks))).rejects.toSatisfy((e) => e instanceof OidcFailure && e.code === 'expired');
    await expect(client.openChecks(undefined)).rejects.toSatisfy((e) => e instanceof OidcFailure && e.code === 'expired');
  });

  it('returns only to a page of the portal', () => {
    for (const ok of ['/ho-so-cua-toi', '/nop-ho-so/1.001193?kiosk=1&idle=5']) expect(isPortalPath(ok), ok).toBe(true);
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example/', '/api/me', '/api', '/x#y', 'javascript:alert(1)']) expect(isPortalPath(bad), bad).toBe(false);
  });
});
