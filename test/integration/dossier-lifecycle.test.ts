import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { signedInStack } from '../support/system';

const applicant = { fullName: 'Sùng Thị Dua', idNumber: '010203004567', phone: '0912345678' };

describe('a birth registration driven through HTTP only', () => {
  const stack = signedInStack(['citizen', 'laocai.desk', 'laocai.specialist', 'laocai.leader', 'batxat.desk']);
  const as = stack.as;

  it('goes from online submission to delivery, with one audit event per action', async () => {
    const { body: procedure } = await request(stack.system.server).get('/api/procedures/1.001193');
    const key = `it-${Date.now()}-birth`;
    const submit = () =>
      request(stack.system.server)
        .post('/api/dossiers')
        .set(as('citizen'))
        .set('Idempotency-Key', key)
        .send({ procedureCode: '1.001193', agencyCode: '02647', channel: 'online', applicant, form: procedure.example });
    const created = await submit();
    expect(created.status).toBe(201);
    expect(created.body.code).toMatch(/^02647-\d{6}-\d{4}$/);
    expect(created.body.status).toBe('SUBMITTED');
    const code = created.body.code as string;

    const again = await submit();
    expect(again.status).toBe(200);
    expect(again.body.code).toBe(code);

    const act = (user: string, action: string, body: object = {}) =>
      request(stack.system.server).post(`/api/dossiers/${code}/actions/${action}`).set(as(user)).send(body);

    const received = await act('laocai.desk', 'receive');
    expect(received.status).toBe(200);
    expect(received.body.status).toBe('RECEIVED');
    expect(received.body.dueAt).not.toBeNull();

    const twice = await act('laocai.desk', 'receive');
    expect(twice.status).toBe(409);
    expect(twice.headers['content-type']).toContain('application/problem+json');
    expect(twice.body.detail).toContain('allowed now');

    expect((await act('laocai.desk', 'assign', { assigneeId: 'u-laocai.specialist' })).body.status).toBe('IN_REVIEW');
    expect((await act('laocai.leader', 'verify')).status).toBe(403);
    expect((await act('laocai.specialist', 'verify', { note: 'đủ hồ sơ' })).body.status).toBe('AWAITING_APPROVAL');
    expect((await act('laocai.leader', 'approve')).body.status).toBe('RESULT_READY');
    expect((await act('laocai.desk', 'deliver', { method: 'online' })).body.status).toBe('DELIVERED');
    const rated = await act('citizen', 'rate', { score: 5, comment: 'Nhanh' });
    expect(rated.status).toBe(200);

    const events = await request(stack.system.server).get(`/api/dossiers/${code}/events`).set(as('laocai.leader'));
    expect(events.body.map((e: { type: string }) => e.type)).toEqual(['submit', 'receive', 'assign', 'verify', 'approve', 'deliver', 'rate']);
    expect(events.body.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);

    const foreign = await request(stack.system.server).get(`/api/dossiers/${code}`).set(as('batxat.desk'));
    expect(foreign.status).toBe(404);
  });

  it('refuses bad input with problem+json, never a 500', async () => {
    const bad = await request(stack.system.server)
      .post('/api/dossiers')
      .set(as('citizen'))
      .set('content-type', 'application/json')
      .send('{"procedureCode": ');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('malformed-json');

    const unknown = await request(stack.system.server)
      .post('/api/dossiers')
      .set(as('citizen'))
      .send({ procedureCode: '9.999999', agencyCode: '02647', channel: 'online', applicant, form: {} });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('procedureCode');

    const wrongForm = await request(stack.system.server)
      .post('/api/dossiers')
      .set(as('citizen'))
      .send({ procedureCode: '1.001193', agencyCode: '02647', channel: 'online', applicant, form: { childName: 1 } });
    expect(wrongForm.status).toBe(400);
    expect(wrongForm.body.errors.some((e: { field: string }) => e.field === 'form.childName')).toBe(true);

    expect((await request(stack.system.server).get('/api/dossiers')).status).toBe(401);
  });

  it('reports Temporal and the database as up', async () => {
    const res = await request(stack.system.server).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ database: 'up', temporal: 'up', databaseKind: 'postgres' });
  });
});
