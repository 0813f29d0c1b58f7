import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { citizenDocuments, documents, issuedDocuments } from '../../db/schema';
import { signedInStack } from '../support/system';

const applicant = { fullName: 'Lý Thị Hoa', idNumber: '010186000123', phone: '0912000123' };
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** supertest keeps binary bodies as a Buffer only when told to. */
const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

/**
 * The citizen's document store (api/citizen-store.ts): a result delivered online lands in its
 * applicant's store, is downloaded from there, and is reused in a later dossier by reference —
 * the officer downloads it from that dossier, marked as from the store, its signature verified;
 * another citizen can neither see nor take it.
 */
describe("the citizen's document store, «kho dữ liệu»", () => {
  const stack = signedInStack(['citizen', 'citizen2', 'laocai.desk', 'laocai.specialist', 'laocai.leader', 'laocai.supervisor', 'batxat.desk']);
  const http = () => request(stack.system.server);
  const { as } = stack;
  let birthExample: Record<string, unknown> = {};
  const submit = (user: string, attachments: string[]) =>
    http().post('/api/dossiers').set(as(user)).send({ procedureCode: '1.001193', agencyCode: '02647', channel: 'online', applicant, form: birthExample, attachments });
  const act = (code: string, user: string, action: string, body: object = {}) => http().post(`/api/dossiers/${code}/actions/${action}`).set(as(user)).send(body);

  /** A birth registration of `user`'s, walked to its result and delivered `method`. */
  async function delivered(user: string, method: 'online' | 'desk'): Promise<string> {
    birthExample = (await http().get('/api/procedures/1.001193')).body.example;
    const created = await submit(user, []);
    expect(created.status).toBe(201);
    const code = created.body.code as string;
    expect((await act(code, 'laocai.desk', 'receive')).body.status).toBe('RECEIVED');
    expect((await act(code, 'laocai.desk', 'assign', { assigneeId: 'u-laocai.specialist' })).body.status).toBe('IN_REVIEW');
    expect((await act(code, 'laocai.specialist', 'verify', { note: 'đủ điều kiện' })).body.status).toBe('AWAITING_APPROVAL');
    expect((await act(code, 'laocai.leader', 'approve', { note: 'Đã đăng ký khai sinh' })).body.status).toBe('RESULT_READY');
    expect((await act(code, 'laocai.desk', 'deliver', { method })).body.status).toBe('DELIVERED');
    return code;
  }

  let first = '';
  let storeId = '';
  let storedPdf: Buffer = Buffer.alloc(0);

  it('files a result delivered online into its applicant’s store, with where it came from and its hash', async () => {
    first = await delivered('citizen', 'online');
    // Filed by the delivery itself, before anyone opened the store.
    const rows = await stack.system.dbh.db.select().from(citizenDocuments).where(eq(citizenDocuments.dossierCode, first));
    expect(rows).toHaveLength(1);
    const [issued] = await stack.system.dbh.db.select().from(issuedDocuments).where(eq(issuedDocuments.code, rows[0]!.issuedCode));
    expect(issued).toMatchObject({ dossierCode: first, kind: 'result', sha256: rows[0]!.sha256 });

    const list = await http().get('/api/my-documents').set(as('citizen'));
    expect(list.status).toBe(200);
    const mine = list.body.find((d: { dossierCode: string }) => d.dossierCode === first);
    expect(mine).toMatchObject({ kind: 'result', procedureCode: '1.001193', procedureName: expect.stringContaining('khai sinh'), sha256: issued!.sha256, verifyCode: issued!.code });
    // No personal data restated in the store: its row names the account, not the person.
    expect(JSON.stringify(list.body)).not.toContain(applicant.idNumber);
    storeId = mine.id;

    const file = await http().get(`/api/my-documents/${storeId}/file`).set(as('citizen')).buffer(true).parse(binary);
    expect(file.status).toBe(200);
    expect(file.type).toBe('application/pdf');
    storedPdf = file.body as Buffer;
    expect(sha(storedPdf)).toBe(issued!.sha256);
    // The very document the dossier's own download serves.
    const direct = await http().get(`/api/dossiers/${first}/documents/result`).set(as('citizen')).buffer(true).parse(binary);
    expect(sha(direct.body as Buffer)).toBe(issued!.sha256);
  });

  it('keeps another citizen out: not in their list, 404 for its file and its reuse; officers have no store', async () => {
    const theirs = await http().get('/api/my-documents').set(as('citizen2'));
    expect(theirs.status).toBe(200);
    expect(theirs.body.map((d: { id: string }) => d.id)).not.toContain(storeId);
    for (const res of [
      await http().get(`/api/my-documents/${storeId}/file`).set(as('citizen2')),
      await http().post(`/api/my-documents/${storeId}/attachments`).set(as('citizen2')).send({}),
    ]) {
      expect(res.status).toBe(404);
      expect(res.type).toBe('application/problem+json');
      expect(JSON.stringify(res.body)).not.toContain(first);
    }
    const officer = await http().get(`/api/my-documents/${storeId}/file`).set(as('laocai.desk'));
    expect(officer.status).toBe(403);
    expect(officer.type).toBe('application/problem+json');
    expect((await http().get('/api/my-documents')).status).toBe(401);
  });

  it('does not file a result handed over at the desk', async () => {
    const code = await delivered('citizen2', 'desk');
    expect((await http().get('/api/my-documents').set(as('citizen2'))).body.map((d: { dossierCode: string }) => d.dossierCode)).not.toContain(code);
    expect(await stack.system.dbh.db.select().from(citizenDocuments).where(eq(citizenDocuments.dossierCode, code))).toEqual([]);
  });

  it('reuses the stored result in a new dossier by reference; the officer downloads it, marked from the store, its signature verified', async () => {
    const taken = await http().post(`/api/my-documents/${storeId}/attachments`).set(as('citizen')).send({ requirement: 'Giấy tờ khác' });
    expect(taken.status).toBe(201);
    expect(taken.body).toMatchObject({ mimeType: 'application/pdf', sha256: sha(storedPdf), size: storedPdf.length, requirement: 'Giấy tờ khác' });
    const [row] = await stack.system.dbh.db.select().from(documents).where(eq(documents.id, taken.body.id));
    expect(row).toMatchObject({ storeDocumentId: storeId, dossierCode: null });

    const created = await submit('citizen', [taken.body.id]);
    expect(created.status).toBe(201);
    const code = created.body.code as string;
    const view = await http().get(`/api/dossiers/${code}`).set(as('laocai.desk'));
    expect(view.status).toBe(200);
    const attached = view.body.attachments.find((a: { id: string }) => a.id === taken.body.id);
    expect(attached).toMatchObject({ sha256: sha(storedPdf), fromStore: { kind: 'result', procedureCode: '1.001193', dossierCode: first, signatureValid: true } });
    // The list route says the same; an upload made the ordinary way is not marked.
    const listed = await http().get(`/api/dossiers/${code}/attachments`).set(as('laocai.desk'));
    expect(listed.body.find((a: { id: string }) => a.id === taken.body.id).fromStore.signatureValid).toBe(true);

    const download = await http().get(`/api/dossiers/${code}/attachments/${taken.body.id}`).set(as('laocai.desk')).buffer(true).parse(binary);
    expect(download.status).toBe(200);
    expect(sha(download.body as Buffer)).toBe(sha(storedPdf));
    // Another commune's desk reads neither the dossier nor the file.
    expect((await http().get(`/api/dossiers/${code}/attachments/${taken.body.id}`).set(as('batxat.desk'))).status).toBe(404);
    // Oversight sees the list and the mark, never the bytes.
    expect((await http().get(`/api/dossiers/${code}/attachments/${taken.body.id}`).set(as('laocai.supervisor'))).status).toBe(403);

    // Another citizen cannot name the taken file in their own submission either.
    const stolen = await submit('citizen2', [taken.body.id]);
    expect(stolen.status).toBe(400);
  });

  it('refuses to hand on a stored document whose bytes no longer match its hash (409 store-document-altered)', async () => {
    const [entry] = await stack.system.dbh.db.select().from(citizenDocuments).where(eq(citizenDocuments.id, storeId));
    const original = (await stack.system.dbh.db.select().from(issuedDocuments).where(eq(issuedDocuments.code, entry!.issuedCode)))[0]!;
    const tampered = Buffer.concat([original.pdf, Buffer.from('\n% appended\n')]);
    // issued_documents is insert-only by design; the test reaches around it to simulate a damaged store.
    await stack.sql`update issued_documents set pdf = ${tampered} where code = ${original.code}`;
    try {
      for (const res of [
        await http().get(`/api/my-documents/${storeId}/file`).set(as('citizen')),
        await http().post(`/api/my-documents/${storeId}/attachments`).set(as('citizen')).send({}),
      ]) {
        expect(res.status).toBe(409);
        expect(res.body).toMatchObject({ code: 'store-document-altered' });
      }
    } finally {
      await stack.sql`update issued_documents set pdf = ${original.pdf} where code = ${original.code}`;
    }
  });
});
