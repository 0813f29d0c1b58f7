import { randomUUID } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadEnv } from '../../config/env';
import { outbox, submissions } from '../../db/schema';
import { startHttpReceiver, type HttpReceiver } from '../support/local-receiver';
import { startSystem, type System } from '../../runtime/system';
import { startPendingWorkflows } from '../../temporal/dossier-starts';
import { login, startTestSystem } from '../support/system';

/**
 * Issue 14 §3: three API instances on one database, each with its own connection pool, caches,
 * start sweep and outbox dispatcher — as three processes of `npm run cluster` are.
 */
const run = Date.now().toString(36);
const applicant = { fullName: 'Thào Văn Sử', idNumber: '010203001122', phone: '0977000111' };

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('three API processes on one database', () => {
  let receiver: HttpReceiver;
  const systems: System[] = [];
  let admin: string;

  beforeAll(async () => {
    receiver = await startHttpReceiver();
    const env = { PORTAL_BASE_URL: `${receiver.url}/portal`, PORTAL_TOKEN: 'portal-token-test', OUTBOX_POLL_MS: '50', OUTBOX_BATCH: '5' };
    systems.push(await startTestSystem(env)); // migrates, seeds and runs the worker
    for (let i = 1; i < 3; i++) {
      systems.push(
        await startSystem(
          loadEnv({ NODE_ENV: 'test', PORT: '0', DATABASE_URL: inject('databaseUrl'), TEMPORAL_ADDRESS: inject('temporalAddress'), LOG_LEVEL: 'warn', MOTCUA_DATA_DIR: `/tmp/motcua-test-${randomUUID()}`, ...env }),
          { worker: false, prepare: false },
        ),
      );
    }
    admin = await login(systems[0]!, 'admin', process.env.MOTCUA_ADMIN_PASSWORD ?? 'admin');
  }, 120_000);
  afterAll(async () => {
    await Promise.all(systems.map((s) => s.stop()));
    await receiver?.close();
  });

  it('share one rate limit: 30 public lookups a minute per address, wherever they land', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      for (const s of systems) statuses.push((await request(s.server).get(`/api/public/dossiers/NO-SUCH-${run}?phone=0900000000`)).status);
    }
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429, 429, 429, 429, 429]);
  });

  it('start every pending submission once, with their sweeps running side by side', async () => {
    const citizen = await login(systems[0]!, 'citizen');
    const { body: procedure } = await request(systems[0]!.server).get('/api/procedures/1.001193');
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await request(systems[i % 3]!.server)
        .post('/api/dossiers')
        .set({ Authorization: `Bearer ${citizen}`, 'Idempotency-Key': `three-${run}-${i}` })
        .send({ procedureCode: '1.001193', agencyCode: '02647', channel: 'online', applicant, form: procedure.example });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      codes.push(res.body.code as string);
    }
    // As if their API process had died between commit and start: recorded 10 s ago, never started.
    // (The background sweeps wait 30 s, so only the three sweeps below see them.)
    const db = systems[0]!.dbh.db;
    // The database is the whole run's: start whatever other suites left pending first, so the count below is ours.
    await startPendingWorkflows(db, systems[0]!.temporal, 0);
    await db.update(submissions).set({ workflowStartedAt: null, createdAt: sql`now() - interval '10 seconds'` }).where(inArray(submissions.dossierCode, codes));
    const started = await Promise.all(systems.map((s) => startPendingWorkflows(s.dbh.db, s.temporal, 5_000)));
    expect(started.reduce((a, b) => a + b, 0)).toBe(codes.length);
    const rows = await db.select({ at: submissions.workflowStartedAt }).from(submissions).where(inArray(submissions.dossierCode, codes));
    expect(rows.every((r) => r.at !== null)).toBe(true);
  });

  it('send every outbox message once, with their dispatchers running side by side', async () => {
    const sentBefore = systems.map((s) => s.dispatcher!.stats.sent);
    const ids = Array.from({ length: 60 }, (_, i) => `THREE-${run}-${i}:1:portal`);
    await systems[0]!.dbh.db.insert(outbox).values(ids.map((id, i) => ({ id, dossierCode: `THREE-${run}-${i}`, eventSeq: 1, channel: 'portal', payload: { code: `THREE-${run}-${i}`, eventSeq: 1 } })));
    await until('all 60 accepted', async () => ids.every((id) => receiver.accepted.has(id)), 30_000);
    expect(receiver.duplicates).toBe(0);
    const sentNow = systems.map((s, i) => s.dispatcher!.stats.sent - sentBefore[i]!);
    // More than one dispatcher took part (batches of 5, polls every 50 ms).
    expect(sentNow.filter((n) => n > 0).length).toBeGreaterThanOrEqual(2);
  });

  it("reach every process within a second: an administrator's new agency", async () => {
    const code = `T${run}`.slice(0, 32);
    const res = await request(systems[0]!.server)
      .post('/api/agencies')
      .set({ Authorization: `Bearer ${admin}` })
      .send({ code, name: 'Bộ phận Một cửa thử nghiệm', kind: 'department', parentCode: 'H38' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const t = Date.now();
    await until('the agency in the other two', async () => systems.every((s) => s.agencies.get(code)), 1_000);
    expect(Date.now() - t).toBeLessThan(1_000);
  });

  it("reach every process within a second: a user's deactivation ends their sessions everywhere", async () => {
    const username = `three.${run}`;
    const made = await request(systems[0]!.server)
      .post('/api/users')
      .set({ Authorization: `Bearer ${admin}` })
      .send({ username, password: 'Three-process-officer-2026', fullName: 'Cán bộ Ba Tiến Trình', role: 'desk-officer', agencyCode: '02647' });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const token = await login(systems[0]!, username, 'Three-process-officer-2026');
    const me = (s: System) => request(s.server).get('/api/me').set({ Authorization: `Bearer ${token}` });
    // Each process has read (and cached) the user's row.
    for (const s of systems) expect((await me(s)).status).toBe(200);
    expect((await request(systems[0]!.server).post(`/api/users/${made.body.id}/deactivate`).set({ Authorization: `Bearer ${admin}` })).status).toBe(200);
    const t = Date.now();
    await until('401 everywhere', async () => (await Promise.all(systems.map(me))).every((r) => r.status === 401), 1_000);
    expect(Date.now() - t).toBeLessThan(1_000);
  });

  it("reach every process within a second: a holiday added to the calendar", async () => {
    const date = '2031-03-07';
    const added = await request(systems[0]!.server).post('/api/holidays').set({ Authorization: `Bearer ${admin}` }).send({ date, kind: 'off', note: 'Nghỉ bù thử nghiệm' });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const t = Date.now();
    await until('the holiday everywhere', async () => {
      const lists = await Promise.all(systems.map((s) => request(s.server).get('/api/holidays?filter={"year":2031}').set({ Authorization: `Bearer ${admin}` })));
      return lists.every((l) => (l.body as { date: string }[]).some((h) => h.date === date));
    }, 1_000);
    expect(Date.now() - t).toBeLessThan(1_000);
    await request(systems[0]!.server).delete(`/api/holidays/${date}`).set({ Authorization: `Bearer ${admin}` });
  });
});
