import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startCluster, type RunningCluster } from '../support/cluster';

const applicant = { fullName: 'Giàng Thị Mai', idNumber: '010203009876', phone: '0912000111' };

/** `npm run cluster -- --api 2 --workers 2`: temporal-server on PostgreSQL, two API processes on one port, two workers. */
describe('npm run cluster', () => {
  let cluster: RunningCluster;
  const tokens: Record<string, string> = {};

  const call = async (method: string, path: string, opts: { user?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
    const res = await fetch(`${cluster.baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(opts.user ? { authorization: `Bearer ${tokens[opts.user]}` } : {}), ...opts.headers },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> };
  };

  beforeAll(async () => {
    cluster = await startCluster(inject('databaseUrl'), ['--api', '2', '--workers', '2']);
    for (const u of ['citizen', 'laocai.desk', 'laocai.specialist', 'laocai.leader']) {
      const res = await call('POST', '/api/auth/login', { body: { username: u, password: 'motcua123' } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      tokens[u] = res.body.token as string;
    }
  }, 240_000);
  afterAll(async () => {
    await cluster?.stop();
    await cluster?.dropDatabases();
  }, 60_000);

  it('reports PostgreSQL persistence from the Temporal server itself, and the workers polling', async () => {
    const deadline = Date.now() + 60_000;
    let health = await call('GET', '/api/health');
    // Workers poll once their workflow bundle is built.
    while ((health.body.dossierPollers as number) < 1 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 1000));
      health = await call('GET', '/api/health');
    }
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', databaseKind: 'postgres', temporalPersistence: 'postgres12', temporalVisibility: 'postgres12' });
    expect(health.body.dossierPollers).toBeGreaterThanOrEqual(1);
  }, 90_000);

  it('takes a dossier from submission to delivery across its processes', async () => {
    const procedure = await call('GET', '/api/procedures/1.001193');
    const created = await call('POST', '/api/dossiers', {
      user: 'citizen',
      headers: { 'idempotency-key': `cluster-${Date.now()}` },
      body: { procedureCode: '1.001193', agencyCode: '02647', channel: 'online', applicant, form: procedure.body.example },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const code = created.body.code as string;
    const act = (user: string, action: string, body: object = {}) => call('POST', `/api/dossiers/${code}/actions/${action}`, { user, body });
    expect((await act('laocai.desk', 'receive')).body.status).toBe('RECEIVED');
    expect((await act('laocai.desk', 'assign', { assigneeId: 'u-laocai.specialist' })).body.status).toBe('IN_REVIEW');
    expect((await act('laocai.specialist', 'verify', { note: 'đủ hồ sơ' })).body.status).toBe('AWAITING_APPROVAL');
    expect((await act('laocai.leader', 'approve')).body.status).toBe('RESULT_READY');
    expect((await act('laocai.desk', 'deliver', { method: 'online' })).body.status).toBe('DELIVERED');
    // Whichever API process answers reads the same state.
    for (let i = 0; i < 4; i++) expect((await call('GET', `/api/dossiers/${code}`, { user: 'laocai.desk' })).body.status).toBe('DELIVERED');
  }, 120_000);

  it('stops everything on Ctrl-C within seconds', async () => {
    const { code, ms } = await cluster.stop();
    expect(code).toBe(0);
    expect(ms).toBeLessThan(20_000);
    expect(cluster.output()).toMatch(/stopped in \d+ ms/);
  }, 30_000);
});
