/**
 * Hostile text at every door (docs/operations.md, "Poison input"): each class the one text rule
 * refuses (domain/text-rule.ts) is posted to an action body, a submission, a query string, an
 * upload's file name and a signed payment callback. Every answer is a 400 problem naming the
 * field — never a 5xx — and the dossier they aimed at still answers and moves afterwards.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPaymentBody } from '../../api/routes/payments.routes';
import type { System } from '../../runtime/system';
import { login, startTestSystem } from '../support/system';

const applicant = { fullName: 'Lò Văn Páo', idNumber: '010203004777', phone: '0912000222' };

/** One value per hostile class; `name` ones break the rule only in names and codes. */
const HOSTILE = {
  'lone surrogate': 'Hồ sơ \ud800 lỗi',
  'bidi override': 'hoso\u202eFDP.exe',
  'bidi isolate': 'ghi chú \u2067ẩn\u2069',
  'control character': 'ghi\u0007chú',
  'NUL character': 'ghi\u0000chú',
  'combining-mark run': `Nguye\u0302\u0323\u0301\u0301n`,
} as const;
const ZERO_WIDTH_NAME = 'Nguyễn\u200bVăn A';
const deep = (n: number): unknown => JSON.parse(`${'['.repeat(n)}"x"${']'.repeat(n)}`);

function expectRefused(res: request.Response, field: string) {
  expect(res.status, `${res.status} ${JSON.stringify(res.body)}`).toBe(400);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.body.errors?.[0]?.field).toBe(field);
}

describe('poison text: refused at every door, the dossier unharmed', () => {
  let system: System;
  const tokens: Record<string, string> = {};
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  let code: string;
  let example: Record<string, unknown>;
  const http = () => request(system.server);

  beforeAll(async () => {
    system = await startTestSystem();
    for (const u of ['citizen', 'laocai.desk']) tokens[u] = await login(system, u);
    example = (await http().get('/api/procedures/1.001193')).body.example;
    const created = await http().post('/api/dossiers').set(as('citizen')).send({ procedureCode: '1.001193', agencyCode: '02647', channel: 'online', applicant, form: example });
    expect(created.status).toBe(201);
    code = created.body.code;
  });
  afterAll(async () => system?.stop());

  const submit = (body: object) => http().post('/api/dossiers').set(as('citizen')).send({ procedureCode: '1.001193', agencyCode: '02647', channel: 'online', applicant, form: example, ...body });
  const act = (action: string, body: unknown) =>
    http().post(`/api/dossiers/${code}/actions/${action}`).set(as('laocai.desk')).set('Content-Type', 'application/json').send(typeof body === 'string' ? body : JSON.stringify(body));

  it.each(Object.entries(HOSTILE))('an action body with a %s is a 400 naming the field', async (_name, value) => {
    expectRefused(await act('not-accept', { reason: value }), 'reason');
    expectRefused(await act('request-supplement', { missing: ['Giấy khai sinh', value] }), 'missing.1');
  });

  it('an action body: zero-width in a name, a newline in a code, nesting 10 000 deep', async () => {
    expectRefused(await act('assign', { assigneeId: 'u-laocai\u200b.specialist' }), 'assigneeId');
    expectRefused(await act('forward', { agencyCode: 'H38.\nSTP' }), 'agencyCode');
    const res = await act('supplement', `{"form":{"x":${'['.repeat(10_000)}${']'.repeat(10_000)}}}`);
    expectRefused(res, res.body.errors?.[0]?.field);
    expect(res.body.errors[0].field).toMatch(/^form\.x(\.0)+$/);
    expect(res.body.errors[0].message).toMatch(/nested/);
  });

  it.each(Object.entries(HOSTILE))('a submission with a %s in the applicant is a 400 naming the field', async (_name, value) => {
    expectRefused(await submit({ applicant: { ...applicant, address: value } }), 'applicant.address');
  });

  it('a submission: zero-width in the applicant’s name, a bidi form key, deep nesting, a hostile Idempotency-Key', async () => {
    expectRefused(await submit({ applicant: { ...applicant, fullName: ZERO_WIDTH_NAME } }), 'applicant.fullName');
    expectRefused(await submit({ form: { ...example, ['note\u202e']: 'x' } }), 'form.note\u202e');
    const nested = await submit({ form: { ...example, extra: deep(100) } });
    expect(nested.status).toBe(400);
    expect(nested.body.errors[0].message).toMatch(/nested/);
    const key = await http()
      .post('/api/dossiers')
      .set(as('citizen'))
      .set('Idempotency-Key', 'key-\u0085-12345678')
      .send({ procedureCode: '1.001193', agencyCode: '02647', channel: 'online', applicant, form: example });
    expectRefused(key, 'idempotency-key');
  });

  it('query strings: plain parameters and the JSON inside filter', async () => {
    expectRefused(await http().get('/api/procedures').query({ q: HOSTILE['bidi override'] }), 'q');
    expectRefused(await http().get('/api/procedures').query({ q: HOSTILE['combining-mark run'] }), 'q');
    expectRefused(await http().get('/api/procedures').query({ q: 'khai\tsinh' }), 'q');
    const list = (filter: string) => http().get('/api/dossiers').set(as('laocai.desk')).query({ filter });
    // A lone surrogate cannot be %-encoded; inside the filter's JSON it can, as an escape.
    expectRefused(await list('{"q":"\\ud800"}'), 'filter.q');
    expectRefused(await list(JSON.stringify({ procedureCode: '1.001\u200b193' })), 'filter.procedureCode');
    expectRefused(await list(JSON.stringify({ q: HOSTILE['control character'] })), 'filter.q');
    // (Deeper still is the HTTP server's 431: the request line has a size limit.)
    const nested = await list(`{"q":${'['.repeat(1_000)}${']'.repeat(1_000)}}`);
    expect(nested.status).toBe(400);
  });

  it('upload file names', async () => {
    const pdf = Buffer.from('%PDF-1.4\n% poison\n%%EOF\n');
    const upload = (filename: string) => http().post('/api/attachments').set(as('citizen')).attach('file', pdf, { filename, contentType: 'application/pdf' });
    // (A lone surrogate cannot reach a file name: it is not UTF-8, and arrives as U+FFFD.)
    // Bidi controls are stripped from file names rather than refused (a name is shown, not obeyed).
    const bidi = await upload(HOSTILE['bidi override'] + '.pdf');
    expect(bidi.status).toBe(201);
    expect(bidi.body[0].name).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    for (const name of [HOSTILE['combining-mark run'] + '.pdf', `${ZERO_WIDTH_NAME}.pdf`, 'giấy\u00adtờ.pdf']) {
      const res = await upload(name);
      expectRefused(res, 'file');
      expect(res.body.errors[0].message).toMatch(/^file name: /);
    }
    // Control characters: raw in the part header the multipart parser itself refuses; %-encoded
    // (RFC 5987 filename*) they reach the text rule.
    expect((await upload('giay\u0007to.pdf')).status).toBe(400);
    const boundary = 'poison-boundary';
    const encoded = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''giay%07to.pdf\r\nContent-Type: application/pdf\r\n\r\n`),
      pdf,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await http().post('/api/attachments').set(as('citizen')).set('Content-Type', `multipart/form-data; boundary=${boundary}`).send(encoded);
    expectRefused(res, 'file');
    expect(res.body.errors[0].message).toMatch(/U\+0007/);

    const ok = await upload('Giấy khai sinh.pdf');
    expect(ok.status).toBe(201);
    expect(ok.body[0].name).toBe('Giấy khai sinh.pdf');
  });

  it.each(Object.entries(HOSTILE))('a signed payment callback with a %s in the transaction id is a 400 naming it', async (_name, value) => {
    const raw = JSON.stringify({ dossierCode: code, amount: 1, transactionId: `GW-${value}`, paidAt: new Date().toISOString() });
    const res = await http().post('/api/payments/callback').set('Content-Type', 'application/json').set('X-Signature', signPaymentBody(system.env.PAYMENT_WEBHOOK_SECRET, raw)).send(raw);
    expectRefused(res, 'transactionId');
  });

  it('a signed payment callback nested deep is a 400', async () => {
    const raw = `{"dossierCode":"${code}","extra":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
    const res = await http().post('/api/payments/callback').set('Content-Type', 'application/json').set('X-Signature', signPaymentBody(system.env.PAYMENT_WEBHOOK_SECRET, raw)).send(raw);
    expect(res.status).toBe(400);
  });

  it('afterwards the dossier still answers and moves, its trail untouched by all of it', async () => {
    const read = await http().get(`/api/dossiers/${code}`).set(as('citizen'));
    expect(read.status).toBe(200);
    expect(read.body.status).toBe('SUBMITTED');
    const received = await act('receive', {});
    expect(received.status).toBe(200);
    expect(received.body.status).toBe('RECEIVED');
    const events = await http().get(`/api/dossiers/${code}/events`).set(as('laocai.desk'));
    expect(events.body.map((e: { type: string }) => e.type)).toEqual(['submit', 'receive']);
    // Accepted text is stored in NFC, whatever form it came in.
    const nfd = await submit({ applicant: { ...applicant, fullName: 'Lò Văn Páo Ệ'.normalize('NFD') } });
    expect(nfd.status).toBe(201);
    expect(nfd.body.applicant.fullName).toBe('Lò Văn Páo Ệ');
  });
});
