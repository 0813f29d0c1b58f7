import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { extractText, inflatePdf } from '../support/pdf-text';
import { signedInStack } from '../support/system';

const binary = ((res: NodeJS.ReadableStream, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}) as unknown as Parameters<request.Test['parse']>[0];

/**
 * Form 19 (Decree 151/2025) through the API: offered to the officers once the slip went to the tax
 * office, drawn from the dossier's form and the `send-to-tax` step, never the applicant's, and
 * masked for a supervisor like the dossier itself.
 */
describe('form 19, the information sent to the tax office', () => {
  const stack = signedInStack(['batxat.desk', 'snnmt.leader', 'snnmt.specialist', 'tinh.supervisor', 'citizen']);
  const http = () => request(stack.system.server);
  const act = (user: string, code: string, action: string, body: object = {}) =>
    http().post(`/api/dossiers/${code}/actions/${action}`).set(stack.as(user)).send(body);
  const form19 = (user: string, code: string) => http().get(`/api/dossiers/${code}/documents/tax-transfer`).set(stack.as(user)).buffer(true).parse(binary);

  it('is the office\'s letter from the slip on: the land transfer\'s parties and parcel, the slip\'s number and sender', async () => {
    const example = (await http().get('/api/procedures/1.013831')).body.example;
    const created = await http().post('/api/dossiers').set(stack.as('batxat.desk'))
      .send({ procedureCode: '1.013831', agencyCode: '02683', channel: 'counter', applicant: { fullName: 'Hà Thị Ngọc', idNumber: '010190007890', phone: '0987654321' }, form: example });
    expect(created.status).toBe(201);
    const code = created.body.code as string;
    expect((await act('batxat.desk', code, 'forward', { agencyCode: 'H38.SNNMT' })).status).toBe(200);
    expect((await act('snnmt.leader', code, 'assign', { assigneeId: 'u-snnmt.specialist' })).status).toBe(200);
    expect((await act('snnmt.specialist', code, 'verify')).status).toBe(200);
    // Before the slip: no form 19.
    expect((await form19('snnmt.specialist', code)).status).toBe(404);

    expect((await act('snnmt.specialist', code, 'send-to-tax', { slipNo: 'PCTT-2026-000777', note: 'Chuyển nhượng toàn bộ thửa đất' })).status).toBe(200);
    const pdf = await form19('snnmt.specialist', code);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = extractText(inflatePdf(pdf.body as Buffer)).replace(/\s+/g, ' ');
    for (const s of [
      'SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG', '(Mẫu số 19)', `Mã hồ sơ: ${code}`, 'Số phiếu: PCTT-2026-000777', 'Họ và tên: Hà Thị Ngọc',
      'Họ tên bên chuyển quyền: Lê Văn Bình', 'Số định danh cá nhân bên chuyển quyền: 010075003456', 'Thửa đất số: 412',
      'Hình thức chuyển quyền: Chuyển nhượng', 'Ghi chú: Chuyển nhượng toàn bộ thửa đất', 'Hoàng Văn Nam',
    ]) expect(text).toContain(s);

    // The dossier lists it for officers; a supervisor reads it with the personal numbers masked.
    const supervised = extractText(inflatePdf((await form19('tinh.supervisor', code)).body as Buffer)).replace(/\s+/g, ' ');
    expect(supervised).toContain('Số định danh cá nhân bên chuyển quyền: *********456');
    expect(supervised).not.toContain('010075003456');
    expect(supervised).not.toContain('010190007890');
  });

  it('is never the applicant\'s to download', async () => {
    const example = (await http().get('/api/procedures/1.013831')).body.example;
    const submitted = await http().post('/api/dossiers').set(stack.as('citizen'))
      .send({ procedureCode: '1.013831', agencyCode: '02683', channel: 'online', applicant: { fullName: 'Phạm Quang Minh', idNumber: '010186000123', phone: '0912000111' }, form: example });
    expect(submitted.status).toBe(201);
    const code = submitted.body.code as string;
    expect((await act('batxat.desk', code, 'receive')).status).toBe(200);
    expect((await act('batxat.desk', code, 'forward', { agencyCode: 'H38.SNNMT' })).status).toBe(200);
    expect((await act('snnmt.leader', code, 'assign', { assigneeId: 'u-snnmt.specialist' })).status).toBe(200);
    expect((await act('snnmt.specialist', code, 'verify')).status).toBe(200);
    expect((await act('snnmt.specialist', code, 'send-to-tax', { slipNo: 'PCTT-2026-000778' })).status).toBe(200);
    expect((await form19('snnmt.specialist', code)).status).toBe(200);
    const mine = await form19('citizen', code);
    expect(mine.status).toBe(404);
    expect(mine.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
