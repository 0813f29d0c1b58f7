import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { System } from '../../runtime/system';
import { extractText, inflatePdf } from '../support/pdf-text';
import { login, startTestSystem } from '../support/system';

/** Circular 01/2018's forms from a dossier's data (docs/forms.md), and walk-ins recorded at the desk. */
describe('forms 01–06, the refusal after review, and walk-ins at the desk', () => {
  let system: System;
  const tokens: Record<string, string> = {};
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const http = () => request(system.server);
  const act = (user: string, code: string, action: string, body: object = {}) =>
    http().post(`/api/dossiers/${code}/actions/${action}`).set(as(user)).send(body);
  /** A document's text as the reader gets it (signed ones are compressed: inflate first). */
  const documentText = async (user: string, code: string, kind: string) => {
    const res = await http().get(`/api/dossiers/${code}/documents/${kind}`).set(as(user)).buffer(true).parse(binary);
    expect(res.status, `${kind} of ${code} for ${user}`).toBe(200);
    return extractText(inflatePdf(res.body as Buffer));
  };
  let example: Record<string, unknown> = {};
  /** A counter dossier for someone without an account: received at once by laocai.desk. */
  const atCounter = async (fullName: string, procedureCode = '1.013225') => {
    const form = procedureCode === '1.013225' ? example : (await http().get(`/api/procedures/${procedureCode}`)).body.example;
    const res = await http().post('/api/dossiers').set(as('laocai.desk'))
      .send({ procedureCode, agencyCode: '02647', applicant: { fullName, idNumber: '010203001122', phone: '0911222333', address: 'Tổ 5, phường Lào Cai' }, form });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'RECEIVED' });
    return res.body.code as string;
  };
  const events = async (code: string) => (await http().get(`/api/dossiers/${code}/events`).set(as('laocai.desk'))).body as { type: string; actorRole: string; data: Record<string, unknown> }[];

  beforeAll(async () => {
    system = await startTestSystem();
    for (const u of ['citizen', 'laocai.desk', 'laocai.specialist', 'laocai.leader', 'laocai.supervisor', 'batxat.desk', 'batxat.leader', 'snnmt.desk', 'tinh.supervisor']) {
      tokens[u] = await login(system, u);
    }
    example = (await http().get('/api/procedures/1.013225')).body.example;
  });
  afterAll(async () => system?.stop());

  it('prints forms 01, 02, 04 and 05 from the dossier: documents received, officer, dates as Vietnam writes them, hand-overs', async () => {
    const code = await atCounter('Hoàng Văn Bình');
    const receipt = await documentText('laocai.desk', code, 'receipt');
    for (const phrase of ['GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', '(Mẫu số 01)', 'Hoàng Văn Bình', '1. Thành phần hồ sơ nộp gồm:',
      '2. Số lượng hồ sơ: 01 bộ', '3. Thời gian giải quyết hồ sơ theo quy định: 15 ngày làm việc', 'NGƯỜI TIẾP NHẬN HỒ SƠ', 'Nguyễn Thị Lan']) {
      expect(receipt).toContain(phrase);
    }
    expect(receipt).toMatch(/4\. Thời gian nhận hồ sơ: \d{1,2} giờ \d{2} phút, ngày \d{2} tháng \d{1,2} năm 20\d{2}/);
    expect(receipt).toMatch(/\(bản giấy\)/); // a counter dossier handed over on paper lists the checklist as received

    expect((await act('laocai.desk', code, 'assign', { assigneeId: 'u-laocai.specialist' })).status).toBe(200);
    expect((await act('laocai.specialist', code, 'request-supplement', { missing: ['Bản vẽ mặt bằng công trình'], note: 'Bản vẽ thiếu chữ ký' })).status).toBe(200);
    const supplement = await documentText('laocai.desk', code, 'supplement');
    for (const phrase of ['PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', '(Mẫu số 02)', '1. Bản vẽ mặt bằng công trình', 'Lý do: Bản vẽ thiếu chữ ký',
      'Thời gian chờ bổ sung, hoàn thiện hồ sơ không tính vào thời hạn giải quyết.', 'NGƯỜI HƯỚNG DẪN']) {
      expect(supplement).toContain(phrase);
    }
    expect((await act('laocai.desk', code, 'supplement', {})).status).toBe(200);

    // Form 04 is what `extend` issues: the original appointment and the new one.
    const dueAt = (await http().get(`/api/dossiers/${code}`).set(as('laocai.desk'))).body.dueAt as string;
    const newDueAt = new Date(Date.parse(dueAt) + 3 * 86_400_000).toISOString();
    expect((await act('laocai.leader', code, 'extend', { newDueAt, reason: 'Chờ ý kiến của cơ quan quản lý đường bộ' })).status).toBe(200);
    const apology = await documentText('laocai.desk', code, 'apology');
    expect(apology).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(apology).toContain('Lý do: Chờ ý kiến của cơ quan quản lý đường bộ');
    expect(apology).toMatch(/Thời hạn trả kết quả mới: \d{1,2} giờ \d{2} phút, ngày/);

    // Form 05: the desk's hand-over to the specialist, timed against the agency's share.
    const control = await documentText('laocai.desk', code, 'control');
    for (const phrase of ['PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', '(Mẫu số 05)', 'Bên giao', 'Bên nhận', 'Trước hạn']) expect(control).toContain(phrase);
    expect(control).toContain('Nguyễn Thị Lan');
    expect(control).toContain('Trần Văn Minh');
    const dossier = (await http().get(`/api/dossiers/${code}`).set(as('laocai.desk'))).body;
    expect(dossier.extended).toBe(true);
  });

  it('issues the reasoned refusal after review when the leader rejects, and form 03 only at reception', async () => {
    const code = await atCounter('Vũ Thị Cúc');
    await act('laocai.desk', code, 'assign', { assigneeId: 'u-laocai.specialist' });
    const rejected = await act('laocai.leader', code, 'reject', { reason: 'Công trình nằm trong hành lang an toàn giao thông' });
    expect(rejected.body.status).toBe('REJECTED');
    const text = await documentText('laocai.desk', code, 'rejection');
    for (const phrase of ['THÔNG BÁO TỪ CHỐI GIẢI QUYẾT HỒ SƠ', 'Vũ Thị Cúc', 'Công trình nằm trong hành lang an toàn giao thông', 'THỦ TRƯỞNG CƠ QUAN', 'Lê Văn Hùng', 'khiếu nại, khởi kiện']) {
      expect(text).toContain(phrase);
    }
    expect((await http().get(`/api/dossiers/${code}/documents/refusal`).set(as('laocai.desk'))).status).toBe(404);
    // A decision: signed and served as issued, verifiable from its QR like the result (docs/signing.md).
    const pdf = (await http().get(`/api/dossiers/${code}/documents/rejection`).set(as('laocai.desk')).buffer(true).parse(binary)).body as Buffer;
    expect(pdf.toString('latin1')).toContain('/SubFilter /ETSI.CAdES.detached');
    const verifyCode = /xac-minh\/([A-Z2-9]{16})/.exec(text)![1];
    const verified = await http().get(`/api/public/verify/${verifyCode}`);
    expect(verified.body).toMatchObject({ valid: true, document: { kind: 'rejection', title: 'THÔNG BÁO TỪ CHỐI GIẢI QUYẾT HỒ SƠ' } });
    expect((await http().get(`/api/dossiers/${code}`).set(as('laocai.desk'))).body.status).toBe('REJECTED');
  });

  it('keeps form 05 at the office: the citizen cannot download it, nor does the public lookup list it', async () => {
    const procedure = (await http().get('/api/procedures/1.013225')).body;
    const created = await http().post('/api/dossiers').set(as('citizen'))
      .send({ procedureCode: '1.013225', agencyCode: '02647', channel: 'online', applicant: { fullName: 'Đỗ Văn Giang', idNumber: '010203004455', phone: '0988777666' }, form: procedure.example });
    const code = created.body.code as string;
    expect((await act('laocai.desk', code, 'receive')).status).toBe(200);
    expect((await http().get(`/api/dossiers/${code}/documents/control`).set(as('citizen'))).status).toBe(404);
    // The online reception is form 05's first hand-over, timed against the reception deadline.
    const control = await documentText('laocai.desk', code, 'control');
    expect(control).toContain('Ông/Bà Đỗ Văn');
    expect(control).toMatch(/Trước hạn|Đúng hạn/);
    const lookup = await http().get(`/api/public/dossiers/${code}`).query({ phone: '0988777666' });
    expect(lookup.body.documents).toEqual(['receipt']);

    // A citizen with an account withdraws themselves; the desk does not do it for them.
    const byDesk = await act('laocai.desk', code, 'withdraw', { reason: 'Công dân đề nghị' });
    expect(byDesk.status).toBe(403);
    expect(byDesk.body.detail).toMatch(/has an account/);
    expect((await act('citizen', code, 'withdraw', {})).body.status).toBe('WITHDRAWN');
  });

  it('records a walk-in withdrawal at the receiving desk, with the stated reason, as the desk officer, “ghi nhận tại quầy”', async () => {
    const code = await atCounter('Lý Thị Hạnh');
    const shown = (await http().get(`/api/dossiers/${code}`).set(as('laocai.desk'))).body;
    expect(shown.allowedActions).toContain('withdraw');
    // Not another agency's desk (it cannot even see the dossier), and not without the applicant's reason.
    expect((await act('batxat.desk', code, 'withdraw', { reason: 'Không còn nhu cầu' })).status).toBe(404);
    const noReason = await act('laocai.desk', code, 'withdraw', {});
    expect(noReason.status).toBe(400);
    expect(noReason.headers['content-type']).toMatch(/application\/problem\+json/);
    const done = await act('laocai.desk', code, 'withdraw', { reason: 'Gia đình không còn nhu cầu xây dựng' });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('WITHDRAWN');
    const withdraw = (await events(code)).find((e) => e.type === 'withdraw')!;
    expect(withdraw).toMatchObject({ actorRole: 'desk-officer', actorName: 'Nguyễn Thị Lan' });
    expect(withdraw.data).toMatchObject({ reason: 'Gia đình không còn nhu cầu xây dựng', atDesk: true, deskNote: expect.stringMatching(/^Ghi nhận tại quầy/) });
  });

  it('lets the receiving desk record a withdrawal while a department holds the file, and not the department', async () => {
    const code = await atCounter('Phan Văn Khoa', '1.012786');
    expect((await act('laocai.desk', code, 'forward', { agencyCode: 'H38.SNNMT' })).status).toBe(200);
    const atDepartment = (await http().get(`/api/dossiers/${code}`).set(as('laocai.desk'))).body;
    expect(atDepartment).toMatchObject({ agencyCode: 'H38.SNNMT', allowedActions: ['withdraw'] });
    const bySnnmt = await act('snnmt.desk', code, 'withdraw', { reason: 'Không còn nhu cầu' });
    expect(bySnnmt.status).toBe(403);
    expect((await act('laocai.desk', code, 'withdraw', { reason: 'Đã chuyển nhượng cho người khác' })).body.status).toBe('WITHDRAWN');
  });

  it('records a walk-in rating of a delivered dossier, once', async () => {
    const code = await atCounter('Mai Văn Lộc');
    await act('laocai.desk', code, 'assign', { assigneeId: 'u-laocai.specialist' });
    await act('laocai.specialist', code, 'verify', { note: 'Đủ điều kiện' });
    // The permit's version 2 (procedures/coded/construction-permit.ts): the site visit and the consultation come before the decision.
    await act('laocai.specialist', code, 'schedule-inspection', { at: new Date(Date.now() + 1000).toISOString(), place: 'Tổ 5, phường Cam Đường' });
    await new Promise((r) => setTimeout(r, 1500));
    const minutes = await http().post('/api/attachments').set(as('laocai.specialist')).attach('file', Buffer.from('%PDF-1.4\n% bien ban\n%%EOF\n'), { filename: 'bien-ban.pdf', contentType: 'application/pdf' });
    expect((await act('laocai.specialist', code, 'record-inspection', { minutes: minutes.body[0], outcome: 'conforms' })).status).toBe(200);
    expect((await act('laocai.specialist', code, 'request-opinions', { agencies: [], note: 'Phù hợp quy hoạch: không cần xin ý kiến' })).body.status).toBe('AWAITING_APPROVAL');
    await act('laocai.leader', code, 'approve', { note: 'Cấp giấy phép' });
    expect((await act('laocai.desk', code, 'deliver', { method: 'desk' })).body.status).toBe('DELIVERED');
    expect((await act('batxat.desk', code, 'rate', { score: 1 })).status).toBe(404);
    const rated = await act('laocai.desk', code, 'rate', { score: 5, comment: 'Cán bộ hướng dẫn tận tình' });
    expect(rated.status).toBe(200);
    expect(rated.body.rating).toEqual({ score: 5, comment: 'Cán bộ hướng dẫn tận tình' });
    expect((await act('laocai.desk', code, 'rate', { score: 4 })).status).toBe(409);
    const rate = (await events(code)).find((e) => e.type === 'rate')!;
    expect(rate).toMatchObject({ actorRole: 'desk-officer', data: { score: 5, comment: 'Cán bộ hướng dẫn tận tình', atDesk: true } });
    const control = await documentText('laocai.desk', code, 'control');
    expect(control).toContain('Lê Văn Hùng');
  });

  it('prints form 06, the register, for the leader and the supervisors above, masked for supervisors, as PDF and CSV', async () => {
    const code = await atCounter('Tạ Thị Mến');
    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const pdf = await http().get('/api/registers/dossiers').query({ from, to }).set(as('laocai.leader')).buffer(true).parse(binary);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toMatch(/application\/pdf/);
    const text = extractText(inflatePdf(pdf.body as Buffer));
    for (const phrase of ['SỔ THEO DÕI HỒ SƠ', '(Mẫu số 06)', 'Mã hồ sơ', 'Tạ Thị Mến']) expect(text).toContain(phrase);

    const leaderCsv = await http().get('/api/registers/dossiers/csv').query({ from, to }).set(as('laocai.leader'));
    expect(leaderCsv.status).toBe(200);
    expect(leaderCsv.headers['content-type']).toMatch(/text\/csv/);
    const line = leaderCsv.text.split('\r\n').find((l) => l.includes(code))!;
    expect(line).toContain('0911222333');
    expect(leaderCsv.text.split('\r\n')[0]).toMatch(/^\uFEFFSTT,Mã hồ sơ,Tên TTHC,Số lượng hồ sơ \(bộ\),"Tên cá nhân, tổ chức",/);

    const supervisorCsv = await http().get('/api/registers/dossiers/csv').query({ from, to, agencyCode: '02647' }).set(as('tinh.supervisor'));
    const masked = supervisorCsv.text.split('\r\n').find((l) => l.includes(code))!;
    expect(masked).not.toContain('0911222333');
    expect(masked).toContain('Tạ Thị Mến');

    // Another agency's leader, and a period upside down, are refused as problems.
    expect((await http().get('/api/registers/dossiers').query({ agencyCode: '02647' }).set(as('batxat.leader'))).status).toBe(403);
    expect((await http().get('/api/registers/dossiers').set(as('laocai.desk'))).status).toBe(403);
    const upside = await http().get('/api/registers/dossiers/csv').query({ from: to, to: from }).set(as('laocai.leader'));
    expect(upside.status).toBe(400);
    // batxat's register does not list 02647's dossier.
    const batxat = await http().get('/api/registers/dossiers/csv').query({ from, to }).set(as('batxat.leader'));
    expect(batxat.text).not.toContain(code);
  });
});

const binary = ((res: NodeJS.ReadableStream, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}) as unknown as Parameters<request.Test['parse']>[0];
