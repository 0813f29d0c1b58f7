import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedInStack } from '../support/system';

/** Numbers no other suite uses, so the lookups below see only this file's dossiers. */
const ID = '010203117788';
const PHONE = '0912345001';

describe('the counter forgives spaces and dots, and finds a returning applicant', () => {
  const stack = signedInStack(['citizen', 'laocai.desk', 'laocai.specialist', 'batxat.desk']);
  const as = stack.as;
  let birth: Record<string, unknown>;

  beforeAll(async () => {
    birth = (await request(stack.system.server).get('/api/procedures/1.001193')).body.example;
  });

  const submit = (user: string, body: Record<string, unknown>) =>
    request(stack.system.server).post('/api/dossiers').set(as(user)).send({ procedureCode: '1.001193', agencyCode: '02647', form: birth, ...body });

  it('stores ID and phone numbers typed with spaces and dots as bare digits (counter and portal alike)', async () => {
    const counter = await submit('laocai.desk', {
      channel: 'counter',
      applicant: { fullName: 'Vàng Thị Dở', idNumber: '0102 0311.7788', phone: '0912.345.001', address: 'Thôn 1, phường Lào Cai' },
      form: { ...birth, declarantIdNumber: '010 203 117 788' },
    });
    expect(counter.status).toBe(201);
    expect(counter.body.applicant).toMatchObject({ idNumber: ID, phone: PHONE });
    expect(counter.body.form.declarantIdNumber).toBe(ID);

    const online = await submit('citizen', { channel: 'online', applicant: { fullName: 'Vàng Thị Dở', idNumber: ID, phone: '+84 912 345 001' } });
    expect(online.status).toBe(201);
    expect(online.body.applicant.phone).toBe('+84912345001');
  });

  it('still refuses what is not a number, with the field named', async () => {
    const res = await submit('laocai.desk', { channel: 'counter', applicant: { fullName: 'Vàng Thị Dở', idNumber: '0102 0311 77', phone: '09.12' } });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const fields = (res.body.errors as { field: string; message: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['applicant.idNumber', 'applicant.phone']);
    expect(res.body.errors[0].message).toMatch(/số|Số/);
    // The code travels with it, for a client to word zod's English defaults itself.
    expect(res.body.errors.map((e: { code: string }) => e.code)).toEqual(['invalid_format', 'invalid_format']);
  });

  it("answers the desk's own last applicant for an ID number, however it is typed", async () => {
    const res = await request(stack.system.server).get(`/api/applicants/${encodeURIComponent('0102.0311 7788')}`).set(as('laocai.desk'));
    expect(res.status).toBe(200);
    // The latest dossier at this desk is the citizen's online one: its phone, not the counter's.
    expect(res.body).toMatchObject({ fullName: 'Vàng Thị Dở', idNumber: ID, phone: '+84912345001' });
    expect(res.body.lastDossierCode).toMatch(/^02647-/);
  });

  it('keeps applicants within the desk: another commune learns nothing, other roles may not ask', async () => {
    expect((await request(stack.system.server).get(`/api/applicants/${ID}`).set(as('batxat.desk'))).status).toBe(404);
    expect((await request(stack.system.server).get(`/api/applicants/${ID}`).set(as('laocai.specialist'))).status).toBe(403);
    expect((await request(stack.system.server).get(`/api/applicants/${ID}`).set(as('citizen'))).status).toBe(403);
    const bad = await request(stack.system.server).get('/api/applicants/12ab').set(as('laocai.desk'));
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('idNumber');
  });
});
