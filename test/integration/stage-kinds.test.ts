import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { signedInStack } from '../support/system';

const applicant = { fullName: 'Lò Thị Mai', idNumber: '010203004568', phone: '0912345679' };
const WORKING_DAY = 8 * 3_600_000;

/**
 * The stage kinds through HTTP: reception's form 02 (asked once; not received, no due date, until
 * completed) and the marriage's lawful verification (version 2: up to 5 working days more, with no
 * apology), on one dossier; and a procedure without a verification refusing it.
 */
describe('stage kinds driven through HTTP', () => {
  const stack = signedInStack(['citizen', 'laocai.desk', 'laocai.specialist', 'laocai.leader']);
  const as = stack.as;

  const file = async (procedureCode: string) => {
    const { body: procedure } = await request(stack.system.server).get(`/api/procedures/${procedureCode}`);
    const created = await request(stack.system.server)
      .post('/api/dossiers')
      .set(as('citizen'))
      .set('Idempotency-Key', `it-${Date.now()}-${procedureCode}`)
      .send({ procedureCode, agencyCode: '02647', channel: 'online', applicant, form: procedure.example });
    expect(created.status).toBe(201);
    const code = created.body.code as string;
    const act = (user: string, action: string, body: object = {}) =>
      request(stack.system.server).post(`/api/dossiers/${code}/actions/${action}`).set(as(user)).send(body);
    return { code, act };
  };

  it('asks for completion at reception, then extends a marriage for verification without an apology', async () => {
    const { code, act } = await file('1.000894');

    const asked = await act('laocai.desk', 'request-completion', { missing: ['Giấy xác nhận tình trạng hôn nhân của bên nữ'], note: 'Mẫu số 02' });
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ status: 'SUBMITTED', dueAt: null });
    expect(asked.body.allowedActions).not.toContain('receive');
    const early = await act('laocai.desk', 'receive');
    expect([early.status, early.body.detail]).toEqual([409, 'the applicant has been asked to complete the file (form 02); receive it once completed']);
    expect((await act('laocai.desk', 'request-completion', { missing: ['lần hai'] })).status).toBe(409);

    expect((await act('citizen', 'complete', { note: 'Đã nộp giấy xác nhận' })).status).toBe(200);
    const received = await act('laocai.desk', 'receive');
    expect(received.body.status).toBe('RECEIVED');
    expect((await act('laocai.desk', 'assign', { assigneeId: 'u-laocai.specialist' })).body.status).toBe('IN_REVIEW');

    const before = Date.parse(received.body.dueAt);
    expect((await act('laocai.specialist', 'require-verification', { reason: 'Cần xác minh', days: 6 })).status).toBe(422);
    const verified = await act('laocai.specialist', 'require-verification', { reason: 'Cần xác minh điều kiện kết hôn', days: 3 });
    expect(verified.status).toBe(200);
    expect(Date.parse(verified.body.dueAt) - before).toBeGreaterThanOrEqual(3 * WORKING_DAY);
    expect(verified.body.extended).toBe(false);
    expect((await act('laocai.specialist', 'require-verification', { reason: 'Lần hai' })).status).toBe(409);

    expect((await act('laocai.specialist', 'verify')).body.status).toBe('AWAITING_APPROVAL');
    const ready = await act('laocai.leader', 'approve');
    expect(ready.body).toMatchObject({ status: 'RESULT_READY', result: 'in-person-both-spouses' });

    // Handed to both spouses in person (Luật Hộ tịch 2014 art. 18): never online, both named and identified as on the form.
    const groom = { name: 'Vàng A Páo', idNumber: '010099001234' };
    const bride = { name: 'Giàng Thị Dung', idNumber: '010301005678' };
    const online = await act('laocai.desk', 'deliver', { method: 'online', present: [groom, bride] });
    expect([online.status, online.body.detail]).toEqual([422, 'the marriage certificate is handed to both spouses in person, at the desk']);
    expect((await act('laocai.desk', 'deliver', { method: 'desk', present: [groom] })).status).toBe(422);
    const stranger = await act('laocai.desk', 'deliver', { method: 'desk', present: [groom, { name: 'Giàng Thị Dung', idNumber: '010301009999' }] });
    expect([stranger.status, stranger.body.errors]).toEqual([422, [{ field: 'present.1.idNumber', message: 'not the personal ID number of either spouse of this dossier' }]]);
    const delivered = await act('laocai.desk', 'deliver', { method: 'desk', present: [{ ...groom, name: 'VÀNG A PÁO' }, bride] });
    expect(delivered.body.status).toBe('DELIVERED');
    // Handed over at the desk, so not the applicant's to download; the office keeps its copy.
    expect((await request(stack.system.server).get(`/api/dossiers/${code}/documents/result`).set(as('citizen'))).status).toBe(404);
    expect((await request(stack.system.server).get(`/api/dossiers/${code}/documents/result`).set(as('laocai.desk'))).status).toBe(200);

    const events = await request(stack.system.server).get(`/api/dossiers/${code}/events`).set(as('laocai.leader'));
    expect(events.body.map((e: { type: string }) => e.type)).toEqual([
      'submit', 'request-completion', 'complete', 'receive', 'assign', 'require-verification', 'verify', 'approve', 'deliver',
    ]);
    const trail = events.body as { type: string; data: Record<string, unknown>; actorName: string | null }[];
    expect(trail.find((e) => e.type === 'request-completion')!.data).toMatchObject({ missing: ['Giấy xác nhận tình trạng hôn nhân của bên nữ'] });
    expect(trail.find((e) => e.type === 'require-verification')!.data).toMatchObject({ days: 3 });
    expect(trail.find((e) => e.type === 'deliver')!.data).toMatchObject({ method: 'desk', present: [{ name: 'VÀNG A PÁO', idNumber: groom.idNumber }, bride] });

    // The citizen reads what was asked of them.
    const mine = await request(stack.system.server).get(`/api/dossiers/${code}/events`).set(as('citizen'));
    expect(mine.body.find((e: { type: string }) => e.type === 'request-completion').data.note).toBe('Mẫu số 02');
  });

  it('refuses a verification on a procedure whose stages have none', async () => {
    const { act } = await file('1.001193');
    await act('laocai.desk', 'receive');
    await act('laocai.desk', 'assign', { assigneeId: 'u-laocai.specialist' });
    const refused = await act('laocai.specialist', 'require-verification', { reason: 'Cần xác minh' });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe('this procedure has no lawful verification period; use an apology (extend) instead');
  });
});
