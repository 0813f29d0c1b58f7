import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { System } from '../../runtime/system';
import { login, startTestSystem } from '../support/system';

const pdf = () => Buffer.concat([Buffer.from('%PDF-1.7\n% bien ban kiem tra thuc dia\n'), randomBytes(2000)]);
const png = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(2000)]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The construction permit's site inspection and consultation through the API (version 2,
 * procedures/coded/construction-permit.ts): the applicant sees the visit, the minutes must be the
 * specialist's own PDF, and an agency asked for its opinion reads the dossier, finds it in its
 * list and answers while asked — and only then.
 */
describe('the inspect and consult stages through the API', () => {
  let system: System;
  const tokens: Record<string, string> = {};
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const http = () => request(system.server);
  const act = (user: string, code: string, action: string, body: object = {}) => http().post(`/api/dossiers/${code}/actions/${action}`).set(as(user)).send(body);
  const upload = async (user: string, name: string, type: string, content: Buffer) => {
    const res = await http().post('/api/attachments').set(as(user)).attach('file', content, { filename: name, contentType: type });
    expect(res.status, `upload by ${user}`).toBe(201);
    return res.body[0] as { id: string; name: string };
  };

  beforeAll(async () => {
    system = await startTestSystem();
    for (const u of ['citizen', 'laocai.desk', 'laocai.specialist', 'laocai.leader', 'batxat.specialist', 'snnmt.specialist', 'stp.leader']) tokens[u] = await login(system, u);
  });
  afterAll(async () => system?.stop());

  it('schedules and moves the visit, takes only a PDF of the specialist for its minutes, and lets the asked agencies answer', async () => {
    const form = (await http().get('/api/procedures/1.013225')).body.example;
    const submitted = await http().post('/api/dossiers').set(as('citizen'))
      .send({ procedureCode: '1.013225', agencyCode: '02647', channel: 'online', applicant: { fullName: 'Phạm Quang Minh', idNumber: '010186000123', phone: '0912000111' }, form });
    expect(submitted.status).toBe(201);
    const code = submitted.body.code as string;
    expect((await act('laocai.desk', code, 'receive')).status).toBe(200);
    expect((await act('laocai.desk', code, 'assign', { assigneeId: 'u-laocai.specialist' })).status).toBe(200);
    const examined = await act('laocai.specialist', code, 'verify');
    expect(examined.body.allowedActions).toEqual(['schedule-inspection']);

    // Minutes before any visit: refused; a visit in the past: a 422.
    const minutesPdf = await upload('laocai.specialist', 'bien-ban.pdf', 'application/pdf', pdf());
    expect((await act('laocai.specialist', code, 'record-inspection', { minutes: minutesPdf, outcome: 'conforms' })).status).toBe(409);
    expect((await act('laocai.specialist', code, 'schedule-inspection', { at: new Date(Date.now() - 60_000).toISOString(), place: 'Tổ 5, phường Cam Đường' })).status).toBe(422);
    expect((await act('laocai.specialist', code, 'schedule-inspection', { at: new Date(Date.now() + 86_400_000).toISOString(), place: 'Tổ 5, phường Cam Đường' })).status).toBe(200);
    const moved = await act('laocai.specialist', code, 'schedule-inspection', { at: new Date(Date.now() + 1500).toISOString(), place: 'Thửa 278, tờ bản đồ 34', note: 'chủ đầu tư xin dời lịch' });
    expect(moved.status).toBe(200);
    expect(moved.body.inspection.visits).toHaveLength(2);
    // The applicant sees the latest visit on the portal's dossier page (the API it reads).
    const mine = await http().get(`/api/dossiers/${code}`).set(as('citizen'));
    expect(mine.body.inspection.visits.at(-1)).toMatchObject({ place: 'Thửa 278, tờ bản đồ 34' });
    await sleep(2000);

    // The minutes: an image is refused, another officer's upload too; the specialist's PDF is taken.
    const image = await upload('laocai.specialist', 'anh.png', 'image/png', png());
    expect((await act('laocai.specialist', code, 'record-inspection', { minutes: image, outcome: 'conforms' })).status).toBe(400);
    const othersPdf = await upload('laocai.desk', 'bien-ban-khac.pdf', 'application/pdf', pdf());
    expect((await act('laocai.specialist', code, 'record-inspection', { minutes: othersPdf, outcome: 'conforms' })).status).toBe(400);
    const inspected = await act('laocai.specialist', code, 'record-inspection', { minutes: minutesPdf, outcome: 'conforms', note: 'hiện trạng phù hợp' });
    expect(inspected.status).toBe(200);
    expect(inspected.body.inspection.minutes).toMatchObject({ document: { id: minutesPdf.id, name: 'bien-ban.pdf' }, outcome: 'conforms' });
    expect(inspected.body.allowedActions).toContain('request-opinions');
    const attachments = (await http().get(`/api/dossiers/${code}/attachments`).set(as('laocai.desk'))).body as { id: string }[];
    expect(attachments.map((a) => a.id)).toContain(minutesPdf.id);

    // Asking: an agency outside the directory is a 400; then two agencies are asked.
    expect((await act('laocai.specialist', code, 'request-opinions', { agencies: [{ agencyCode: 'H99.NOWHERE' }], note: 'xin ý kiến' })).status).toBe(400);
    expect((await act('laocai.specialist', code, 'request-opinions', { agencies: [{ agencyCode: 'H38.SNNMT', days: 30 }], note: 'xin ý kiến' })).status).toBe(422);
    const asked = await act('laocai.specialist', code, 'request-opinions', { agencies: [{ agencyCode: 'H38.SNNMT' }, { agencyCode: 'H38.STP', days: 3 }], note: 'Xin ý kiến về quy hoạch và hành lang an toàn' });
    expect(asked.status).toBe(200);
    expect(asked.body.consultation.asks.map((a: { agencyCode: string }) => a.agencyCode)).toEqual(['H38.SNNMT', 'H38.STP']);

    // An asked agency reads the dossier, finds it in its list and may answer; another agency learns nothing.
    const seen = await http().get(`/api/dossiers/${code}`).set(as('snnmt.specialist'));
    expect(seen.status).toBe(200);
    expect(seen.body.allowedActions).toEqual(['record-opinion']);
    const list = await http().get('/api/dossiers').query({ range: '[0,99]' }).set(as('snnmt.specialist'));
    expect(list.body.map((d: { code: string }) => d.code)).toContain(code);
    expect((await http().get(`/api/dossiers/${code}`).set(as('batxat.specialist'))).status).toBe(404);
    expect((await act('batxat.specialist', code, 'record-opinion', { opinion: 'agree' })).status).toBe(404);
    // The holding agency does not answer for them.
    expect((await act('laocai.specialist', code, 'record-opinion', { opinion: 'agree' })).status).toBe(403);

    expect((await act('snnmt.specialist', code, 'record-opinion', { opinion: 'conditions' })).status).toBe(422);
    expect((await act('snnmt.specialist', code, 'record-opinion', { opinion: 'conditions', note: 'Lùi công trình 2 m so với chỉ giới đường đỏ' })).status).toBe(200);
    // Answered: it still reads what it was asked about, and can no longer act.
    expect((await http().get(`/api/dossiers/${code}`).set(as('snnmt.specialist'))).status).toBe(200);
    expect((await act('snnmt.specialist', code, 'record-opinion', { opinion: 'agree' })).status).toBe(403);

    const done = await act('stp.leader', code, 'record-opinion', { opinion: 'agree' });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('AWAITING_APPROVAL');
    const final = await http().get(`/api/dossiers/${code}`).set(as('laocai.leader'));
    expect(final.body.allowedActions).toContain('approve');
    expect(final.body.consultation.asks.map((a: { answer: { opinion: string } }) => a.answer.opinion)).toEqual(['conditions', 'agree']);
    const trail = (await http().get(`/api/dossiers/${code}/events`).set(as('laocai.desk'))).body as { type: string }[];
    expect(trail.map((e) => e.type)).toEqual(expect.arrayContaining(['schedule-inspection', 'record-inspection', 'request-opinions', 'record-opinion']));
  });
});
