import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPaymentBody } from '../../api/routes/payments.routes';
import { allProcedures, isCoded } from '../../procedures';
import type { System } from '../../runtime/system';
import { login, startTestSystem } from '../support/system';

const ADMIN_PASSWORD = process.env.MOTCUA_ADMIN_PASSWORD ?? 'admin';
const OFFICER_PASSWORD = 'Catalogue-officer-2026';
const COMMUNE = '02647';
const applicant = { fullName: 'Vàng Thị Say', idNumber: '010203001234', phone: '0912000111' };

/** A fixed-seed sample of the catalogue's generic procedures (mulberry32): the same 24 every run. */
function sample<T>(items: T[], n: number, seed = 20261201): T[] {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!);
  return out;
}

describe('the national catalogue, every procedure usable as it stands', () => {
  let system: System;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = { 'laocai.specialist': 'u-laocai.specialist' };
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const api = () => request(system.server);
  const generic = allProcedures().filter((p) => !isCoded(p.code));
  const picked = sample(generic, 24);
  const departments = [...new Set(picked.map((p) => p.handoff?.departmentCode).filter((d): d is string => !!d))];
  const officer = (agency: string, role: string) => (agency === COMMUNE ? `laocai.${role}` : `${agency.toLowerCase()}.${role}`);

  beforeAll(async () => {
    system = await startTestSystem();
    tokens.admin = await login(system, 'admin', ADMIN_PASSWORD);
    for (const u of ['citizen', 'citizen2', 'laocai.desk', 'laocai.specialist', 'laocai.leader']) tokens[u] = await login(system, u);
    // The deciding departments of the sample get a desk, a specialist and a leader of their own.
    for (const dept of departments) {
      for (const role of ['desk-officer', 'specialist', 'leader']) {
        const username = officer(dept, role === 'desk-officer' ? 'desk' : role);
        const res = await api().post('/api/users').set(as('admin')).send({ username, password: OFFICER_PASSWORD, fullName: `Cán bộ ${dept}`, role, agencyCode: dept });
        expect(res.status).toBe(201);
        ids[username] = res.body.id;
        tokens[username] = await login(system, username, OFFICER_PASSWORD);
      }
    }
  }, 240_000);
  afterAll(async () => system?.stop());

  it('offers at least 1,500 commune- and province-level procedures, each with its deadline (or none stated), fee and documents', async () => {
    const res = await api().get('/api/procedures?range=[0,0]');
    expect(res.status).toBe(200);
    const total = Number(/\/(\d+)$/.exec(String(res.headers['content-range']))![1]);
    expect(total).toBeGreaterThanOrEqual(1_500);
    for (const p of generic.slice(0, 200)) {
      expect(p.deadline.workingDays === null || p.deadline.workingDays > 0).toBe(true);
      expect(p.fee.counter).toBeGreaterThanOrEqual(0);
    }
    const commune = await api().get('/api/procedures?level=commune&range=[0,4]');
    expect(commune.body.every((p: { level: string }) => p.level === 'commune')).toBe(true);
  });

  it('pages the list on the server and filters it by field', async () => {
    const page = await api().get('/api/procedures').query({ filter: JSON.stringify({ field: 'Hộ tịch' }), range: '[0,9]' });
    expect(page.status).toBe(200);
    expect(page.body).toHaveLength(10);
    expect(page.body.every((p: { field: { vi: string } }) => p.field.vi === 'Hộ tịch')).toBe(true);
    expect(page.headers['content-range']).toMatch(/^procedures 0-9\/\d+$/);
  });

  it('drives a fixed random sample of 24 catalogue procedures from submission to DELIVERED through the API', async () => {
    const act = async (user: string, code: string, action: string, body: object = {}) => {
      const res = await api().post(`/api/dossiers/${code}/actions/${action}`).set(as(user)).send(body);
      expect(res.status, `${code} ${action} by ${user}: ${JSON.stringify(res.body)}`).toBe(200);
      return res.body as { status: string; fee: number };
    };
    const pay = async (code: string, amount: number) => {
      const raw = JSON.stringify({ dossierCode: code, amount, transactionId: `tx-${code}`, paidAt: new Date().toISOString() });
      const res = await api().post('/api/payments/callback').set('content-type', 'application/json').set('X-Signature', signPaymentBody(system.env.PAYMENT_WEBHOOK_SECRET, raw)).send(raw);
      expect(res.status).toBe(200);
    };
    /** Waits for the workflow to move the projection (a payment is a signal, not an update). */
    const statusOf = async (code: string, not: string) => {
      for (let i = 0; i < 100; i++) {
        const res = await api().get(`/api/dossiers/${code}`).set(as('laocai.desk'));
        if (res.body.status !== not) return res.body.status as string;
        await new Promise((r) => setTimeout(r, 100));
      }
      return not;
    };

    for (const [i, p] of picked.entries()) {
      const { example } = (await api().get(`/api/procedures/${p.code}`)).body;
      const submitted = await api()
        .post('/api/dossiers')
        .set(as(i % 2 ? 'citizen2' : 'citizen')) // 20 submissions a minute per person
        .set('Idempotency-Key', `catalogue-${p.code}-${Date.now()}`)
        .send({ procedureCode: p.code, agencyCode: COMMUNE, channel: 'online', applicant, form: example });
      expect(submitted.status, `${p.code}: ${JSON.stringify(submitted.body)}`).toBe(201);
      const code = submitted.body.code as string;
      await act('laocai.desk', code, 'receive');
      const dept = p.handoff?.departmentCode ?? COMMUNE;
      if (dept !== COMMUNE) await act('laocai.desk', code, 'forward', { agencyCode: dept });
      await act(officer(dept, 'desk'), code, 'assign', { assigneeId: ids[officer(dept, 'specialist')] });
      let s = await act(officer(dept, 'specialist'), code, 'verify');
      if (s.status === 'AWAITING_PAYMENT') {
        await pay(code, s.fee);
        expect(await statusOf(code, 'AWAITING_PAYMENT')).toBe('AWAITING_APPROVAL');
      }
      s = await act(officer(dept, 'leader'), code, 'approve');
      expect(s.status).toBe('RESULT_READY');
      if (dept !== COMMUNE) await act(officer(dept, 'specialist'), code, 'return');
      s = await act('laocai.desk', code, 'deliver', { method: 'online' });
      expect(s.status, p.code).toBe('DELIVERED');
    }
  });

  it('publishes a new deadline while a dossier is in flight: the old dossier keeps its version and due date, a new one gets the new rule', async () => {
    const p = picked.find((x) => x.level === 'commune' && x.deadline.workingDays !== null) ?? generic.find((x) => x.level === 'commune' && x.deadline.workingDays !== null)!;
    const { example, version } = (await api().get(`/api/procedures/${p.code}`)).body;
    const submit = async (key: string) => {
      const res = await api().post('/api/dossiers').set(as('laocai.desk')).set('Idempotency-Key', key).send({ procedureCode: p.code, agencyCode: COMMUNE, channel: 'counter', applicant, form: example });
      expect(res.status).toBe(201);
      return res.body as { code: string; dueAt: string; procedureVersion: number; receivedAt: string };
    };
    const before = await submit(`catalogue-version-a-${Date.now()}`);
    expect(before.procedureVersion).toBe(version);

    const longer = p.deadline.workingDays! + 20;
    expect((await api().post(`/api/procedures/${p.code}/versions`).set(as('laocai.leader')).send({ deadline: { workingDays: longer } })).status).toBe(403);
    expect((await api().post(`/api/procedures/${p.code}/versions`).set(as('admin')).send({ deadline: { workingDays: -1 } })).status).toBe(400);
    const preview = await api().post(`/api/procedures/${p.code}/versions?dryRun=1`).set(as('admin')).send({ deadline: { workingDays: longer } });
    expect(preview.status).toBe(200);
    expect((await api().get(`/api/procedures/${p.code}`)).body.version).toBe(version);
    const published = await api().post(`/api/procedures/${p.code}/versions`).set(as('admin')).send({ deadline: { workingDays: longer }, note: 'công bố mới' });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ code: p.code, version: version + 1, deadline: { workingDays: longer } });
    const shown = (await api().get(`/api/procedures/${p.code}`)).body;
    expect(shown.version).toBe(version + 1);
    expect(shown.history[0]).toMatchObject({ version: version + 1, changes: { deadline: { workingDays: longer } }, note: 'công bố mới', publishedBy: 'u-admin' });

    const after = await submit(`catalogue-version-b-${Date.now()}`);
    expect(after.procedureVersion).toBe(version + 1);
    const days = (d: { dueAt: string; receivedAt: string }) => (Date.parse(d.dueAt) - Date.parse(d.receivedAt)) / 86_400_000;
    expect(days(after)).toBeGreaterThan(days(before) + 20);

    // The dossier in flight keeps its version and due date as it moves on.
    await api().post(`/api/dossiers/${before.code}/actions/assign`).set(as('laocai.desk')).send({ assigneeId: 'u-laocai.specialist' }).expect(200);
    const old = (await api().get(`/api/dossiers/${before.code}`).set(as('laocai.desk'))).body;
    expect(old).toMatchObject({ procedureVersion: version, dueAt: before.dueAt });
  });
});
