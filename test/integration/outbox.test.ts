import { and, eq } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { recordEvent } from '../../activities/projection-store';
import { openDb } from '../../db/client';
import { outbox, submissions, type OutboxRow } from '../../db/schema';
import type { DossierEvent, DossierState } from '../../domain/lifecycle/state';
import { startHttpReceiver, startSmtpReceiver, type HttpReceiver, type SmtpReceiver } from '../support/local-receiver';
import { allProcedures } from '../../procedures';
import type { System } from '../../runtime/system';
import { fileExample, login, startTestSystem } from '../support/system';

/**
 * Issue 8: the transactional outbox and its dispatcher against LOCAL receivers (an HTTP portal
 * + SMS gateway and a real SMTP server on 127.0.0.1), on the real Temporal + PostgreSQL stack.
 * Receivers dedupe by Idempotency-Key, so "delivered once" means: accepted once per key.
 */
const runId = Date.now().toString(36);
const applicant = { fullName: 'Lò Văn Páo', idNumber: '010203009876', phone: '0987654321', email: `pao.${runId}@example.vn` };

async function until<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('outbox: portal, SMS and e-mail delivered exactly once, in order, whatever the receiver does', () => {
  let http: HttpReceiver;
  let smtp: SmtpReceiver;
  let system: System;
  const tokens: Record<string, string> = {};
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  let env: Record<string, string>;

  const rowsOf = async (code: string): Promise<OutboxRow[]> =>
    (await system.dbh.db.select().from(outbox).where(eq(outbox.dossierCode, code))).sort((a, b) => a.eventSeq - b.eventSeq || a.channel.localeCompare(b.channel));
  /** Keys of `code` the receivers accepted, in acceptance order. */
  const deliveredKeys = (code: string) =>
    [...http.accepted.keys(), ...smtp.accepted.keys()].filter((k) => k.startsWith(`${code}:`));
  const allSent = (code: string, n: number) => async () => {
    const rows = await rowsOf(code);
    return rows.length === n && rows.every((r) => r.status === 'sent') && rows;
  };

  beforeAll(async () => {
    http = await startHttpReceiver();
    smtp = await startSmtpReceiver();
    env = {
      PORTAL_BASE_URL: `${http.url}/portal`,
      PORTAL_TOKEN: 'portal-token-test',
      SMS_GATEWAY_URL: `${http.url}/sms`,
      SMS_API_KEY: 'sms-key-test',
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_FROM: 'Bộ phận Một cửa <motcua@test.local>',
      OFFICER_MAILBOX: 'motcua.{agencyCode}@test.local',
      OUTBOX_POLL_MS: '100',
      OUTBOX_BACKOFF_MS: '150',
      OUTBOX_BACKOFF_MAX_MS: '600',
      OUTBOX_MAX_ATTEMPTS: '100',
      INTEGRATION_TIMEOUT_MS: '800',
      LOG_LEVEL: 'error',
    };
    system = await startTestSystem(env);
    for (const u of ['citizen', 'laocai.desk', 'laocai.specialist', 'laocai.leader', 'laocai.supervisor', 'tinh.supervisor', 'batxat.desk', 'admin']) {
      tokens[u] = await login(system, u, u === 'admin' ? (process.env.MOTCUA_ADMIN_PASSWORD ?? 'admin') : undefined);
    }
  });
  afterAll(async () => {
    await system?.stop();
    await http?.close();
    await smtp?.close();
  });

  const act = (code: string, user: string, action: string, body: object = {}) =>
    request(system.server).post(`/api/dossiers/${code}/actions/${action}`).set(as(user)).send(body);
  const counterBirth = async (withEmail = false) => {
    const { body: p } = await request(system.server).get('/api/procedures/1.001193');
    const res = await request(system.server)
      .post('/api/dossiers')
      .set(as('laocai.desk'))
      .send({ procedureCode: '1.001193', agencyCode: '02647', channel: 'counter', applicant: withEmail ? applicant : { ...applicant, email: undefined }, form: p.example });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('RECEIVED');
    return res.body.code as string;
  };

  it('a full lifecycle produces exactly the expected messages, each delivered once', async () => {
    // Business household: the fee is paid before review.
    const { code, fee } = await fileExample(system, as('citizen'), { procedureCode: '1.001612', agencyCode: '02647', channel: 'online', applicant });
    const ok = async (user: string, action: string, body: object = {}) => {
      const res = await act(code, user, action, body);
      expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
      return res.body;
    };
    expect((await ok('laocai.desk', 'receive')).status).toBe('AWAITING_PAYMENT');
    await ok('laocai.desk', 'record-payment', { amount: fee, receiptNo: `BL-${runId}` });
    await ok('laocai.desk', 'assign', { assigneeId: 'u-laocai.specialist' });
    await ok('laocai.specialist', 'request-supplement', { missing: ['Bản sao giấy tờ pháp lý của chủ hộ'], note: 'bản chụp bị mờ' });
    const supplemented = await ok('citizen', 'supplement', {});
    // An apology comes ahead of the due date (docs/decision-766.md), before the result.
    await ok('laocai.leader', 'extend', { newDueAt: new Date(Date.parse(supplemented.dueAt) + 3 * 86_400_000).toISOString(), reason: 'chờ ký số' });
    await ok('laocai.specialist', 'verify', {});
    const ready = await ok('laocai.leader', 'approve', {});
    expect(ready.status).toBe('RESULT_READY');
    await ok('laocai.desk', 'deliver', { method: 'desk' });

    // seq: 1 submit, 2 receive (→ fee due), 3 record-payment, 4 assign, 5 request-supplement,
    // 6 supplement, 7 extend (apology, no status change), 8 verify, 9 approve, 10 deliver.
    const portalSeqs = [1, 2, 3, 4, 5, 6, 8, 9, 10];
    const citizenSeqs = [2, 5, 7, 9];
    const expected = [
      ...portalSeqs.map((s) => `${code}:${s}:portal`),
      ...citizenSeqs.flatMap((s) => [`${code}:${s}:sms`, `${code}:${s}:email`]),
    ].sort();

    const rows = await until('every message sent', allSent(code, expected.length));
    expect(rows.map((r) => r.id).sort()).toEqual(expected);
    expect(rows.every((r) => r.attempts === 1 && r.lastError === null)).toBe(true);
    await until('all keys at the receivers', () => deliveredKeys(code).length === expected.length);
    expect(deliveredKeys(code).sort()).toEqual(expected);
    // Once each, not merely once after dedupe: nothing was ever sent twice in the happy path.
    for (const key of expected) {
      const raw = http.requests.filter((r) => r.key === key).length + smtp.mails.filter((m) => m.key === key).length;
      expect(raw, key).toBe(1);
    }

    // The portal saw the statuses in order, with its codes, and the bearer token.
    const portal = [...http.accepted.values()].filter((r) => r.key.startsWith(`${code}:`) && r.path === '/portal/dossier-status');
    expect(portal.map((r) => r.body.eventSeq)).toEqual(portalSeqs);
    expect(portal.map((r) => r.body.statusCode)).toEqual([1, 6, 2, 4, 5, 4, 4, 9, 10]);
    expect(portal[0]!.headers.authorization).toBe('Bearer portal-token-test');
    expect(portal.at(-1)!.body).toMatchObject({ dossierCode: code, procedureCode: '1.001612', agencyCode: '02647', status: 'DELIVERED', eventSeq: 10 });
    expect(portal.at(-1)!.body.finishedAt).not.toBeNull();

    const sms = [...http.accepted.values()].filter((r) => r.key.startsWith(`${code}:`) && r.path === '/sms');
    expect(sms.map((r) => r.key)).toEqual(citizenSeqs.map((s) => `${code}:${s}:sms`));
    expect(sms.every((r) => r.headers['x-api-key'] === 'sms-key-test' && r.body.to === applicant.phone && r.body.reference === r.key)).toBe(true);
    expect(sms[0]!.body.text).toContain(`Ho so ${code}`);
    expect(sms[2]!.body.text).toMatch(/^Xin loi/);

    const mails = [...smtp.accepted.values()].filter((m) => m.key.startsWith(`${code}:`));
    expect(mails.every((m) => m.to.length === 1 && m.to[0] === applicant.email)).toBe(true);
    expect(mails.map((m) => m.key)).toEqual(citizenSeqs.map((s) => `${code}:${s}:email`));
  });

  it('writes officer e-mails for reminders and escalations, never twice for a retried activity, and lists them as notifications', async () => {
    // A dossier driven by recordEvent directly (timers of days cannot fire in a test): submitted
    // at the counter, then a reminder and an escalation — each recorded twice, as a retried activity would.
    const code = `02647-OUTBOX-${runId}`;
    const actor = { id: 'u-laocai.desk', role: 'desk-officer' as const, agencyCode: '02647' };
    await system.dbh.db.insert(submissions).values({
      dossierCode: code, requestHash: 'test', procedureCode: '1.001193', agencyCode: '02647', channel: 'counter',
      applicant: { fullName: applicant.fullName, idNumber: applicant.idNumber, phone: applicant.phone }, form: {}, submittedBy: actor,
    });
    const now = Date.now();
    const state = (seq: number, extra: Partial<DossierState> = {}): DossierState => ({
      code, procedureCode: '1.001193', procedureVersion: 1, status: 'RECEIVED', channel: 'counter', applicantUserId: null,
      receivingAgencyCode: '02647', agencyCode: '02647', assigneeId: null, submittedAt: now, receivedAt: now, clockStartAt: now,
      dueAt: now + 86_400_000, stageDueAt: now + 86_400_000, extended: false, supplementRequested: false, supplementDueAt: null,
      missing: [], fee: 0, paid: false, paymentDueAt: null, transactionIds: [], verified: false, forwarded: false,
      shares: [{ agencyCode: '02647', enteredAt: now, leftAt: null, dueAt: now + 86_400_000 }], reminders: [], escalated: false,
      rating: null, finishedAt: null, seq, ...extra,
    });
    const system_ = { id: 'system', role: 'admin' as const, agencyCode: null };
    const events: [DossierEvent, DossierState][] = [
      [{ seq: 1, type: 'submit', actor, at: now, fromStatus: null, toStatus: 'RECEIVED', agencyCode: '02647', data: { channel: 'counter' } }, state(1)],
      [{ seq: 2, type: 'reminder', actor: system_, at: now + 1, fromStatus: 'RECEIVED', toStatus: 'RECEIVED', agencyCode: '02647', data: { kind: 'reminder-75', assigneeId: null, dueAt: now + 86_400_000 } }, state(2, { reminders: ['reminder-75'] })],
      [{ seq: 3, type: 'escalation', actor: system_, at: now + 2, fromStatus: 'RECEIVED', toStatus: 'RECEIVED', agencyCode: '02647', data: { to: 'supervisor', agencyCode: '02647', dueAt: now + 86_400_000 } }, state(3, { escalated: true })],
    ];
    for (const [event, s] of events) {
      await recordEvent(system.dbh.db, { event, state: s });
      await recordEvent(system.dbh.db, { event, state: s }); // the retry
    }
    const expected = [`${code}:1:portal`, `${code}:1:sms`, `${code}:2:officer-email`, `${code}:3:officer-email`];
    const rows = await until('officer messages sent', allSent(code, expected.length));
    expect(rows.map((r) => r.id)).toEqual(expected);
    await until('officer mails received', () => deliveredKeys(code).length === 4);
    const officerMails = [...smtp.accepted.values()].filter((m) => m.key.startsWith(`${code}:`));
    expect(officerMails.map((m) => m.to)).toEqual([['motcua.02647@test.local'], ['motcua.02647@test.local']]);

    // Notifications: the 02647 officers and the province supervisor see both; another commune none.
    const notes = await request(system.server).get('/api/notifications?limit=200').set(as('laocai.supervisor'));
    expect(notes.status).toBe(200);
    const mine = notes.body.items.filter((n: { dossierCode: string }) => n.dossierCode === code);
    expect(mine.map((n: { type: string; read: boolean }) => [n.type, n.read])).toEqual([['escalation', false], ['reminder', false]]);
    const unread = notes.body.unread as number;
    const read = await request(system.server).post(`/api/notifications/${encodeURIComponent(`${code}#3`)}/read`).set(as('laocai.supervisor'));
    expect(read.status).toBe(200);
    expect(read.body.unread).toBe(unread - 1);
    const again = await request(system.server).post(`/api/notifications/${encodeURIComponent(`${code}#3`)}/read`).set(as('laocai.supervisor'));
    expect(again.body.unread).toBe(unread - 1);
    const unreadOnly = await request(system.server).get('/api/notifications?unread=true&limit=200').set(as('laocai.supervisor'));
    expect(unreadOnly.body.items.filter((n: { dossierCode: string }) => n.dossierCode === code).map((n: { type: string }) => n.type)).toEqual(['reminder']);
    // Read marks are per officer.
    const desk = await request(system.server).get('/api/notifications?limit=200').set(as('laocai.desk'));
    expect(desk.body.items.filter((n: { dossierCode: string; read: boolean }) => n.dossierCode === code && !n.read)).toHaveLength(2);
    const tinh = await request(system.server).get('/api/notifications?limit=200').set(as('tinh.supervisor'));
    expect(tinh.body.items.some((n: { dossierCode: string }) => n.dossierCode === code)).toBe(true);
    const other = await request(system.server).get('/api/notifications?limit=200').set(as('batxat.desk'));
    expect(other.body.items.some((n: { dossierCode: string }) => n.dossierCode === code)).toBe(false);
    expect((await request(system.server).post(`/api/notifications/${encodeURIComponent(`${code}#3`)}/read`).set(as('batxat.desk'))).status).toBe(404);
  });

  it('keeps messages waiting while the receiver is down or hangs, then delivers them in order per dossier', async () => {
    http.mode = 'fail';
    const code = await counterBirth();
    expect((await act(code, 'laocai.desk', 'assign', { assigneeId: 'u-laocai.specialist' })).status).toBe(200);
    expect((await act(code, 'laocai.specialist', 'verify', {})).status).toBe(200);
    expect((await act(code, 'laocai.leader', 'approve', {})).status).toBe(200);
    // seq 1 (counter submit, received): portal + sms; 2 assign, 3 verify: portal; 4 approve: portal + sms.
    const first = await until('retries of the first message', async () => {
      const rows = await rowsOf(code);
      const r = rows.find((x) => x.id === `${code}:1:portal`);
      return rows.length === 6 && r && r.attempts >= 2 && r;
    });
    expect(first.status).toBe('pending');
    expect(first.lastError).toContain('HTTP 500');
    // Order: nothing after seq 1 was even tried while seq 1 waits.
    const later = (await rowsOf(code)).filter((r) => r.eventSeq > 1);
    expect(later.every((r) => r.status === 'pending' && r.attempts === 0)).toBe(true);

    http.mode = 'hang';
    await until('a timeout recorded', async () => (await rowsOf(code)).find((r) => r.id === `${code}:1:portal` && r.lastError?.includes('timeout')));
    http.mode = 'ok';
    const rows = await until('all delivered after the receiver came back', allSent(code, 6), 30_000);
    expect(rows.find((r) => r.id === `${code}:1:portal`)!.attempts).toBeGreaterThan(2);
    const keys = deliveredKeys(code);
    expect(keys.filter((k) => k.endsWith(':portal'))).toEqual([1, 2, 3, 4].map((s) => `${code}:${s}:portal`));
    expect(keys.filter((k) => k.endsWith(':sms'))).toEqual([1, 4].map((s) => `${code}:${s}:sms`));
    // Each arrived at the portal in seq order, never a later one before an earlier one was accepted.
    const arrivals = http.requests.filter((r) => r.key.startsWith(`${code}:`) && r.path === '/portal/dossier-status').map((r) => r.body.eventSeq as number);
    expect([...arrivals].sort((a, b) => a - b)).toEqual(arrivals);
  });

  it('delivers exactly once per key across a dispatcher stopped mid-delivery and a new system on the same database', async () => {
    http.mode = 'hang';
    const code = await counterBirth(true);
    expect((await act(code, 'laocai.desk', 'assign', { assigneeId: 'u-laocai.specialist' })).status).toBe(200);
    await until('a delivery in flight', () => http.requests.some((r) => r.key === `${code}:1:portal`));
    const stopping = system.stop();
    system = undefined as unknown as System;
    await stopping;
    // Between the two systems: the interrupted message is back to pending, nothing was lost or marked sent.
    const between = openDb({ databaseUrl: inject('databaseUrl') });
    try {
      const interrupted = await between.db.select().from(outbox).where(eq(outbox.dossierCode, code));
      expect(interrupted.length).toBe(4);
      // (The SMTP server does not hang: the e-mail may already be out.)
      expect(interrupted.filter((r) => r.channel !== 'email').every((r) => r.status === 'pending')).toBe(true);
      expect(interrupted.find((r) => r.id === `${code}:1:portal`)!.lastError).toMatch(/interrupted|timeout/);
    } finally {
      await between.close();
    }

    http.mode = 'ok';
    system = await startTestSystem(env);
    const rows = await until('all delivered by the new system', allSent(code, 4), 30_000);
    expect(rows.map((r) => r.id)).toEqual([`${code}:1:email`, `${code}:1:portal`, `${code}:1:sms`, `${code}:2:portal`]);
    await until('all keys at the receivers', () => deliveredKeys(code).length === 4);
    const keys = deliveredKeys(code);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual(rows.map((r) => r.id).sort());
    // The interrupted request reached the receiver and was sent again: the key is what makes it once.
    expect(http.requests.filter((r) => r.key === `${code}:1:portal`).length).toBeGreaterThanOrEqual(2);
  });

  it('moves a refused message to the dead letters; the admin retries it; supervisors see the outbox and the integration rate', async () => {
    http.pathMode['/sms'] = 'reject';
    const code = await counterBirth();
    const dead = await until('the sms dead', async () => (await rowsOf(code)).find((r) => r.channel === 'sms' && r.status === 'dead'));
    expect(dead.attempts).toBe(1);
    expect(dead.lastError).toContain('HTTP 422');

    const list = (user: string, filter: object) =>
      request(system.server).get(`/api/outbox?filter=${encodeURIComponent(JSON.stringify(filter))}`).set(as(user));
    const seen = await list('laocai.supervisor', { status: 'dead', dossierCode: code });
    expect(seen.status).toBe(200);
    expect(seen.headers['content-range']).toBe('outbox 0-0/1');
    expect(seen.body[0]).toMatchObject({ id: `${code}:1:sms`, status: 'dead', channel: 'sms', channelConfigured: true });
    expect(seen.body[0].payload.to).toBe('*******321');
    expect((await list('tinh.supervisor', { dossierCode: code })).body).toHaveLength(2);
    expect((await list('admin', { dossierCode: code })).body).toHaveLength(2);
    expect((await list('batxat.desk', {})).status).toBe(403);
    expect((await list('laocai.desk', {})).status).toBe(403);

    const retry = (user: string, id: string) => request(system.server).post(`/api/outbox/${encodeURIComponent(id)}/retry`).set(as(user));
    expect((await retry('laocai.supervisor', dead.id)).status).toBe(403);
    delete http.pathMode['/sms'];
    const retried = await retry('admin', dead.id);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ status: 'pending', attempts: 0 });
    await until('the retried sms sent', async () => (await rowsOf(code)).every((r) => r.status === 'sent'));
    expect((await retry('admin', dead.id)).status).toBe(409);
    expect((await retry('admin', 'no-such-message')).status).toBe(404);

    const stats = await request(system.server).get('/api/stats/integration').set(as('laocai.supervisor'));
    expect(stats.status).toBe(200);
    // Every offered procedure counts: the 12 coded ones and the catalogue's, synced when offered online.
    const all = allProcedures();
    const integrated = all.filter((p) => p.portalIntegrated).length;
    expect(integrated).toBeGreaterThan(1_000);
    expect(stats.body.services).toEqual({ integrated, total: all.length, rate: integrated / all.length });
    expect(stats.body.dossiers.synced).toBeGreaterThanOrEqual(4);
    expect(stats.body.dossiers.synced).toBeLessThanOrEqual(stats.body.dossiers.total);
    expect(stats.body.outbox.configuredChannels).toEqual(['portal', 'sms', 'email', 'officer-email']);
    expect((await request(system.server).get('/api/stats/integration').set(as('laocai.desk'))).status).toBe(403);
    // A dossier whose latest status is not yet at the portal does not count as synced.
    const unsynced = await system.dbh.db.select().from(outbox).where(and(eq(outbox.dossierCode, code), eq(outbox.channel, 'portal')));
    expect(unsynced.every((r) => r.status === 'sent')).toBe(true);
  });
});
