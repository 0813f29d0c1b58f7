import postgres from 'postgres';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { System } from '../../runtime/system';
import { login, startTestSystem } from '../support/system';

const applicant = { fullName: 'Hà Văn Khánh', idNumber: '012345678901', phone: '0987654321' };

describe('supervisor statistics', () => {
  let system: System;
  let sqlc: postgres.Sql;
  const tokens: Record<string, string> = {};
  const as = (u: string) => ({ Authorization: `Bearer ${tokens[u]}` });

  beforeAll(async () => {
    system = await startTestSystem();
    sqlc = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {} });
    for (const u of ['batxat.desk', 'tinh.supervisor', 'laocai.supervisor', 'batxat.specialist']) tokens[u] = await login(system, u);
  });
  afterAll(async () => {
    await sqlc?.end();
    await system?.stop();
  });

  it('counts an overdue dossier where it is, and only for supervisors whose subtree holds it', async () => {
    const { body: p } = await request(system.server).get('/api/procedures/1.004873');
    const created = await request(system.server)
      .post('/api/dossiers')
      .set(as('batxat.desk'))
      .send({ procedureCode: '1.004873', agencyCode: '02683', channel: 'counter', applicant, form: p.example });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('RECEIVED');
    const code = created.body.code as string;
    const before = await request(system.server).get('/api/stats/overdue').set(as('tinh.supervisor'));
    expect(before.status).toBe(200);

    // The projection's clock is what the lists read: move the due date into the past, as time would.
    await sqlc`update dossiers set due_at = now() - interval '2 hours' where code = ${code}`;

    const after = await request(system.server).get('/api/stats/overdue').set(as('tinh.supervisor'));
    expect(after.body.total).toBe(before.body.total + 1);
    expect(after.body.byAgency.find((a: { agencyCode: string }) => a.agencyCode === '02683').count).toBeGreaterThanOrEqual(1);
    expect(after.body.byStage.find((s: { status: string }) => s.status === 'RECEIVED').count).toBeGreaterThanOrEqual(1);

    const list = await request(system.server).get('/api/dossiers').query({ filter: JSON.stringify({ overdue: true }) }).set(as('tinh.supervisor'));
    expect(list.body.map((d: { code: string }) => d.code)).toContain(code);
    expect(list.body.find((d: { code: string }) => d.code === code).applicant.idNumber).not.toBe(applicant.idNumber);

    const otherCommune = await request(system.server).get('/api/stats/overdue').set(as('laocai.supervisor'));
    expect(otherCommune.body.byAgency.some((a: { agencyCode: string }) => a.agencyCode === '02683')).toBe(false);
    expect((await request(system.server).get('/api/stats/overdue').set(as('batxat.specialist'))).status).toBe(403);
  });

  it('summarises rates over a period', async () => {
    const res = await request(system.server).get('/api/stats/summary').query({ from: '2020-01-01T00:00:00Z' }).set(as('tinh.supervisor'));
    expect(res.status).toBe(200);
    expect(res.body.total).toBeGreaterThanOrEqual(1);
    expect(res.body.onlineRate).toBeGreaterThanOrEqual(0);
    expect(res.body.onlineRate).toBeLessThanOrEqual(1);
    const bad = await request(system.server).get('/api/stats/summary').query({ from: 'yesterday' }).set(as('tinh.supervisor'));
    expect(bad.status).toBe(400);
  });
});
