import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEnv } from '../config/env';
import { documentSigner } from './document-signer';

const production = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://u:p@db:5432/motcua',
  TEMPORAL_ADDRESS: 'temporal:7233',
  JWT_SECRET: 'a-real-secret-of-enough-length',
  PAYMENT_WEBHOOK_SECRET: 'another-real-secret-long-enough',
  MOTCUA_ADMIN_PASSWORD: 'not the default',
  SMS_INBOUND_SECRET: 'a-real-inbound-sms-secret',
};

describe('the document signer', () => {
  it("is required in production: no agency certificate, no start", () => {
    expect(() => loadEnv(production)).toThrow(/SIGNING_P12_PATH: production signs documents/);
    expect(loadEnv({ ...production, SIGNING_P12_PATH: '/run/secrets/signing.p12' }).SIGNING_P12_PATH).toBe('/run/secrets/signing.p12');
  });

  it('refuses a wrong password rather than signing with nothing', async () => {
    const out = execFileSync('bash', [path.resolve('scripts/setup-pki.sh')], { encoding: 'utf8' });
    const p12 = /SIGNING_P12_PATH=(.*)/.exec(out)![1]!;
    await expect(documentSigner({ SIGNING_P12_PATH: p12, SIGNING_P12_PASSWORD: 'wrong' })).rejects.toThrow();
  });
});
