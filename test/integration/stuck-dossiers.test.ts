/**
 * A stuck dossier made on purpose — a payment notice PostgreSQL cannot store, signalled to the
 * workflow behind the API's back (as a notice sent before the text rule existed would be) — is
 * recorded as `record-failed` instead of wedging the dossier, shows in the stuck list and the
 * metric for those who watch its agency, and an administrator repairs it in the audit trail
 * (docs/operations.md, "Stuck dossiers").
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../activities/audit/verify';
import type { System } from '../../runtime/system';
import { paymentSignal, syncedUpdate } from '../../workflows/messages';
import { fileExample, login, startTestSystem } from '../support/system';

const applicant = { fullName: 'Vàng Thị Mai', idNumber: '010203004999', phone: '0912000111' };

describe('stuck dossiers: seen, listed, repaired', () => {
  let system: System;
  const tokens: Record<string, string> = {};
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  let code: string;

  beforeAll(async () => {
    system = await startTestSystem();
    for (const u of ['citizen', 'laocai.desk', 'laocai.supervisor', 'tinh.supervisor', 'admin']) {
      tokens[u] = await login(system, u, u === 'admin' ? 'admin' : undefined);
    }
    code = (await fileExample(system, as('citizen'), { procedureCode: '1.001193', agencyCode: '02647', channel: 'online', applicant })).code;
  });
  afterAll(async () => system?.stop());

  const stuckList = (user: string) => request(system.server).get('/api/dossiers/stuck').set(as(user));

  it('a change PostgreSQL refuses is recorded as record-failed, and the dossier still answers', async () => {
    const handle = system.temporal.workflow.getHandle(code);
    await handle.signal(paymentSignal, { transactionId: 'GW-\ud800-1', amount: 1, paidAt: new Date().toISOString() });
    let types: string[] = [];
    for (let i = 0; i < 200 && !types.includes('record-failed'); i++) {
      await handle.executeUpdate(syncedUpdate);
      const events = await request(system.server).get(`/api/dossiers/${code}/events`).set(as('laocai.desk'));
      types = events.body.map((e: { type: string }) => e.type);
      if (!types.includes('record-failed')) await new Promise((r) => setTimeout(r, 50));
    }
    expect(types).toEqual(['submit', 'record-failed']);

    // Still usable: read, and acted on.
    expect((await request(system.server).get(`/api/dossiers/${code}`).set(as('citizen'))).status).toBe(200);
    const received = await request(system.server).post(`/api/dossiers/${code}/actions/receive`).set(as('laocai.desk')).send({});
    expect(received.status).toBe(200);
    expect(received.body.status).toBe('RECEIVED');
  });

  it('shows in the stuck list of the admin and the supervisors over its agency, and in the metric', async () => {
    for (const user of ['admin', 'tinh.supervisor', 'laocai.supervisor']) {
      const res = await stuckList(user);
      expect(res.status).toBe(200);
      const row = res.body.find((d: { code: string }) => d.code === code);
      expect(row).toMatchObject({ code, agencyCode: '02647', status: 'RECEIVED', stuckKind: 'record-failed', stuckReason: expect.stringContaining('payment-received') });
      expect(row.stuckReason).not.toContain('\ud800');
    }
    expect((await request(system.server).get('/api/dossiers/stuck').query({ filter: JSON.stringify({ kind: 'retrying' }) }).set(as('admin'))).body).toEqual([]);
    expect((await stuckList('citizen')).status).toBe(403);
    expect((await stuckList('laocai.desk')).status).toBe(403);
    const metrics = await request(system.server).get('/metrics');
    expect(metrics.text).toMatch(/^motcua_dossiers_stuck\{kind="record-failed"\} [1-9]/m);
  });

  it('only an administrator repairs it, with a reason; the repair is in the hash-chained trail', async () => {
    const repair = (user: string, body: object) => request(system.server).post(`/api/dossiers/${code}/repair`).set(as(user)).send(body);
    expect((await repair('laocai.supervisor', { mode: 'close', reason: 'đã kiểm tra' })).status).toBe(403);
    const noReason = await repair('admin', { mode: 'close', reason: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].field).toBe('reason');
    // The dossier moved on (received) since the failure: the old notice cannot be replayed on it.
    expect((await repair('admin', { mode: 'retry', reason: 'thử lại' })).status).toBe(409);

    const closed = await repair('admin', { mode: 'close', reason: 'Giao dịch lỗi mã hoá, ngân hàng gửi lại' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ code, stuckKind: null, stuckAt: null });
    expect((await repair('admin', { mode: 'close', reason: 'lần hai' })).status).toBe(409);

    expect((await stuckList('admin')).body.some((d: { code: string }) => d.code === code)).toBe(false);
    const events = await request(system.server).get(`/api/dossiers/${code}/events`).set(as('laocai.desk'));
    expect(events.body.map((e: { type: string }) => e.type)).toEqual(['submit', 'record-failed', 'receive', 'repaired']);
    expect(events.body.at(-1)).toMatchObject({ actorRole: 'admin', data: { mode: 'close', reason: 'Giao dịch lỗi mã hoá, ngân hàng gửi lại', failedType: 'payment-received' } });
    expect(verifyChain(code, events.body)).toMatchObject({ ok: true, events: 4 });
  });

  it('a dossier whose workflow has ended is closed by the API itself, in the same trail', async () => {
    const { body: procedure } = await request(system.server).get('/api/procedures/1.001193');
    const created = await request(system.server)
      .post('/api/dossiers')
      .set(as('citizen'))
      .send({ procedureCode: '1.001193', agencyCode: '02647', channel: 'online', applicant, form: procedure.example });
    const other = created.body.code as string;
    const handle = system.temporal.workflow.getHandle(other);
    await handle.signal(paymentSignal, { transactionId: 'GW-\udfff-2', amount: 1, paidAt: new Date().toISOString() });
    for (let i = 0; i < 200 && !(await stuckList('admin')).body.some((d: { code: string }) => d.code === other); i++) await new Promise((r) => setTimeout(r, 50));
    await handle.terminate('test: the workflow is gone');
    const repair = (mode: string) => request(system.server).post(`/api/dossiers/${other}/repair`).set(as('admin')).send({ mode, reason: 'Quy trình đã kết thúc' });
    expect((await repair('retry')).status).toBe(409);
    const closed = await repair('close');
    expect(closed.status).toBe(200);
    expect(closed.body.stuckKind).toBeNull();
    const events = await request(system.server).get(`/api/dossiers/${other}/events`).set(as('laocai.desk'));
    expect(events.body.map((e: { type: string }) => e.type)).toEqual(['submit', 'record-failed', 'repaired']);
    expect(verifyChain(other, events.body)).toMatchObject({ ok: true, events: 3 });
  });
});
