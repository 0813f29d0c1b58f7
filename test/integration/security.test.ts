import http_ from 'node:http';
import { readdir, utimes } from 'node:fs/promises';
import path from 'node:path';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttachmentStore } from '../../api/attachment-store';
import { sweepOrphanUploads } from '../../api/orphan-uploads';
import { documents } from '../../db/schema';
import { signPaymentBody } from '../../api/routes/payments.routes';
import type { System } from '../../runtime/system';
import { login, startTestSystem } from '../support/system';

/** Issue 17 §5–§9 (docs/security.md): each class of weakness, shown closed through the real API. */
const applicant = { fullName: 'Vừ Thị Sua', idNumber: '010203004567', phone: '0911222678' };
const DAY = 86_400_000;
const METRICS_TOKEN = 'a-metrics-token-for-the-tests';

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const tinyPdf = (tag: string) => Buffer.from(`%PDF-1.4\n% motcua security ${tag}\n%%EOF\n`);

describe('security (issue 17 §5–§9)', () => {
  let system: System;
  const tokens: Record<string, string> = {};
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const http = () => request(system.server);
  const run = `${Date.now()}`;
  // Permanent residence (1.004222 from version 3): held by the commune police (laocai.ca.*), the fee
  // paid at filing; `exempt` (Circular 75/2022 art. 4) owes none, so its file is examined at once.
  let example: Record<string, unknown> = {};
  let exempt: Record<string, unknown> = {};
  const act = (code: string, user: string, action: string, body: object = {}) => http().post(`/api/dossiers/${code}/actions/${action}`).set(as(user)).send(body);
  const submit = (user: string, form: Record<string, unknown>, extra: object = {}) =>
    http().post('/api/dossiers').set(as(user)).send({ procedureCode: '1.004222', agencyCode: '02647', channel: 'online', applicant, form, ...extra });
  const callback = (body: object) => {
    const raw = JSON.stringify(body);
    return http().post('/api/payments/callback').set('content-type', 'application/json').set('x-signature', signPaymentBody(system.env.PAYMENT_WEBHOOK_SECRET, raw)).send(raw);
  };

  beforeAll(async () => {
    system = await startTestSystem({ UPLOAD_QUOTA_FILES: '3', METRICS_TOKEN: METRICS_TOKEN });
    for (const u of ['citizen', 'citizen2', 'batxat.desk', 'laocai.ca.desk', 'laocai.ca.specialist', 'laocai.ca.leader', 'laocai.supervisor']) tokens[u] = await login(system, u);
    example = (await http().get('/api/procedures/1.004222')).body.example;
    exempt = { ...example, feeExemption: 'nguoi-cao-tuoi' };
  });
  afterAll(async () => system?.stop());

  describe('§5 personal data stays masked for oversight', () => {
    let code = '';
    let attachment = '';
    beforeAll(async () => {
      const upload = await http().post('/api/attachments').set(as('citizen')).attach('file', tinyPdf(run), { filename: 'cccd.pdf', contentType: 'application/pdf' });
      expect(upload.status).toBe(201);
      attachment = upload.body[0].id;
      const created = await submit('citizen', exempt, { attachments: [attachment] });
      expect(created.status).toBe(201);
      code = created.body.code;
      expect((await act(code, 'laocai.ca.desk', 'receive')).status).toBe(200);
      expect((await act(code, 'laocai.ca.desk', 'assign', { assigneeId: 'u-laocai.ca.specialist' })).status).toBe(200);
      expect((await act(code, 'laocai.ca.specialist', 'request-supplement', { missing: ['Giấy tờ chỗ ở'], note: 'Bổ sung giấy tờ chỗ ở' })).status).toBe(200);
      const supplemented = await act(code, 'citizen', 'supplement', { form: { previousResidence: 'Thôn Nậm Cang, xã Sa Pa, tỉnh Lào Cai' } });
      expect(supplemented.status).toBe(200);
      expect((await act(code, 'laocai.ca.specialist', 'verify', { note: 'Đã gọi xác minh với chủ hộ' })).status).toBe(200);
    });

    it("masks the form's personal fields for a supervisor, in the dossier and in the list, not for the office", async () => {
      const desk = await http().get(`/api/dossiers/${code}`).set(as('laocai.ca.desk'));
      expect(desk.body.form).toMatchObject({ householdHeadIdNumber: example.householdHeadIdNumber, newResidence: example.newResidence });
      const sup = await http().get(`/api/dossiers/${code}`).set(as('laocai.supervisor'));
      expect(sup.status).toBe(200);
      expect(sup.body.form.householdHeadIdNumber).toBe('*********211');
      expect(sup.body.form.newResidence).toMatch(/^\*+Cai$/);
      expect(sup.body.form.previousResidence).toMatch(/^\*+Cai$/);
      expect(sup.body.form.basis).toBe(example.basis);
      const list = await http().get('/api/dossiers').query({ filter: JSON.stringify({ q: code }) }).set(as('laocai.supervisor'));
      const mine = list.body.find((d: { code: string }) => d.code === code);
      // A list row carries no form and of the applicant only the name (api/dossier-list-view.ts).
      expect(mine.form).toBeUndefined();
      expect(Object.keys(mine.applicant)).toEqual(['fullName']);
    });

    it('masks the personal fields of supplements in the event trail for a supervisor', async () => {
      const sup = await http().get(`/api/dossiers/${code}/events`).set(as('laocai.supervisor'));
      const supplement = sup.body.find((e: { type: string }) => e.type === 'supplement');
      expect(supplement.data.form.previousResidence).toMatch(/^\*+Cai$/);
      const desk = await http().get(`/api/dossiers/${code}/events`).set(as('laocai.ca.desk'));
      expect(desk.body.find((e: { type: string }) => e.type === 'supplement').data.form.previousResidence).toBe('Thôn Nậm Cang, xã Sa Pa, tỉnh Lào Cai');
    });

    it('lets a supervisor list the attachments but not download them', async () => {
      expect((await http().get(`/api/dossiers/${code}/attachments`).set(as('laocai.supervisor'))).status).toBe(200);
      const denied = await http().get(`/api/dossiers/${code}/attachments/${attachment}`).set(as('laocai.supervisor'));
      expect(denied.status).toBe(403);
      expect(denied.headers['content-type']).toMatch(/problem\+json/);
      expect((await http().get(`/api/dossiers/${code}/attachments/${attachment}`).set(as('laocai.ca.desk'))).status).toBe(200);
    });

    it("shows a citizen the trail without officer ids or the office's internal notes", async () => {
      const trail = (await http().get(`/api/dossiers/${code}/events`).set(as('citizen'))).body as { type: string; actorId?: string; actorName: string | null; data: Record<string, unknown> }[];
      const officers = trail.filter((e) => ['receive', 'assign', 'request-supplement', 'verify'].includes(e.type));
      expect(officers).toHaveLength(4);
      for (const e of officers) {
        expect(e.actorId).toBeUndefined();
        expect(e.actorName).toBeNull();
      }
      expect(trail.find((e) => e.type === 'verify')!.data.note).toBeUndefined();
      expect(trail.find((e) => e.type === 'assign')!.data.assigneeId).toBeUndefined();
      expect(trail.find((e) => e.type === 'request-supplement')!.data.note).toBe('Bổ sung giấy tờ chỗ ở');
      expect(JSON.stringify(trail)).not.toContain('u-laocai');
      // The office still reads its own notes.
      const desk = (await http().get(`/api/dossiers/${code}/events`).set(as('laocai.ca.desk'))).body as { type: string; data: Record<string, unknown> }[];
      expect(desk.find((e) => e.type === 'verify')!.data.note).toBe('Đã gọi xác minh với chủ hộ');
    });
  });

  describe('§6 payments tell the truth', () => {
    it('serves the payment QR only while payment is due', async () => {
      const created = await submit('citizen', example);
      const code = created.body.code as string;
      expect(created.body.fee).toBeGreaterThan(0);
      const early = await http().get(`/api/dossiers/${code}/payment`).set(as('citizen'));
      expect(early.status).toBe(409);
      // The fee is due at filing: on reception, before the file is examined.
      expect((await act(code, 'laocai.ca.desk', 'receive')).body.status).toBe('AWAITING_PAYMENT');
      expect((await http().get(`/api/dossiers/${code}/payment`).set(as('citizen'))).status).toBe(200);
    });

    it('answers refund-due for money sent when none is due, and shows it to the desk', async () => {
      const created = await submit('citizen', example);
      const code = created.body.code as string;
      const fee = created.body.fee as number;
      const ack = await callback({ dossierCode: code, amount: fee, transactionId: `sec-${run}-early`, paidAt: new Date().toISOString() });
      expect(ack.status).toBe(200);
      expect(ack.body).toEqual({ status: 'refund-due', refundDue: fee });
      const seen = await until('refundDue on the dossier', async () => {
        const d = await http().get(`/api/dossiers/${code}`).set(as('laocai.ca.desk'));
        return d.body.refundDue > 0 && d.body;
      });
      expect(seen).toMatchObject({ refundDue: fee, paid: false, status: 'SUBMITTED' });
      // The trail keeps it as money not taken.
      const trail = (await http().get(`/api/dossiers/${code}/events`).set(as('laocai.ca.desk'))).body as { type: string; data: { ignored?: string } }[];
      expect(trail.find((e) => e.type === 'payment-received')!.data.ignored).toMatch(/not awaiting payment/);
    });

    it('refuses a paidAt in the future or long past', async () => {
      const created = await submit('citizen', example);
      const code = created.body.code as string;
      const fee = created.body.fee as number;
      const future = await callback({ dossierCode: code, amount: fee, transactionId: `sec-${run}-future`, paidAt: new Date(Date.now() + DAY).toISOString() });
      expect(future.status).toBe(422);
      const old = await callback({ dossierCode: code, amount: fee, transactionId: `sec-${run}-old`, paidAt: new Date(Date.now() - 2 * 365 * DAY).toISOString() });
      expect(old.status).toBe(422);
      expect((await callback({ dossierCode: code, amount: fee, transactionId: `sec-${run}-skew`, paidAt: new Date(Date.now() + 60_000).toISOString() })).status).toBe(200);
    });

    it('decides the channel, and so the fee, from who submits', async () => {
      const online = await http().post('/api/dossiers').set(as('citizen')).send({ procedureCode: '1.004222', agencyCode: '02647', applicant, form: example });
      expect(online.status).toBe(201);
      expect(online.body).toMatchObject({ channel: 'online', fee: 10_000 });
      const counter = await http().post('/api/dossiers').set(as('laocai.ca.desk')).send({ procedureCode: '1.004222', agencyCode: '02647', applicant, form: example });
      expect(counter.status).toBe(201);
      expect(counter.body).toMatchObject({ channel: 'counter', fee: 20_000 });
    });
  });

  describe('§7 supplements are validated against the form', () => {
    let code = '';
    beforeAll(async () => {
      const own = { newResidence: 'Số 3 đường Nguyễn Huệ, phường Lào Cai', basis: 'nha-so-huu', membersMoving: 0, feeExemption: 'nguoi-cao-tuoi' };
      const created = await submit('citizen', own);
      expect(created.status).toBe(201);
      code = created.body.code;
      await act(code, 'laocai.ca.desk', 'receive');
      await act(code, 'laocai.ca.desk', 'assign', { assigneeId: 'u-laocai.ca.specialist' });
      expect((await act(code, 'laocai.ca.specialist', 'request-supplement', { missing: ['Tờ khai CT01'] })).body.status).toBe('NEEDS_SUPPLEMENT');
    });

    it('refuses a supplemented field its schema refuses', async () => {
      const res = await act(code, 'citizen', 'supplement', { form: { householdHeadIdNumber: '12ab' } });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('form.householdHeadIdNumber');
    });

    it('checks the merged form as a whole', async () => {
      // Valid alone, but living with someone else then needs the household head's name.
      const res = await act(code, 'citizen', 'supplement', { form: { basis: 'o-nho-nguoi-than' } });
      expect(res.status).toBe(400);
      const ok = await act(code, 'citizen', 'supplement', { form: { basis: 'o-nho-nguoi-than', householdHeadName: 'Nguyễn Văn Hùng', relationshipToHead: 'Con' } });
      expect(ok.status).toBe(200);
      expect(ok.body.form).toMatchObject({ basis: 'o-nho-nguoi-than', householdHeadName: 'Nguyễn Văn Hùng' });
    });
  });

  describe('§9 bounds', () => {
    it('refuses an extension more than a year ahead', async () => {
      const created = await submit('citizen', exempt);
      const code = created.body.code as string;
      await act(code, 'laocai.ca.desk', 'receive');
      const res = await act(code, 'laocai.ca.leader', 'extend', { newDueAt: new Date(Date.now() + 2 * 365 * DAY).toISOString(), reason: 'Cần thêm thời gian' });
      expect(res.status).toBe(400);
    });
  });

  describe('§8 uploads', () => {
    beforeAll(async () => {
      // The suites share one database and others upload as the demo citizens without attaching
      // (the citizen's store takes a stored result as such an upload): their files are aged past
      // the quota's day, so this suite starts with citizen's and citizen2's quotas free.
      const day = new Date(Date.now() - 25 * 3_600_000);
      await system.dbh.db.update(documents).set({ createdAt: day }).where(and(inArray(documents.uploadedBy, ['u-citizen', 'u-citizen2']), isNull(documents.dossierCode)));
    });
    const upload = (user: string, name: string, content: Buffer, type = 'application/pdf') =>
      http().post('/api/attachments').set(as(user)).attach('file', content, { filename: name, contentType: type });
    const tmpFiles = () => readdir(path.join(system.env.dataDir, 'files', '.tmp')).catch(() => [] as string[]);

    it('names the stored file by its sniffed type, without bidi controls', async () => {
      const res = await upload('citizen', 'hoá-đơn\u202Efdp.exe', tinyPdf(`${run}-bidi`), 'application/octet-stream');
      expect(res.status).toBe(201);
      expect(res.body[0]).toMatchObject({ name: 'hoá-đơnfdp.pdf', mimeType: 'application/pdf' });
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Buffer.from(run)]);
      expect((await upload('citizen', 'anh-chup.jpg', png, 'application/octet-stream')).body[0].name).toBe('anh-chup.png');
    });

    it('cleans up after an upload the client abandons', async () => {
      const boundary = `----motcua${run}`;
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="lon.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
      const req = http_.request({
        host: '127.0.0.1',
        port: system.port,
        method: 'POST',
        path: '/api/attachments',
        headers: { ...as('citizen2'), 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(5 * 1024 * 1024) },
      });
      req.on('error', () => undefined);
      req.write(head);
      req.write(Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(256 * 1024, 0x20)]));
      await until('the temporary file', async () => (await tmpFiles()).length > 0);
      req.destroy();
      await until('no temporary file left', async () => (await tmpFiles()).length === 0);
    });

    it("caps a user's uploads not attached to any dossier", async () => {
      // A desk officer of its own: the suites share one database, and others upload as the demo users.
      const admin = await login(system, 'admin', process.env.MOTCUA_ADMIN_PASSWORD ?? 'admin');
      const username = `quota.${run}`.slice(0, 60);
      const made = await http().post('/api/users').set({ Authorization: `Bearer ${admin}` }).send({ username, password: 'Quota-desk-officer-2026', fullName: 'Cán bộ Hạn Mức', role: 'desk-officer', agencyCode: '02683' });
      expect(made.status).toBe(201);
      tokens[username] = await login(system, username, 'Quota-desk-officer-2026');
      for (let i = 0; i < 3; i++) expect((await upload(username, `q${i}.pdf`, tinyPdf(`${run}-quota-${i}`))).status).toBe(201);
      const over = await upload(username, 'q3.pdf', tinyPdf(`${run}-quota-3`));
      expect(over.status).toBe(429);
      expect(over.body.type).toMatch(/upload-quota/);
    });

    it('removes uploads never attached to a dossier after a day, and keeps those attached', async () => {
      const orphan = (await upload('citizen2', 'bo-quen.pdf', tinyPdf(`${run}-orphan`))).body[0];
      const kept = (await upload('citizen2', 'da-nop.pdf', tinyPdf(`${run}-kept`))).body[0];
      const created = await http().post('/api/dossiers').set(as('citizen2')).send({ procedureCode: '1.004222', agencyCode: '02647', applicant, form: example, attachments: [kept.id] });
      expect(created.status).toBe(201);
      const db = system.dbh.db;
      const old = new Date(Date.now() - 25 * 3_600_000);
      for (const id of [orphan.id, kept.id]) await db.update(documents).set({ createdAt: old }).where(eq(documents.id, id));
      const store = new AttachmentStore(system.env.dataDir);
      for (const sha of [orphan.sha256, kept.sha256]) await utimes(store.pathOf(sha), old, old);
      const swept = await sweepOrphanUploads(db, store, DAY);
      expect(swept.rows).toBeGreaterThanOrEqual(1);
      expect(await db.select().from(documents).where(eq(documents.id, orphan.id))).toHaveLength(0);
      expect(await store.exists(orphan.sha256)).toBe(false);
      expect(await db.select().from(documents).where(eq(documents.id, kept.id))).toHaveLength(1);
      expect(await store.exists(kept.sha256)).toBe(true);
    });
  });

  describe('§9 HTTP hardening', () => {
    it('sends helmet-style headers on the API and the UIs', async () => {
      const api = await http().get('/api/health');
      expect(api.headers['content-security-policy']).toMatch(/default-src 'none'/);
      expect(api.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(api.headers['x-content-type-options']).toBe('nosniff');
      expect(api.headers['referrer-policy']).toBe('no-referrer');
      // The UIs' policy is checked where they are built: api/middleware/security-headers.test.ts
      // and the browser suite (test/browser/portal.test.ts loads the portal under it).
      const file = await http().get(`/api/dossiers/nope/attachments/x`).set(as('citizen'));
      expect(file.headers['content-security-policy']).toMatch(/default-src 'none'/);
    });

    it('puts explicit timeouts and a connection cap on the server', () => {
      expect(system.server.headersTimeout).toBe(20_000);
      expect(system.server.requestTimeout).toBe(300_000);
      expect(system.server.maxConnections).toBe(2000);
    });

    it('serves metrics only with the bearer token when METRICS_TOKEN is set', async () => {
      for (const p of ['/metrics', '/api/metrics']) {
        expect((await http().get(p)).status, p).toBe(401);
        expect((await http().get(p).set('Authorization', 'Bearer wrong-token-of-some-length')).status, p).toBe(401);
        const ok = await http().get(p).set('Authorization', `Bearer ${METRICS_TOKEN}`);
        expect(ok.status, p).toBe(200);
        expect(ok.text).toMatch(/motcua_http_request_duration_seconds/);
      }
    });

    it('gives dossier codes in the national format whose suffixes do not follow each other', async () => {
      const codes: string[] = [];
      for (let i = 0; i < 3; i++) codes.push((await submit('citizen', example)).body.code);
      for (const c of codes) expect(c).toMatch(/^02647-\d{6}-\d{4}$/);
      const n = codes.map((c) => Number(c.slice(-4)));
      expect(n[1] === n[0]! + 1 && n[2] === n[1]! + 1).toBe(false);
    });
  });
});
