import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { extractText, inflatePdf } from '../support/pdf-text';
import { signedInStack } from '../support/system';

/**
 * The repeatable hand-off through the API (domain/lifecycle/stages/handoff-route.ts): 1.012786 at
 * version 3 hops commune desk → land office → commune → land office, each hop with its share; the
 * targets are checked against the agency tree; form 05 and the register show the hops.
 */
describe('forwarding along a hand-off route', () => {
  const stack = signedInStack(['laocai.desk', 'laocai.leader', 'snnmt.desk']);
  const as = stack.as;
  const http = () => request(stack.system.server);
  const act = (user: string, code: string, action: string, body: object = {}) =>
    http().post(`/api/dossiers/${code}/actions/${action}`).set(as(user)).send(body);
  const atCounter = async (fullName: string) => {
    const form = (await http().get('/api/procedures/1.012786')).body.example;
    const res = await http().post('/api/dossiers').set(as('laocai.desk'))
      .send({ procedureCode: '1.012786', agencyCode: '02647', applicant: { fullName, idNumber: '010203001122', phone: '0911222333', address: 'Tổ 5, phường Lào Cai' }, form });
    expect(res.status).toBe(201);
    return res.body as { code: string; dueAt: string; procedureVersion: number; handoffRoute: unknown };
  };

  it('hops commune → land office → commune → land office with the route\'s shares, never moving the due date', async () => {
    const created = await atCounter('Nông Văn Khánh');
    const { code, dueAt } = created;
    expect(created.procedureVersion).toBe(3);
    expect(created.handoffRoute).toEqual({ next: { agencyCode: 'H38.SNNMT', shareWorkingDays: 5 } });

    const first = await act('laocai.desk', code, 'forward', { agencyCode: 'H38.SNNMT' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ agencyCode: 'H38.SNNMT', dueAt, handoffRoute: { next: { agencyCode: '02647', shareWorkingDays: 2 } } });
    expect(first.body.shares.at(-1)).toMatchObject({ agencyCode: 'H38.SNNMT', from: '02647', shareWorkingDays: 5, leftAt: null });

    // Off the tree: 400; the holder itself, or a share past what remains: 422 (the rules refuse it).
    const unknown = await act('snnmt.desk', code, 'forward', { agencyCode: 'H38.KHONGCO' });
    expect(unknown.status).toBe(400);
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await act('snnmt.desk', code, 'forward', { agencyCode: 'H38.SNNMT' })).status).toBe(422);
    const tooLong = await act('snnmt.desk', code, 'forward', { agencyCode: '02647', shareWorkingDays: 60 });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.detail).toMatch(/does not fit/);
    expect((await act('snnmt.desk', code, 'forward', { agencyCode: '02647', shareWorkingDays: 0 })).status).toBe(400);

    const back = await act('snnmt.desk', code, 'forward', { agencyCode: '02647' });
    expect(back.body).toMatchObject({ agencyCode: '02647', dueAt });
    expect(back.body.shares.at(-1)).toMatchObject({ from: 'H38.SNNMT', shareWorkingDays: 2 });
    const again = await act('laocai.leader', code, 'forward', { agencyCode: 'H38.SNNMT' });
    expect(again.body).toMatchObject({ agencyCode: 'H38.SNNMT', dueAt, handoffRoute: { next: null } });
    expect(again.body.shares.map((s: { agencyCode: string; shareWorkingDays?: number }) => [s.agencyCode, s.shareWorkingDays ?? null])).toEqual([
      ['02647', null], ['H38.SNNMT', 5], ['02647', 2], ['H38.SNNMT', 2],
    ]);
    expect((await http().get(`/api/dossiers/${code}/events`).set(as('laocai.desk'))).body.filter((e: { type: string }) => e.type === 'forward')).toHaveLength(3);

    // Form 05 lists every hop with its share; the register (06) says who holds the dossier now.
    const pdf = await http().get(`/api/dossiers/${code}/documents/control`).set(as('laocai.desk')).buffer(true).parse(binary);
    expect(pdf.status).toBe(200);
    const control = extractText(inflatePdf(pdf.body as Buffer)).replace(/\s+/g, ' ');
    for (const days of [5, 2]) expect(control).toContain(`thời hạn ${days} ngày làm việc`);
    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const csv = await http().get('/api/registers/dossiers/csv').query({ from, to }).set(as('laocai.leader'));
    expect(csv.status).toBe(200);
    const line = (csv.text as string).split('\r\n').find((l) => l.includes(code))!;
    expect(line).toContain('Đang ở: Sở Nông nghiệp và Môi trường');
  });

  it('lets the desk send a dossier up to the province People\'s Committee with a share it chooses', async () => {
    const { code, dueAt } = await atCounter('Lò Văn Sáu');
    const up = await act('laocai.desk', code, 'forward', { agencyCode: 'H38', shareWorkingDays: 2 });
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ agencyCode: 'H38', dueAt });
    expect(up.body.shares.at(-1)).toMatchObject({ agencyCode: 'H38', from: '02647', shareWorkingDays: 2 });
    expect(Date.parse(up.body.shares.at(-1).dueAt)).toBeLessThan(Date.parse(dueAt));
  });
});

const binary = ((res: NodeJS.ReadableStream, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}) as unknown as Parameters<request.Test['parse']>[0];
