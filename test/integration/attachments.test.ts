import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../api/attachment-store';
import { documents } from '../../db/schema';
import type { System } from '../../runtime/system';
import { extractText, inflatePdf } from '../support/pdf-text';
import { login, startTestSystem } from '../support/system';

const applicant = { fullName: 'Lò Thị Mai', idNumber: '010203007777', phone: '0911222333' };
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const runId = Date.now().toString(36);

/** Files that pass for their type by content; random bytes keep each test's hashes its own. */
const pdf = (size = 4000) => Buffer.concat([Buffer.from(`%PDF-1.7\n% motcua ${runId}\n`), randomBytes(size)]);
const png = (size = 3000) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(size)]);

/** supertest keeps binary bodies as a Buffer only when told to. */
const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('attachments: upload, attach at submission and supplement, read back', () => {
  let system: System;
  let birthExample: Record<string, unknown> = {};
  const tokens: Record<string, string> = {};
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const http = () => request(system.server);
  const upload = (user: string, files: { name: string; type: string; content: Buffer }[]) => {
    let req = http().post('/api/attachments').set(as(user));
    for (const f of files) req = req.attach('file', f.content, { filename: f.name, contentType: f.type });
    return req;
  };
  const submit = (user: string, attachments: string[], key?: string) => {
    const req = http().post('/api/dossiers').set(as(user));
    if (key) req.set('Idempotency-Key', key);
    return req.send({ procedureCode: '1.001193', agencyCode: '02647', channel: 'online', applicant, form: birthExample, attachments });
  };
  const rowsWith = (sha256: string) => system.dbh.db.select().from(documents).where(eq(documents.sha256, sha256));
  const stored = (sha256: string) => existsSync(path.join(system.env.dataDir, 'files', sha256));
  const tmpLeft = () => {
    const dir = path.join(system.env.dataDir, 'files', '.tmp');
    return existsSync(dir) ? readdirSync(dir) : [];
  };

  beforeAll(async () => {
    system = await startTestSystem();
    for (const u of ['citizen', 'citizen2', 'laocai.desk', 'laocai.specialist', 'batxat.desk', 'laocai.supervisor', 'snnmt.specialist']) tokens[u] = await login(system, u);
    tokens.admin = await login(system, 'admin', process.env.MOTCUA_ADMIN_PASSWORD ?? 'admin');
    birthExample = (await http().get('/api/procedures/1.001193')).body.example;
  });
  afterAll(async () => system?.stop());

  it('stores a PDF and a PNG, attaches them at submission and gives them back byte for byte', async () => {
    const files = [
      { name: 'Giấy chứng sinh.pdf', type: 'application/pdf', content: pdf() },
      { name: 'cccd-me.png', type: 'image/png', content: png() },
    ];
    const up = await upload('citizen', files);
    expect(up.status).toBe(201);
    expect(up.body).toEqual(
      files.map((f) => ({ id: expect.any(String), name: f.name, mimeType: f.type, size: f.content.length, sha256: sha(f.content), requirement: null })),
    );
    for (const f of files) expect(stored(sha(f.content))).toBe(true);
    expect((await rowsWith(sha(files[0]!.content)))[0]).toMatchObject({ dossierCode: null, uploadedBy: 'u-citizen' });

    const ids = (up.body as { id: string }[]).map((a) => a.id);
    const created = await submit('citizen', ids, `att-${runId}-submit`);
    expect(created.status).toBe(201);
    const code = created.body.code as string;
    for (const f of files) expect((await rowsWith(sha(f.content)))[0]!.dossierCode).toBe(code);
    // A retry with the same key finds its attachments on its own dossier: the same answer.
    const again = await submit('citizen', ids, `att-${runId}-submit`);
    expect(again.status).toBe(200);
    expect(again.body.code).toBe(code);

    const view = await http().get(`/api/dossiers/${code}`).set(as('citizen'));
    expect(view.body.attachments.map((a: { id: string }) => a.id)).toEqual(ids);
    expect(view.body).toMatchObject({ code, status: 'SUBMITTED', allowedActions: expect.any(Array) });

    for (const reader of ['citizen', 'laocai.desk', 'laocai.supervisor']) {
      const list = await http().get(`/api/dossiers/${code}/attachments`).set(as(reader));
      expect(list.status, reader).toBe(200);
      expect(list.body.map((a: { name: string; sha256: string }) => [a.name, a.sha256])).toEqual(files.map((f) => [f.name, sha(f.content)]));
      for (const [i, f] of files.entries()) {
        const got = await http().get(`/api/dossiers/${code}/attachments/${ids[i]}`).set(as(reader)).buffer(true).parse(binary);
        // Oversight lists the scans but does not download them (docs/security.md).
        if (reader === 'laocai.supervisor') {
          expect(got.status).toBe(403);
          continue;
        }
        expect(got.status).toBe(200);
        expect(got.headers['content-type']).toContain(f.type);
        expect(got.headers['content-disposition']).toContain(encodeURIComponent(f.name));
        expect(sha(got.body as Buffer)).toBe(sha(f.content));
        expect(Buffer.compare(got.body as Buffer, f.content)).toBe(0);
      }
    }
    // Another agency cannot learn the dossier exists, nor read its files; nor another citizen.
    expect((await http().get(`/api/dossiers/${code}/attachments`).set(as('batxat.desk'))).status).toBe(404);
    expect((await http().get(`/api/dossiers/${code}/attachments/${ids[0]}`).set(as('batxat.desk'))).status).toBe(404);
    expect((await http().get(`/api/dossiers/${code}/attachments`).set(as('citizen2'))).status).toBe(404);
    // An attachment id of another dossier is not found under this one.
    expect((await http().get(`/api/dossiers/${code}/attachments/no-such-id`).set(as('citizen'))).status).toBe(404);

    // Once attached, an upload cannot be attached to a second dossier.
    const reuse = await submit('citizen', [ids[0]!]);
    expect(reuse.status).toBe(400);
    expect(reuse.body.errors).toEqual([{ field: 'attachments.0', message: expect.stringMatching(/another dossier/) }]);
  });

  it('refuses a file over 10 MB with 413 and keeps nothing of it', async () => {
    const big = pdf(MAX_ATTACHMENT_BYTES);
    const small = png();
    const res = await upload('citizen', [
      { name: 'small.png', type: 'image/png', content: small },
      { name: 'big.pdf', type: 'application/pdf', content: big },
    ]);
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 413, code: 'too-large' });
    for (const b of [big, small]) {
      expect(await rowsWith(sha(b))).toEqual([]);
      expect(stored(sha(b))).toBe(false);
    }
    expect(tmpLeft()).toEqual([]);
  });

  it('judges the type by content: an .exe named .pdf is 415; no file is 400', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), randomBytes(2048)]);
    const res = await upload('citizen', [{ name: 'ho-so.pdf', type: 'application/pdf', content: exe }]);
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({ status: 415, code: 'unsupported-type' });
    expect(await rowsWith(sha(exe))).toEqual([]);
    expect(stored(sha(exe))).toBe(false);
    // A PNG declared as a PDF is refused too: declared and proven types must agree.
    expect((await upload('citizen', [{ name: 'anh.pdf', type: 'application/pdf', content: png() }])).status).toBe(415);

    const none = await http().post('/api/attachments').set(as('citizen')).field('note', 'không có tệp');
    expect(none.status).toBe(400);
    expect((await http().post('/api/attachments').set(as('citizen')).send({ file: 'x' })).status).toBe(400);
    // Not for oversight, which never submits nor produces a step's document (specialists upload a site visit's minutes).
    expect((await upload('laocai.supervisor', [{ name: 'a.pdf', type: 'application/pdf', content: pdf() }])).status).toBe(403);
    expect(tmpLeft()).toEqual([]);
  });

  it("refuses another user's upload in a submission with a field error", async () => {
    const theirs = await upload('citizen2', [{ name: 'cua-nguoi-khac.pdf', type: 'application/pdf', content: pdf() }]);
    expect(theirs.status).toBe(201);
    const res = await submit('citizen', [theirs.body[0].id]);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'attachments.0', message: expect.any(String) }]);
    expect((await rowsWith(theirs.body[0].sha256))[0]!.dossierCode).toBeNull();
    expect((await submit('citizen', ['no-such-upload'])).status).toBe(400);
  });

  it('takes a supplement with a file: NEEDS_SUPPLEMENT → IN_REVIEW, the file attached', async () => {
    const created = await submit('citizen', []);
    expect(created.status).toBe(201);
    const code = created.body.code as string;
    const act = (user: string, action: string, body: object = {}) => http().post(`/api/dossiers/${code}/actions/${action}`).set(as(user)).send(body);
    expect((await act('laocai.desk', 'receive')).body.status).toBe('RECEIVED');
    expect((await act('laocai.desk', 'assign', { assigneeId: 'u-laocai.specialist' })).body.status).toBe('IN_REVIEW');
    const missing = ['Bản sao giấy chứng sinh'];
    expect((await act('laocai.specialist', 'request-supplement', { missing })).body.status).toBe('NEEDS_SUPPLEMENT');

    const scan = png(5000);
    const up = await upload('citizen', [{ name: 'giay-chung-sinh.png', type: 'image/png', content: scan }]);
    expect(up.status).toBe(201);
    const id = up.body[0].id as string;
    // Someone else's upload is refused before the workflow hears of it.
    const other = await upload('citizen2', [{ name: 'x.pdf', type: 'application/pdf', content: pdf() }]);
    const refused = await act('citizen', 'supplement', { attachments: [other.body[0].id] });
    expect(refused.status).toBe(400);
    expect((await http().get(`/api/dossiers/${code}`).set(as('citizen'))).body.status).toBe('NEEDS_SUPPLEMENT');

    const done = await act('citizen', 'supplement', { attachments: [id] });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'IN_REVIEW', missing: [] });
    expect((await rowsWith(sha(scan)))[0]!.dossierCode).toBe(code);
    const list = await http().get(`/api/dossiers/${code}/attachments`).set(as('laocai.specialist'));
    expect(list.body).toEqual([expect.objectContaining({ id, name: 'giay-chung-sinh.png', mimeType: 'image/png', sha256: sha(scan) })]);
    const events = await http().get(`/api/dossiers/${code}/events`).set(as('laocai.specialist'));
    const supplement = (events.body as { type: string; data: { attachments?: unknown } }[]).find((e) => e.type === 'supplement');
    expect(supplement?.data.attachments).toEqual([{ id, name: 'giay-chung-sinh.png', sha256: sha(scan) }]);
  });

  it('tags files with the required document they copy; the receipt lists what came and is signed by the receiving officer', async () => {
    const declaration = 'Tờ khai đăng ký khai sinh (hoặc biểu mẫu điện tử)';
    const proof = 'Giấy chứng sinh hoặc văn bản của người làm chứng';
    // One request, three files: a `requirement` field tags the files after it; an empty one clears it.
    const up = await http()
      .post('/api/attachments')
      .set(as('citizen'))
      .field('requirement', declaration)
      .attach('file', pdf(), { filename: 'to-khai.pdf', contentType: 'application/pdf' })
      .attach('file', pdf(), { filename: 'to-khai-trang-2.pdf', contentType: 'application/pdf' })
      .field('requirement', '')
      .attach('file', png(), { filename: 'anh.png', contentType: 'image/png' });
    expect(up.status).toBe(201);
    expect(up.body.map((f: { requirement: string | null }) => f.requirement)).toEqual([declaration, declaration, null]);
    const tooLong = await http().post('/api/attachments').set(as('citizen')).field('requirement', 'x'.repeat(301)).attach('file', pdf(), { filename: 'a.pdf', contentType: 'application/pdf' });
    expect(tooLong.status).toBe(400);
    expect(tooLong.type).toBe('application/problem+json');

    const created = await submit('citizen', up.body.map((f: { id: string }) => f.id));
    expect(created.status).toBe(201);
    const code = created.body.code as string;
    const received = await http().post(`/api/dossiers/${code}/actions/receive`).set(as('laocai.desk')).send({});
    expect(received.body.status).toBe('RECEIVED');

    // Every officer who reads the dossier reads the tags.
    const listed = await http().get(`/api/dossiers/${code}/attachments`).set(as('laocai.specialist'));
    expect(listed.status).toBe(200);
    expect(listed.body.map((f: { name: string; requirement: string | null }) => [f.name, f.requirement])).toEqual([
      ['to-khai.pdf', declaration],
      ['to-khai-trang-2.pdf', declaration],
      ['anh.png', null],
    ]);

    const receipt = await http().get(`/api/dossiers/${code}/documents/receipt`).set(as('laocai.desk')).buffer(true).parse(binary);
    expect(receipt.status).toBe(200);
    // Lines wrap where the page ends (after a space or a hyphen): compare without whitespace.
    const flat = (s: string) => s.replace(/\s+/g, '');
    const text = flat(extractText(inflatePdf(receipt.body as Buffer)));
    expect(text).toContain(flat(`Thành phần hồ sơ nộp gồm: 1. ${declaration} (to-khai.pdf, to-khai-trang-2.pdf) 2. Giấy tờ khác (anh.png)`));
    expect(text).toContain(flat(`Thành phần hồ sơ còn thiếu: 1. ${proof} 2. Văn bản ủy quyền (nếu người khác đi khai)`));
    // Signed by the desk officer who received it (laocai.desk), not by the citizen who submitted.
    expect(text).toContain(flat('NGƯỜI TIẾP NHẬN HỒ SƠ (Ký và ghi rõ họ tên) Nguyễn Thị Lan'));
  });

  it('a counter dossier handed over on paper gets a receipt listing the checklist as received on paper', async () => {
    const created = await http()
      .post('/api/dossiers')
      .set(as('laocai.desk'))
      .send({ procedureCode: '1.001193', agencyCode: '02647', channel: 'counter', applicant, form: birthExample, attachments: [] });
    expect(created.status).toBe(201);
    const receipt = await http().get(`/api/dossiers/${created.body.code}/documents/receipt`).set(as('laocai.desk')).buffer(true).parse(binary);
    expect(receipt.status).toBe(200);
    const flat = (s: string) => s.replace(/\s+/g, '');
    const text = flat(extractText(inflatePdf(receipt.body as Buffer)));
    expect(text).toContain(flat('Thành phần hồ sơ nộp gồm: 1. Tờ khai đăng ký khai sinh (hoặc biểu mẫu điện tử) (bản giấy) 2. Giấy chứng sinh'));
    expect(text).not.toContain(flat('còn thiếu'));
    expect(text).toContain(flat('Nguyễn Thị Lan'));
  });

  it('after a hand-off the department reads the files too, and the receiving desk still does', async () => {
    const form = 'Đơn đăng ký biến động đất đai, tài sản gắn liền với đất (Mẫu số 18, NĐ 151/2025/NĐ-CP)';
    const scan = pdf();
    const up = await http().post('/api/attachments').set(as('citizen')).field('requirement', form).attach('file', scan, { filename: 'don-mau-18.pdf', contentType: 'application/pdf' });
    expect(up.status).toBe(201);
    const example = (await http().get('/api/procedures/1.012786')).body.example;
    const created = await http()
      .post('/api/dossiers')
      .set(as('citizen'))
      .send({ procedureCode: '1.012786', agencyCode: '02647', channel: 'online', applicant, form: example, attachments: [up.body[0].id] });
    expect(created.status).toBe(201);
    const code = created.body.code as string;
    const act = (action: string, body: object = {}) => http().post(`/api/dossiers/${code}/actions/${action}`).set(as('laocai.desk')).send(body);
    expect((await act('receive')).status).toBe(200);
    const forwarded = await act('forward', { agencyCode: 'H38.SNNMT' });
    expect(forwarded.body.agencyCode).toBe('H38.SNNMT');

    for (const user of ['snnmt.specialist', 'laocai.desk']) {
      const list = await http().get(`/api/dossiers/${code}/attachments`).set(as(user));
      expect(list.status, user).toBe(200);
      expect(list.body, user).toEqual([expect.objectContaining({ name: 'don-mau-18.pdf', requirement: form })]);
      const file = await http().get(`/api/dossiers/${code}/attachments/${list.body[0].id}`).set(as(user)).buffer(true).parse(binary);
      expect(file.status, user).toBe(200);
      expect(sha(file.body as Buffer), user).toBe(sha(scan));
    }
    // Another commune's desk still cannot.
    expect((await http().get(`/api/dossiers/${code}/attachments`).set(as('batxat.desk'))).status).toBe(404);
  });

  it('answers the 21st submission of a user within a minute with 429 and Retry-After', async () => {
    const username = `rate.${runId}`;
    const made = await http()
      .post('/api/users')
      .set(as('admin'))
      .send({ username, password: 'mat-khau-dai', fullName: 'Người Nộp Nhiều', role: 'citizen', agencyCode: null });
    expect(made.status).toBe(201);
    tokens[username] = await login(system, username, 'mat-khau-dai');
    const key = `att-${runId}-rate`;
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await submit(username, [], key)).status);
    expect(statuses).toEqual([201, ...Array(19).fill(200)]);
    const over = await submit(username, [], key);
    expect(over.status).toBe(429);
    expect(over.body).toMatchObject({ status: 429, code: 'rate-limited' });
    const wait = Number(over.headers['retry-after']);
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    // Per user: someone else still submits.
    expect((await submit('citizen2', [])).status).toBe(201);
  });
});
