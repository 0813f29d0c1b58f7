import { and, eq } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPaymentBody as sign } from '../../api/routes/payments.routes';
import { assistedFilings, consentCodes, dossierEvents, outbox, users } from '../../db/schema';
import type { SmsPayload } from '../../integrations/messages';
import type { System } from '../../runtime/system';
import { extractText, inflatePdf } from '../support/pdf-text';
import { login, startTestSystem } from '../support/system';

/** Supertest keeps a PDF answer as bytes. */
const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

/**
 * Issue 15 §2: a community helper files for a citizen with the citizen's consent on record, and
 * reads only what they filed; and a status lookup by SMS. Numbers no other suite uses. No SMS
 * gateway is configured here: the messages wait in the outbox, where the test reads them.
 */
const runId = Date.now().toString(36);
/** citizen2 of the demo users: the helper's dossier must land in their account. */
const CITIZEN2 = { fullName: 'Hà Văn Khánh', idNumber: '010079000456', phone: '0912223344' };
/** Nobody's account yet: created at the helper's submission, like a first OIDC sign-in. */
const NEWCOMER = { fullName: 'Sùng A Chở', idNumber: '010203225566', phone: '0977225566' };

describe('assisted filing by a community helper, and status lookup by SMS', () => {
  let system: System;
  const tokens: Record<string, string> = {};
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  let birth: Record<string, unknown>;
  let filed = '';
  let otherHelper = '';

  const api = () => request(system.server);
  const smsTo = async (thread: string) => (await system.dbh.db.select().from(outbox).where(eq(outbox.dossierCode, thread))).map((r) => r.payload as SmsPayload);
  const sendCode = (citizen: { idNumber: string; phone: string }, user = 'batxat.helper') => api().post('/api/consent-codes').set(as(user)).send({ citizen });
  const codeOf = async (id: string) => /Ma xac nhan (\d{6})/.exec((await smsTo(`consent:${id}`))[0]!.text)![1]!;
  const submit = (body: Record<string, unknown>, user = 'batxat.helper') =>
    api().post('/api/dossiers').set(as(user)).send({ procedureCode: '1.001193', agencyCode: '02683', form: birth, ...body });

  beforeAll(async () => {
    system = await startTestSystem();
    for (const u of ['batxat.helper', 'batxat.desk', 'laocai.desk', 'citizen', 'citizen2']) tokens[u] = await login(system, u);
    tokens.admin = await login(system, 'admin', process.env.MOTCUA_ADMIN_PASSWORD ?? 'admin');
    birth = (await api().get('/api/procedures/1.001193')).body.example;
    // A second helper of the same commune: helpers see what they filed, not their commune's.
    const created = await api()
      .post('/api/users')
      .set(as('admin'))
      .send({ username: `helper2.${runId}`, password: 'mot-mat-khau-dai', fullName: 'Lý Văn Tả', role: 'helper', agencyCode: '02683' });
    expect(created.status).toBe(201);
    otherHelper = created.body.id;
    tokens.helper2 = await login(system, `helper2.${runId}`, 'mot-mat-khau-dai');
  }, 120_000);
  afterAll(async () => system?.stop());

  it('lets an administrator attach helpers to communes only', async () => {
    const res = await api()
      .post('/api/users')
      .set(as('admin'))
      .send({ username: `helper3.${runId}`, password: 'mot-mat-khau-dai', fullName: 'Lý Văn Tả', role: 'helper', agencyCode: 'H38.SNNMT' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'agencyCode', message: 'a helper belongs to a commune' });
  });

  it('sends the citizen a one-time code by SMS, keeping only its keyed hash', async () => {
    const res = await sendCode(CITIZEN2);
    expect(res.status).toBe(201);
    expect(res.body.phone).toBe('*******344');
    expect(Date.parse(res.body.expiresAt) - Date.now()).toBeGreaterThan(9 * 60_000);
    const [sms] = await smsTo(`consent:${res.body.id}`);
    expect(sms).toMatchObject({ to: CITIZEN2.phone, template: 'consent-code' });
    expect(sms!.text).toContain('Thao Thi My (To cong nghe so cong dong xa Bat Xat)');
    const code = await codeOf(res.body.id);
    const [row] = await system.dbh.db.select().from(consentCodes).where(eq(consentCodes.id, res.body.id));
    expect(row!.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(code);
    // The outbox list shows the message without its code, even to the administrator.
    const listed = await api().get(`/api/outbox?filter=${encodeURIComponent(JSON.stringify({ dossierCode: `consent:${res.body.id}` }))}`).set(as('admin'));
    expect(listed.status).toBe(200);
    expect(listed.body).toHaveLength(1);
    expect(listed.body[0].payload.text).toContain('Ma xac nhan ******.');
    expect(JSON.stringify(listed.body)).not.toContain(code);
  });

  it('counts wrong codes, accepts the right one, and lets only the helper who asked check it', async () => {
    const { body } = await sendCode(CITIZEN2);
    const code = await codeOf(body.id);
    const wrong = await api().post(`/api/consent-codes/${body.id}/verify`).set(as('batxat.helper')).send({ code: code === '000000' ? '000001' : '000000' });
    expect(wrong.status).toBe(422);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(wrong.body).toMatchObject({ code: 'consent-code-wrong', attemptsLeft: 4 });
    expect((await api().post(`/api/consent-codes/${body.id}/verify`).set(as('helper2')).send({ code })).status).toBe(404);
    expect((await api().post(`/api/consent-codes/${body.id}/verify`).set(as('batxat.desk')).send({ code })).status).toBe(403);
    const right = await api().post(`/api/consent-codes/${body.id}/verify`).set(as('batxat.helper')).send({ code });
    expect(right.status).toBe(200);
    expect(right.body.citizen).toEqual({ idNumber: CITIZEN2.idNumber, phone: CITIZEN2.phone });
  });

  it('refuses an expired code, and a request after five wrong codes', async () => {
    const expired = (await sendCode(NEWCOMER)).body.id as string;
    await system.dbh.db.update(consentCodes).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(consentCodes.id, expired));
    const late = await api().post(`/api/consent-codes/${expired}/verify`).set(as('batxat.helper')).send({ code: await codeOf(expired) });
    expect(late.status).toBe(410);
    expect(late.body.code).toBe('consent-code-expired');

    const locked = (await sendCode(NEWCOMER)).body.id as string;
    const code = await codeOf(locked);
    const other = code === '111111' ? '222222' : '111111';
    for (let i = 0; i < 5; i++) expect((await api().post(`/api/consent-codes/${locked}/verify`).set(as('batxat.helper')).send({ code: other })).status).toBe(422);
    const after = await api().post(`/api/consent-codes/${locked}/verify`).set(as('batxat.helper')).send({ code });
    expect(after.status).toBe(410);
    expect(after.body.code).toBe('consent-code-locked');
  });

  it('files for the citizen with a checked SMS code: the dossier is theirs, with the consent on record', async () => {
    const { body } = await sendCode(CITIZEN2);
    const consent = { method: 'sms-code', codeId: body.id };
    // Not checked yet: no consent on record.
    const early = await submit({ applicant: CITIZEN2, assistance: { consent } });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('consent-missing');
    expect((await api().post(`/api/consent-codes/${body.id}/verify`).set(as('batxat.helper')).send({ code: await codeOf(body.id) })).status).toBe(200);
    // Without the consent, at another commune's desk, or by someone else than a helper: refused.
    expect((await submit({ applicant: CITIZEN2 })).status).toBe(400);
    expect((await submit({ applicant: CITIZEN2, agencyCode: '02647', assistance: { consent } })).status).toBe(403);
    const notAHelper = await submit({ applicant: CITIZEN2, channel: 'counter', assistance: { consent } }, 'batxat.desk');
    expect(notAHelper.status).toBe(400);
    expect(notAHelper.body.errors[0]).toMatchObject({ field: 'assistance', message: 'not allowed' });
    // The consent was given by this citizen: another applicant does not ride on it.
    expect((await submit({ applicant: NEWCOMER, assistance: { consent } })).body.code).toBe('consent-missing');

    const res = await submit({ applicant: CITIZEN2, assistance: { consent } });
    expect(res.status).toBe(201);
    expect(res.body.channel).toBe('online');
    filed = res.body.code;
    // Spent: a second dossier needs a new consent.
    expect((await submit({ applicant: CITIZEN2, assistance: { consent } })).body.code).toBe('consent-missing');

    const [record] = await system.dbh.db.select().from(assistedFilings).where(eq(assistedFilings.dossierCode, filed));
    expect(record).toMatchObject({ helperUserId: 'u-batxat.helper', citizenUserId: 'u-citizen2', consentMethod: 'sms-code', consentCodeId: body.id });
    expect(record!.consentCodeHash).toMatch(/^[0-9a-f]{64}$/);
    // The audit trail: the helper submitted it.
    const [first] = await system.dbh.db.select().from(dossierEvents).where(and(eq(dossierEvents.dossierCode, filed), eq(dossierEvents.type, 'submit')));
    expect(first).toMatchObject({ actorId: 'u-batxat.helper', actorRole: 'helper' });
  });

  it('shows the citizen, the desk and the helper who helped file it', async () => {
    const line = 'Nộp với sự hỗ trợ của Thào Thị Mỷ (Tổ công nghệ số cộng đồng xã Bát Xát)';
    // Received at the desk like any online dossier: its receipt (form 01) and due date follow.
    expect((await api().post(`/api/dossiers/${filed}/actions/receive`).set(as('batxat.desk')).send({})).status).toBe(200);
    const mine = await api().get('/api/dossiers?range=[0,499]').set(as('citizen2'));
    expect(mine.body.map((d: { code: string }) => d.code)).toContain(filed);
    for (const reader of ['citizen2', 'batxat.desk', 'batxat.helper']) {
      const res = await api().get(`/api/dossiers/${filed}`).set(as(reader));
      expect(res.status, reader).toBe(200);
      expect(res.body.assistedBy, reader).toMatchObject({ helperName: 'Thào Thị Mỷ', communeCode: '02683', text: line, consent: { method: 'sms-code' } });
    }
  });

  it('lets a helper read only the dossiers they filed, and act on none', async () => {
    const own = await api().post('/api/dossiers').set(as('citizen')).send({ procedureCode: '1.001193', agencyCode: '02683', applicant: { fullName: 'Sùng Thị Dua', idNumber: '010186000123', phone: '0912345678' }, form: birth });
    expect(own.status).toBe(201);
    const listed = (await api().get('/api/dossiers?range=[0,499]').set(as('batxat.helper'))).body.map((d: { code: string }) => d.code);
    expect(listed).toContain(filed);
    expect(listed).not.toContain(own.body.code);
    expect((await api().get(`/api/dossiers/${own.body.code}`).set(as('batxat.helper'))).status).toBe(404);
    // The receipt (form 01) says who helped file it.
    const receipt = await api().get(`/api/dossiers/${filed}/documents/receipt`).set(as('batxat.helper')).buffer(true).parse(binary);
    expect(receipt.status).toBe(200);
    const flat = (t: string) => t.replace(/\s+/g, '');
    expect(flat(extractText(inflatePdf(receipt.body as Buffer)))).toContain(flat('Nộp với sự hỗ trợ của Thào Thị Mỷ (Tổ công nghệ số cộng đồng xã Bát Xát).'));
    expect((await api().get(`/api/dossiers/${filed}/events`).set(as('batxat.helper'))).status).toBe(200);
    expect((await api().post(`/api/dossiers/${filed}/actions/withdraw`).set(as('batxat.helper')).send({ reason: 'thử' })).status).toBe(403);
    // The other helper of the same commune filed nothing: they see nothing.
    expect((await api().get('/api/dossiers?range=[0,499]').set(as('helper2'))).body).toEqual([]);
    expect((await api().get(`/api/dossiers/${filed}`).set(as('helper2'))).status).toBe(404);
    expect(otherHelper).toMatch(/^u-/);
  });

  it('files with a signed consent form upload, creating the citizen account by personal ID number', async () => {
    const form = await api().get(`/api/consent-form?fullName=${encodeURIComponent(NEWCOMER.fullName)}&idNumber=${NEWCOMER.idNumber}&procedureCode=1.001193`).set(as('batxat.helper'));
    expect(form.status).toBe(200);
    expect(form.headers['content-type']).toBe('application/pdf');
    expect(form.body.subarray(0, 5).toString()).toBe('%PDF-');
    const upload = await api()
      .post('/api/attachments')
      .set(as('batxat.helper'))
      .attach('file', Buffer.from(`%PDF-1.4\n% signed consent ${runId}\n%%EOF\n`), { filename: 'giay-dong-y.pdf', contentType: 'application/pdf' });
    expect(upload.status).toBe(201);
    const attachmentId = upload.body[0].id as string;
    const res = await submit({ applicant: NEWCOMER, assistance: { consent: { method: 'signed-form', attachmentId } } });
    expect(res.status).toBe(201);
    const [account] = await system.dbh.db.select().from(users).where(eq(users.personalId, NEWCOMER.idNumber));
    expect(account).toMatchObject({ role: 'citizen', username: `dinhdanh.${NEWCOMER.idNumber}`, fullName: NEWCOMER.fullName });
    const view = await api().get(`/api/dossiers/${res.body.code}`).set(as('batxat.helper'));
    expect(view.body.attachments.map((a: { id: string }) => a.id)).toContain(attachmentId);
    expect(view.body.assistedBy.consent).toMatchObject({ method: 'signed-form', attachmentId });
    // An officer's personal ID number is never a citizen to file for.
    await system.dbh.db.update(users).set({ personalId: '010203998877' }).where(eq(users.id, 'u-batxat.leader'));
    const { body } = await sendCode({ idNumber: '010203998877', phone: '0912998877' });
    await api().post(`/api/consent-codes/${body.id}/verify`).set(as('batxat.helper')).send({ code: await codeOf(body.id) });
    const officer = await submit({ applicant: { fullName: 'Vàng Văn Sử', idNumber: '010203998877', phone: '0912998877' }, assistance: { consent: { method: 'sms-code', codeId: body.id } } });
    expect(officer.status).toBe(422);
    expect(officer.body.code).toBe('applicant-not-a-citizen');
    await system.dbh.db.update(users).set({ personalId: null }).where(eq(users.id, 'u-batxat.leader'));
  });

  describe('status lookup by SMS', () => {
    const inbound = (body: Record<string, unknown>, secret = system.env.SMS_INBOUND_SECRET) => {
      const raw = JSON.stringify(body);
      return api().post('/api/sms/inbound').set('content-type', 'application/json').set('X-Sms-Signature', sign(secret, raw)).send(raw);
    };
    const replyOf = async (messageId: string) => smsTo(`sms-in:${messageId}`);

    it('refuses unsigned and wrongly signed calls with problem+json 401', async () => {
      const body = { from: '0912000111', text: `TRACUU ${filed}`, messageId: `${runId}-unsigned` };
      const unsigned = await api().post('/api/sms/inbound').send(body);
      expect(unsigned.status).toBe(401);
      expect(unsigned.headers['content-type']).toContain('application/problem+json');
      expect((await inbound(body, 'not-the-secret-at-all')).status).toBe(401);
      expect(await replyOf(body.messageId)).toEqual([]);
    });

    it('answers «tra cứu <code>» with the status and due date, nothing personal, once per message id', async () => {
      const dossier = (await api().get(`/api/dossiers/${filed}`).set(as('batxat.desk'))).body;
      const due = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(dossier.dueAt));
      expect(due).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
      const body = { from: '0912000111', text: `Tra cứu ${filed.toLowerCase()}`, messageId: `${runId}-status` };
      const res = await inbound(body);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ messageId: body.messageId, outcome: 'status', duplicate: false });
      const [reply] = await replyOf(body.messageId);
      expect(reply).toMatchObject({ to: '0912000111', template: 'status-reply' });
      expect(reply!.text).toBe(`Ho so ${filed}: Da tiep nhan, dang cho xu ly. Hen tra ket qua: ${due}.`);
      for (const personal of ['Khanh', CITIZEN2.idNumber, CITIZEN2.phone]) expect(reply!.text).not.toContain(personal);
      // The gateway calls again: the same answer, no second SMS.
      const again = await inbound(body);
      expect(again.body).toMatchObject({ duplicate: true, replyId: res.body.replyId });
      expect(await replyOf(body.messageId)).toHaveLength(1);
    });

    it('helps with an unknown code or a message it cannot read', async () => {
      const unknown = await inbound({ from: '0912000222', text: 'TC 02683-991231-0001', messageId: `${runId}-unknown` });
      expect(unknown.body.outcome).toBe('unknown-code');
      expect((await replyOf(`${runId}-unknown`))[0]!.text).toMatch(/^Khong tim thay ho so 02683-991231-0001\. .*TRACUU <ma ho so>/);
      const help = await inbound({ from: '0912000222', text: 'cho toi hoi ho so', messageId: `${runId}-help` });
      expect(help.body.outcome).toBe('help');
      expect((await replyOf(`${runId}-help`))[0]!.text).toContain('soan: TRACUU <ma ho so>');
    });

    it('limits lookups per sender', async () => {
      const from = '0912000333';
      const answers = [];
      for (let i = 0; i < 6; i++) answers.push(await inbound({ from, text: `TRACUU ${filed}`, messageId: `${runId}-burst-${i}` }));
      expect(answers.slice(0, 5).map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      expect(answers[5]!.status).toBe(429);
      expect(Number(answers[5]!.headers['retry-after'])).toBeGreaterThan(0);
      expect(await replyOf(`${runId}-burst-5`)).toEqual([]);
    });
  });
});
