import postgres from 'postgres';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { System } from '../../runtime/system';
import { freePort } from '../../temporal/dev-server';
import { login, startTestSystem } from '../support/system';

const applicant = { fullName: 'Hà Văn Khánh', idNumber: '012345678901', phone: '0987654321' };

/** The value of one sample line (`name{labels} value`) of a Prometheus text exposition. */
function sample(text: string, name: string, labels = ''): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels} `) || (labels === '' && l.startsWith(`${name} `)));
  return line === undefined ? undefined : Number(line.split(' ').at(-1));
}

describe('Prometheus metrics', () => {
  let system: System;
  let sqlc: postgres.Sql;
  let workerMetrics: string;

  beforeAll(async () => {
    workerMetrics = `127.0.0.1:${await freePort()}`;
    system = await startTestSystem({ TEMPORAL_METRICS_ADDRESS: workerMetrics });
    sqlc = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await sqlc?.end();
    await system?.stop();
  });

  it('serves request latency by route pattern, dossiers by status and the overdue count at /metrics, without a token', async () => {
    const token = await login(system, 'batxat.desk');
    const { body: p } = await request(system.server).get('/api/procedures/1.004873');
    const created = await request(system.server)
      .post('/api/dossiers')
      .set({ Authorization: `Bearer ${token}` })
      .send({ procedureCode: '1.004873', agencyCode: '02683', channel: 'counter', applicant, form: p.example });
    expect(created.status).toBe(201);
    await sqlc`update dossiers set due_at = now() - interval '2 hours' where code = ${created.body.code as string}`;

    const res = await request(system.server).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(sample(res.text, 'motcua_http_request_duration_seconds_count', '{method="GET",route="/procedures/:code",status="200"}')).toBeGreaterThanOrEqual(1);
    expect(sample(res.text, 'motcua_http_request_duration_seconds_count', '{method="POST",route="/dossiers",status="201"}')).toBeGreaterThanOrEqual(1);
    expect(sample(res.text, 'motcua_dossiers', '{status="RECEIVED"}')).toBeGreaterThanOrEqual(1);
    expect(sample(res.text, 'motcua_dossiers', '{status="DELIVERED"}')).toBeGreaterThanOrEqual(0);
    const overdue = sample(res.text, 'motcua_dossiers_overdue');
    expect(overdue).toBeGreaterThanOrEqual(1);
    expect(res.text).toContain('motcua_process_resident_memory_bytes');

    // The counts are cached (one grouped scan per half minute): a change shows at the next refresh.
    await sqlc`update dossiers set due_at = now() + interval '2 days' where code = ${created.body.code as string}`;
    const again = await request(system.server).get('/api/metrics');
    expect(again.status).toBe(200);
    expect(sample(again.text, 'motcua_dossiers_overdue')).toBe(overdue);
  });

  it("serves the worker's own metrics (workflow task latency, sticky cache) on TEMPORAL_METRICS_ADDRESS", async () => {
    // The dossier above answered once started; its first workflow task completes just after.
    const executed = /^temporal_workflow_task_execution_latency_count\{.*workflow_type="dossierWorkflow".*\} [1-9]/m;
    let text = '';
    for (let i = 0; i < 100 && !executed.test(text); i++) {
      text = await (await fetch(`http://${workerMetrics}/metrics`)).text();
      if (!executed.test(text)) await new Promise((r) => setTimeout(r, 200));
    }
    expect(text).toMatch(/^temporal_workflow_task_execution_latency_count\{.*workflow_type="dossierWorkflow".*\} [1-9]/m);
    expect(text).toMatch(/^temporal_workflow_task_schedule_to_start_latency_bucket\{/m);
    expect(text).toMatch(/^temporal_sticky_cache_size\{/m);
  });
});
