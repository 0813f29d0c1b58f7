import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { and, asc, eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyChain } from '../../activities/audit/verify';
import { signPaymentBody } from '../../api/routes/payments.routes';
import { dossierEvents, issuedDocuments, payments } from '../../db/schema';
import { readVietQr, verifyEmvCrc } from '../../domain/vietqr';
import type { System } from '../../runtime/system';
import { syncedUpdate } from '../../workflows/messages';
import { login, startTestSystem } from '../support/system';

const applicant = { fullName: 'Hà Văn Khánh', idNumber: '010203009876', phone: '0987654321' };

describe('fees, signed payment callbacks, documents, public lookup and the audit chain', () => {
  let system: System;
  const tokens: Record<string, string> = {};
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  let code = '';
  const http = () => request(system.server);
  const act = (user: string, action: string, body: object = {}) =>
    http().post(`/api/dossiers/${code}/actions/${action}`).set(as(user)).send(body);
  const getDossier = (user = 'laocai.desk') => http().get(`/api/dossiers/${code}`).set(as(user));
  const callback = (raw: string, signature?: string) => {
    const req = http().post('/api/payments/callback').set('content-type', 'application/json');
    if (signature !== undefined) req.set('x-signature', signature);
    return req.send(raw);
  };
  const sign = (raw: string) => signPaymentBody(system.env.PAYMENT_WEBHOOK_SECRET, raw);
  const paymentRows = () => system.dbh.db.select().from(payments).where(eq(payments.dossierCode, code));
  const eventRows = () => system.dbh.db.select().from(dossierEvents).where(eq(dossierEvents.dossierCode, code)).orderBy(asc(dossierEvents.seq));

  beforeAll(async () => {
    system = await startTestSystem();
    for (const u of ['citizen', 'citizen2', 'laocai.desk', 'laocai.specialist', 'laocai.leader', 'batxat.desk']) tokens[u] = await login(system, u);
  });
  afterAll(async () => system?.stop());

  it('takes a fee procedure from online submission through a signed payment to delivery', async () => {
    // A fee procedure (business household), the fee paid at filing: fees in general are under test here.
    const { body: procedure } = await http().get('/api/procedures/1.001612');
    const created = await http()
      .post('/api/dossiers')
      .set(as('citizen2'))
      .set('Idempotency-Key', `it-${Date.now()}-household`)
      .send({ procedureCode: '1.001612', agencyCode: '02647', channel: 'online', applicant, form: procedure.example });
    expect(created.status).toBe(201);
    code = created.body.code;
    expect(created.body.fee).toBe(150_000);

    // Nothing to pay yet is still a fee: the QR may be shown early; no documents before reception.
    const early = await http().get(`/api/public/dossiers/${code}`).query({ phone: applicant.phone });
    expect(early.status).toBe(200);
    expect(early.body).toMatchObject({ code, status: 'SUBMITTED', fee: 150_000, paid: false, documents: [] });
    expect(early.body.statusText).toMatch(/chờ tiếp nhận/);
    expect((await http().get(`/api/dossiers/${code}/documents/receipt`).set(as('citizen2'))).status).toBe(404);

    // The fee is paid at filing (business household: pay stands before review).
    expect((await act('laocai.desk', 'receive')).body.status).toBe('AWAITING_PAYMENT');

    // The fee as VietQR: CRC verifies, amount and transfer content are the dossier's.
    const pay = await http().get(`/api/dossiers/${code}/payment`).set(as('citizen2'));
    expect(pay.status).toBe(200);
    expect(pay.body).toMatchObject({ amount: 150_000, paid: false });
    expect(verifyEmvCrc(pay.body.vietqr)).toBe(true);
    const qr = readVietQr(pay.body.vietqr);
    expect(qr).toMatchObject({ amount: 150_000, bankBin: system.env.PAYMENT_BANK_BIN, accountNumber: system.env.PAYMENT_ACCOUNT_NUMBER, description: code });
    expect(pay.body.qrPng).toMatch(/^data:image\/png;base64,/);
    expect(Buffer.from(pay.body.qrPng.split(',')[1], 'base64').subarray(1, 4).toString()).toBe('PNG');
    expect((await http().get(`/api/dossiers/${code}/payment`).set(as('laocai.desk'))).status).toBe(200);
    expect((await http().get(`/api/dossiers/${code}/payment`).set(as('batxat.desk'))).status).toBe(404);
    expect((await http().get(`/api/dossiers/${code}/payment`).set(as('citizen'))).status).toBe(404);
    expect((await http().get(`/api/dossiers/${code}/payment`)).status).toBe(401);
    // The public lookup (code + phone) carries the same QR while the fee is due.
    const due = await http().get(`/api/public/dossiers/${code}`).query({ phone: applicant.phone });
    expect(due.body.payment).toMatchObject({ amount: 150_000, paid: false, vietqr: pay.body.vietqr, bankBin: system.env.PAYMENT_BANK_BIN });
    expect(due.body.payment.qrPng).toMatch(/^data:image\/png;base64,/);

    // Forged, missing, or re-used signatures change nothing.
    const notice = { dossierCode: code, amount: 150_000, transactionId: `TX-${code}`, paidAt: new Date().toISOString() };
    const raw = JSON.stringify(notice);
    const forged = await callback(raw, `sha256=${'0'.repeat(64)}`);
    expect(forged.status).toBe(401);
    expect(forged.headers['content-type']).toContain('application/problem+json');
    expect((await callback(raw)).status).toBe(401);
    expect((await callback(raw, signPaymentBody('some-other-secret-of-16+', raw))).status).toBe(401);
    const altered = JSON.stringify({ ...notice, transactionId: `TX-${code}-forged` });
    expect((await callback(altered, sign(raw))).status).toBe(401);
    const wrongAmount = JSON.stringify({ ...notice, amount: 1_000, transactionId: `TX-${code}-low` });
    expect((await callback(wrongAmount, sign(wrongAmount))).status).toBe(422);
    const unknown = JSON.stringify({ ...notice, dossierCode: '02647-000101-9999' });
    expect((await callback(unknown, sign(unknown))).status).toBe(404);
    expect(await paymentRows()).toHaveLength(0);
    expect((await getDossier()).body.status).toBe('AWAITING_PAYMENT');

    // A valid callback moves the dossier on.
    const ok = await callback(raw, sign(raw));
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ status: 'accepted' });
    let status = 'AWAITING_PAYMENT';
    for (const until = Date.now() + 10_000; Date.now() < until && status === 'AWAITING_PAYMENT'; ) {
      await new Promise((r) => setTimeout(r, 200));
      status = (await getDossier()).body.status;
    }
    // Paid at filing: the file is examined now, the clock started by the payment.
    expect(status).toBe('RECEIVED');
    expect((await getDossier()).body.paid).toBe(true);

    // The same callback again: accepted as a duplicate, recorded once.
    const again = await callback(raw, sign(raw));
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ status: 'duplicate' });
    await system.temporal.workflow.getHandle(code).executeUpdate(syncedUpdate);
    expect(await paymentRows()).toHaveLength(1);
    expect((await eventRows()).filter((e) => e.type === 'payment-received')).toHaveLength(1);

    expect((await act('laocai.desk', 'assign', { assigneeId: 'u-laocai.specialist' })).body.status).toBe('IN_REVIEW');
    const missing = ['Văn bản ủy quyền của các thành viên hộ gia đình'];
    expect((await act('laocai.specialist', 'request-supplement', { missing, note: 'Thiếu văn bản ủy quyền' })).body.status).toBe('NEEDS_SUPPLEMENT');
    const waiting = await http().get(`/api/public/dossiers/${code}`).query({ phone: applicant.phone });
    expect(waiting.body).toMatchObject({ status: 'NEEDS_SUPPLEMENT', missing, documents: ['receipt', 'supplement'], payment: null });
    // The deadline the citizen must be told (past it the dossier is cancelled).
    expect(Date.parse(waiting.body.supplementDueAt)).toBeGreaterThan(Date.now());
    expect((await act('citizen2', 'supplement', {})).body.status).toBe('IN_REVIEW');
    const dueAt = (await getDossier()).body.dueAt as string;
    const newDueAt = new Date(Date.parse(dueAt) + 5 * 86_400_000).toISOString();
    const extended = await act('laocai.leader', 'extend', { newDueAt, reason: 'Cần xác minh thêm địa điểm kinh doanh' });
    expect(extended.status).toBe(200);
    expect((await act('laocai.specialist', 'verify', { note: 'đủ điều kiện' })).body.status).toBe('AWAITING_APPROVAL');

    expect((await act('laocai.leader', 'approve', { note: 'Đã cấp Giấy chứng nhận đăng ký hộ kinh doanh' })).body.status).toBe('RESULT_READY');
    expect((await act('laocai.desk', 'deliver', { method: 'online' })).body.status).toBe('DELIVERED');
  });

  it('serves each document that applies as a PDF, to the owner and the scoped office only', async () => {
    for (const kind of ['receipt', 'supplement', 'apology', 'result']) {
      for (const user of ['citizen2', 'laocai.leader']) {
        const res = await http().get(`/api/dossiers/${code}/documents/${kind}`).set(as(user)).buffer(true).parse(binary);
        expect(res.status, `${kind} as ${user}`).toBe(200);
        expect(res.headers['content-type']).toBe('application/pdf');
        expect((res.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
      }
    }
    expect((await http().get(`/api/dossiers/${code}/documents/refusal`).set(as('citizen2'))).status).toBe(404);
    expect((await http().get(`/api/dossiers/${code}/documents/receipt`).set(as('batxat.desk'))).status).toBe(404);
    expect((await http().get(`/api/dossiers/${code}/documents/receipt`).set(as('citizen'))).status).toBe(404);
    expect((await http().get(`/api/dossiers/${code}/documents/invoice`).set(as('citizen2'))).status).toBe(404);
  });

  it('signs the delivered dossier\'s result (PAdES, checked by OpenSSL), and its verification page tells a tampered file', async () => {
    const get = async () => (await http().get(`/api/dossiers/${code}/documents/result`).set(as('citizen2')).buffer(true).parse(binary)).body as Buffer;
    const pdf = await get();
    expect(pdf.toString('latin1')).toContain('/SubFilter /ETSI.CAdES.detached');
    expect((await get()).equals(pdf), 'issued once, served as issued').toBe(true);

    // Independently of the app's verifier: the /ByteRange covers the file but the hole, and
    // OpenSSL verifies the detached CMS in it over those bytes, up to the test CA.
    const br = /\/ByteRange\s*\[\s*(\d+) (\d+) (\d+) (\d+)\s*\]/.exec(pdf.toString('latin1'))!.slice(1).map(Number);
    expect(br[0]).toBe(0);
    expect(br[2]! + br[3]!).toBe(pdf.length);
    const hex = pdf.subarray(br[1]! + 1, br[2]! - 1).toString('latin1');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-pades-'));
    try {
      writeFileSync(path.join(dir, 'sig.der'), Buffer.from(hex, 'hex'));
      writeFileSync(path.join(dir, 'signed.bin'), Buffer.concat([pdf.subarray(0, br[1]), pdf.subarray(br[2]!)]));
      const ca = /SIGNING_CA_PATH=(.*)/.exec(execFileSync('bash', ['scripts/setup-pki.sh'], { encoding: 'utf8' }))![1]!;
      const opensslVerify = spawnSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', path.join(dir, 'sig.der'),
        '-content', path.join(dir, 'signed.bin'), '-CAfile', ca, '-purpose', 'any', '-out', '/dev/null'], { encoding: 'utf8' });
      expect(opensslVerify.stderr.trim()).toBe('CMS Verification successful');
      expect(opensslVerify.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // The QR's code: the stored row holds exactly the bytes served.
    const [issued] = await system.dbh.db.select().from(issuedDocuments).where(and(eq(issuedDocuments.dossierCode, code), eq(issuedDocuments.kind, 'result')));
    expect(issued!.pdf.equals(pdf)).toBe(true);
    const page = await http().get(`/api/public/verify/${issued!.code}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      code: issued!.code,
      valid: true,
      checks: { hash: true, signature: true, certificate: true },
      document: { kind: 'result', title: 'THÔNG BÁO KẾT QUẢ GIẢI QUYẾT HỒ SƠ', dossierCode: code, sha256: createHash('sha256').update(pdf).digest('hex') },
      signer: { commonName: 'Bộ phận Một cửa (thử nghiệm)', organization: 'UBND tỉnh Lào Cai' },
    });
    expect(JSON.stringify(page.body)).not.toContain(applicant.fullName);

    // One changed byte in the stored file (a text object, inside the signed range): reported invalid.
    const tampered = Buffer.from(pdf);
    const at = tampered.indexOf('/Producer');
    tampered[at + 1] = 'Q'.charCodeAt(0);
    await system.dbh.db.update(issuedDocuments).set({ pdf: tampered }).where(eq(issuedDocuments.code, issued!.code));
    try {
      const bad = await http().get(`/api/public/verify/${issued!.code}`);
      expect(bad.status).toBe(200);
      expect(bad.body).toMatchObject({ valid: false, checks: { hash: false, signature: false, certificate: true }, problem: 'the document was changed after it was signed' });
    } finally {
      await system.dbh.db.update(issuedDocuments).set({ pdf }).where(eq(issuedDocuments.code, issued!.code));
    }
    expect((await http().get(`/api/public/verify/${issued!.code}`)).body.valid).toBe(true);
    expect((await http().get('/api/public/verify/AAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await http().get('/api/public/verify/not-a-code')).status).toBe(404);
  });

  it('issues a refusal for a dossier not accepted, and has no payment for a free procedure', async () => {
    const { body: procedure } = await http().get('/api/procedures/1.001193');
    const created = await http()
      .post('/api/dossiers')
      .set(as('citizen'))
      .send({ procedureCode: '1.001193', agencyCode: '02647', channel: 'online', applicant: { ...applicant, phone: '0912345678' }, form: procedure.example });
    expect(created.status).toBe(201);
    const other = created.body.code as string;
    expect((await http().get(`/api/dossiers/${other}/payment`).set(as('citizen'))).status).toBe(409);
    const refused = await http().post(`/api/dossiers/${other}/actions/not-accept`).set(as('laocai.desk')).send({ reason: 'Không thuộc thẩm quyền giải quyết' });
    expect(refused.body.status).toBe('NOT_ACCEPTED');
    const pdf = await http().get(`/api/dossiers/${other}/documents/refusal`).set(as('citizen')).buffer(true).parse(binary);
    expect(pdf.status).toBe(200);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await http().get(`/api/dossiers/${other}/documents/receipt`).set(as('citizen'))).status).toBe(404);
    const lookup = await http().get(`/api/public/dossiers/${other}`).query({ phone: '0912345678' });
    expect(lookup.body).toMatchObject({ status: 'NOT_ACCEPTED', documents: ['refusal'], fee: 0 });
  });

  it('answers the public lookup with the right phone only, and nothing private', async () => {
    const res = await http().get(`/api/public/dossiers/${code}`).query({ phone: '+84 987 654 321' });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(
      ['code', 'procedureName', 'status', 'statusText', 'receivedAt', 'dueAt', 'nextStep', 'missing', 'fee', 'paid', 'documents', 'supplementDueAt', 'payment'].sort(),
    );
    // Paid and delivered: no QR, no supplement deadline.
    expect(res.body).toMatchObject({ supplementDueAt: null, payment: null });
    expect(res.body).toMatchObject({ code, procedureName: 'Đăng ký thành lập hộ kinh doanh', status: 'DELIVERED', paid: true, fee: 150_000 });
    expect(res.body.documents).toEqual(['receipt', 'supplement', 'apology', 'result']);
    expect(JSON.stringify(res.body)).not.toContain(applicant.idNumber);
    expect(JSON.stringify(res.body)).not.toContain(applicant.fullName);

    const wrong = await http().get(`/api/public/dossiers/${code}`).query({ phone: '0900000000' });
    const none = await http().get(`/api/public/dossiers/${code}`);
    const unknown = await http().get('/api/public/dossiers/02647-000101-9999').query({ phone: applicant.phone });
    for (const r of [wrong, none, unknown]) {
      expect(r.status).toBe(404);
      expect(r.body.code).toBe('not-found');
    }
    expect(wrong.body.detail).toBe(`dossier ${code} not found`);
  });

  it('lets scripts/pay.ts play the gateway: fee from the public lookup, signed, idempotent', async () => {
    // Async child: this process serves the HTTP API the script calls.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'scripts/pay.ts', code, '--url', `http://127.0.0.1:${system.port}`, '--phone', applicant.phone, '--transaction', `TX-${code}`],
      { env: { ...process.env, PAYMENT_WEBHOOK_SECRET: system.env.PAYMENT_WEBHOOK_SECRET }, timeout: 60_000 },
    );
    expect(stdout).toContain('"amount":150000');
    expect(stdout).toContain('200 {"status":"duplicate"}');
    expect(await paymentRows()).toHaveLength(1);
  });

  it('rate-limits the public lookup per client', async () => {
    let last: request.Response | undefined;
    for (let i = 0; i < 40; i++) {
      last = await http().get('/api/public/dossiers/02647-000101-9998').query({ phone: '0900000000' });
      if (last.status === 429) break;
    }
    expect(last!.status).toBe(429);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('verifies the audit chain, and reports a row altered behind its back', async () => {
    const rows = await eventRows();
    expect(rows.length).toBeGreaterThanOrEqual(10);
    expect(verifyChain(code, rows)).toEqual({ dossierCode: code, ok: true, events: rows.length });
    expect(runAuditVerify(code).status).toBe(0);

    const sqlc = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {} });
    try {
      await sqlc.begin(async (tx) => {
        await tx`alter table dossier_events disable trigger user`;
        await tx`update dossier_events set data = ${sqlc.json({ amount: 1 })} where dossier_code = ${code} and type = 'payment-received'`;
        await tx`alter table dossier_events enable trigger user`;
      });
    } finally {
      await sqlc.end();
    }
    const tampered = await eventRows();
    const seq = tampered.find((e) => e.type === 'payment-received')!.seq;
    expect(verifyChain(code, tampered)).toMatchObject({ ok: false, brokenAtSeq: seq });
    const cli = runAuditVerify(code);
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain(`BROKEN  at seq ${seq}`);

    // Still insert-only for everyone else: the trigger is back on.
    await expect(
      system.dbh.db.update(dossierEvents).set({ type: 'x' }).where(and(eq(dossierEvents.dossierCode, code), eq(dossierEvents.seq, 1))),
    ).rejects.toThrow();
    expect((await system.dbh.db.select({ n: sql<number>`count(*)::int` }).from(dossierEvents).where(eq(dossierEvents.type, 'x')))[0]!.n).toBe(0);
  });
});

/** Collects a binary response body (a PDF) into a Buffer. */
const binary = ((res: NodeJS.ReadableStream, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}) as unknown as Parameters<request.Test['parse']>[0];

function runAuditVerify(dossierCode: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts', '--dossier', dossierCode], {
    env: { ...process.env, DATABASE_URL: inject('databaseUrl') },
    encoding: 'utf8',
    timeout: 60_000,
  });
}
