import { eq } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loginThrottle, userTotp } from '../../db/schema';
import { TOTP_ATTEMPTS } from '../../api/totp/totp-context';
import { base32Decode, totp } from '../../api/totp/totp';
import type { System } from '../../runtime/system';
import { login, startTestSystem } from '../support/system';

/**
 * Issue 15 §3: officers' optional TOTP. Enrol → confirm with a code (recovery codes answered once)
 * → sign-in asks for a code → a wrong or replayed one is 401 → a recovery code works once →
 * disable with a code; the administrator's reset; codes rate-limited; the secret stored sealed.
 */
const ADMIN_PASSWORD = process.env.MOTCUA_ADMIN_PASSWORD ?? 'admin';
const PASSWORD = 'Sông Hồng chảy mãi';
const STEP_MS = 30_000;
const runId = Date.now().toString(36);
let n = 0;

describe('officer TOTP', () => {
  let system: System;
  let admin: string;
  const api = () => request(system.server);
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const signIn = (username: string, password: string, code?: string) => api().post('/api/auth/login').send({ username, password, ...(code === undefined ? {} : { code }) });
  /** A code of the app, `steps` steps from now (±1 is accepted; each step signs in once). */
  const codeOf = (secret: string, steps = 0) => totp(base32Decode(secret), Date.now() + steps * STEP_MS);

  async function newOfficer() {
    const username = `totp.${runId}.${++n}`;
    const res = await api().post('/api/users').set(as(admin)).send({ username, password: PASSWORD, fullName: 'Cán Bộ Thử Mã', role: 'specialist', agencyCode: '02647' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { id: res.body.id as string, username, token: await login(system, username, PASSWORD) };
  }
  /** An officer with TOTP on: their secret and recovery codes. */
  async function enrolled() {
    const u = await newOfficer();
    const enrol = await api().post('/api/auth/totp/enrol').set(as(u.token));
    expect(enrol.status, JSON.stringify(enrol.body)).toBe(200);
    const secret = enrol.body.secret as string;
    const on = await api().post('/api/auth/totp/activate').set(as(u.token)).send({ code: codeOf(secret) });
    expect(on.status, JSON.stringify(on.body)).toBe(200);
    return { ...u, secret, recoveryCodes: on.body.recoveryCodes as string[] };
  }

  beforeAll(async () => {
    system = await startTestSystem();
    admin = await login(system, 'admin', ADMIN_PASSWORD);
  });
  beforeEach(() => system.dbh.db.delete(loginThrottle));
  afterAll(async () => {
    if (system) await system.dbh.db.delete(loginThrottle);
    await system?.stop();
  });

  it('enrols: a secret with its otpauth:// URI and QR once, confirmed by a first code, which answers ten recovery codes', async () => {
    const u = await newOfficer();
    const status = () => api().get('/api/auth/totp').set(as(u.token));
    expect((await status()).body).toEqual({ enabled: false, pending: false, recoveryCodesLeft: 0 });
    const info = vi.spyOn(system.log, 'info');
    const enrol = await api().post('/api/auth/totp/enrol').set(as(u.token));
    expect(enrol.status).toBe(200);
    const { secret, uri, qrPng } = enrol.body as { secret: string; uri: string; qrPng: string };
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(uri).toBe(`otpauth://totp/${encodeURIComponent(`Một cửa:${u.username}`)}?secret=${secret}&issuer=${encodeURIComponent('Một cửa').replace(/%20/g, '+')}&algorithm=SHA1&digits=6&period=30`);
    expect(qrPng).toMatch(/^data:image\/png;base64,/);
    expect(info).toHaveBeenCalledWith(expect.objectContaining({ audit: 'totp.enrol', actor: u.id, target: u.id }), expect.any(String));

    // Waiting for its first code, the enrolment changes nothing at sign-in, and the secret never comes back.
    const pending = await status();
    expect(pending.body).toEqual({ enabled: false, pending: true, recoveryCodesLeft: 0 });
    expect(JSON.stringify(pending.body)).not.toContain(secret);
    expect((await signIn(u.username, PASSWORD)).status).toBe(200);
    const [row] = await system.dbh.db.select().from(userTotp).where(eq(userTotp.userId, u.id));
    expect(row!.secret).not.toContain(secret);
    expect(row!.secret).not.toContain(base32Decode(secret).toString('base64url'));

    const wrong = await api().post('/api/auth/totp/activate').set(as(u.token)).send({ code: codeOf(secret, 3) });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('totp-invalid');
    const on = await api().post('/api/auth/totp/activate').set(as(u.token)).send({ code: codeOf(secret) });
    expect(on.status).toBe(200);
    expect(on.body.enabled).toBe(true);
    expect(on.body.recoveryCodes).toHaveLength(10);
    expect(new Set(on.body.recoveryCodes).size).toBe(10);
    expect(info).toHaveBeenCalledWith(expect.objectContaining({ audit: 'totp.activate', actor: u.id }), expect.any(String));
    info.mockRestore();
    expect((await status()).body).toEqual({ enabled: true, pending: false, recoveryCodesLeft: 10 });
    // Only hashes are kept.
    const [after] = await system.dbh.db.select().from(userTotp).where(eq(userTotp.userId, u.id));
    for (const c of on.body.recoveryCodes as string[]) expect(after!.recoveryHashes.join()).not.toContain(c.replace('-', ''));

    const again = await api().post('/api/auth/totp/enrol').set(as(u.token));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('totp-enabled');
  });

  it('signs in with a code: none → 401 totp-required, a good one → a session, a wrong or replayed one → 401, a recovery code once', async () => {
    const u = await enrolled();
    const none = await signIn(u.username, PASSWORD);
    expect(none.status).toBe(401);
    expect(none.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(none.body.code).toBe('totp-required');
    // A wrong password is refused before any code is asked for, and says nothing about TOTP.
    const badPassword = await signIn(u.username, 'not the password at all', codeOf(u.secret, 1));
    expect(badPassword.status).toBe(401);
    expect(badPassword.body.code).toBe('unauthorized');

    const good = codeOf(u.secret, 1);
    const ok = await signIn(u.username, PASSWORD, good);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect((await api().get('/api/me').set(as(ok.body.token))).body.user.username).toBe(u.username);

    const replay = await signIn(u.username, PASSWORD, good);
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('totp-invalid');
    const wrongDigits = String((Number(codeOf(u.secret, 1)) + 1) % 1_000_000).padStart(6, '0');
    const wrong = await signIn(u.username, PASSWORD, wrongDigits);
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('totp-invalid');

    const info = vi.spyOn(system.log, 'info');
    const recovery = u.recoveryCodes[0]!;
    const viaRecovery = await signIn(u.username, PASSWORD, recovery.toLowerCase());
    expect(viaRecovery.status, JSON.stringify(viaRecovery.body)).toBe(200);
    expect(info).toHaveBeenCalledWith(expect.objectContaining({ audit: 'totp.recovery-used', target: u.id }), expect.any(String));
    info.mockRestore();
    expect((await signIn(u.username, PASSWORD, recovery)).body.code).toBe('totp-invalid');
    expect((await api().get('/api/auth/totp').set(as(u.token))).body.recoveryCodesLeft).toBe(9);
  });

  it('counts wrong codes at sign-in as failed sign-ins: the account locks, the right code too', async () => {
    const u = await enrolled();
    for (let i = 0; i < 4; i++) expect((await signIn(u.username, PASSWORD, '000000')).status).toBe(401);
    const fifth = await signIn(u.username, PASSWORD, '000000');
    expect(fifth.status).toBe(429);
    expect((await signIn(u.username, PASSWORD, codeOf(u.secret, 1))).status).toBe(429);
  });

  it('rate-limits codes wherever they are typed: past the limit, even the right code answers 429', async () => {
    const u = await newOfficer();
    const secret = (await api().post('/api/auth/totp/enrol').set(as(u.token))).body.secret as string;
    for (let i = 0; i < TOTP_ATTEMPTS.max; i++) expect((await api().post('/api/auth/totp/activate').set(as(u.token)).send({ code: '000000' })).status).toBe(400);
    const limited = await api().post('/api/auth/totp/activate').set(as(u.token)).send({ code: codeOf(secret) });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('disables with a code (not without), and sign-in no longer asks for one', async () => {
    const u = await enrolled();
    expect((await api().post('/api/auth/totp/disable').set(as(u.token)).send({ code: '000000' })).body.code).toBe('totp-invalid');
    const off = await api().post('/api/auth/totp/disable').set(as(u.token)).send({ code: u.recoveryCodes[3] });
    expect(off.status).toBe(200);
    expect(off.body).toEqual({ enabled: false });
    expect((await signIn(u.username, PASSWORD)).status).toBe(200);
    const twice = await api().post('/api/auth/totp/disable').set(as(u.token)).send({ code: codeOf(u.secret) });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('totp-not-enabled');
  });

  it('lets only the administrator reset an officer’s TOTP, audited', async () => {
    const u = await enrolled();
    const other = await login(system, 'laocai.leader');
    expect((await api().delete(`/api/users/${u.id}/totp`).set(as(other))).status).toBe(403);
    expect((await api().delete(`/api/users/${u.id}/totp`).set(as(u.token))).status).toBe(403);
    expect((await api().delete('/api/users/u-no-such-user/totp').set(as(admin))).status).toBe(404);
    const info = vi.spyOn(system.log, 'info');
    const reset = await api().delete(`/api/users/${u.id}/totp`).set(as(admin));
    expect(reset.status).toBe(200);
    expect(reset.body).toEqual({ enabled: false });
    expect(info).toHaveBeenCalledWith(expect.objectContaining({ audit: 'totp.reset', actor: 'u-admin', target: u.id, had: true }), expect.any(String));
    info.mockRestore();
    expect((await signIn(u.username, PASSWORD)).status).toBe(200);
  });

  it('is for officers: a citizen gets 403', async () => {
    const citizen = await login(system, 'citizen');
    expect((await api().get('/api/auth/totp').set(as(citizen))).status).toBe(403);
    expect((await api().post('/api/auth/totp/enrol').set(as(citizen))).status).toBe(403);
  });
});
