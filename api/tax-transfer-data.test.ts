import { describe, expect, it } from 'vitest';
import { getProcedure } from '../procedures';
import { extractText } from '../test/support/pdf-text';
import { renderDocument } from './documents/render';
import { taxTransferData } from './tax-transfer-data';

const base = {
  kind: 'tax-transfer' as const,
  dossierCode: '02683-261201-0042',
  agencyName: 'Sở Nông nghiệp và Môi trường',
  receivedAt: '2026-12-01T02:30:00Z',
  issuedAt: '2026-12-03T08:15:00Z',
  lookupUrl: 'https://motcua.example.vn/tra-cuu/02683-261201-0042',
};

/** Form 19 as a land office sends it, from the forms of the two land procedures with a tax stage. */
describe('form 19 from the dossier\'s form', () => {
  it('groups a land transfer (1.013831) into the form\'s parts, in words, under the procedure\'s labels', async () => {
    const procedure = getProcedure('1.013831')!;
    const t = taxTransferData(procedure, procedure.example, { slipNo: 'PCTT-2026-000123', note: 'Chuyển nhượng toàn bộ thửa đất', sentBy: 'Hoàng Văn Nam' });
    expect(t.sections.map((s) => s.title)).toEqual([
      'I. Người sử dụng đất, chủ sở hữu tài sản gắn liền với đất', 'II. Thửa đất', 'IV. Việc chuyển quyền sử dụng đất',
    ]);
    const pdf = await renderDocument('tax-transfer', { ...base, procedureName: procedure.name.vi, applicant: { fullName: 'Hà Thị Ngọc', idNumber: '010190007890' }, taxTransfer: t }, { compress: false });
    const text = extractText(pdf.toString('latin1'));
    for (const line of [
      'Số phiếu: PCTT-2026-000123', 'Họ tên bên chuyển quyền: Lê Văn Bình', 'Số định danh cá nhân bên chuyển quyền: 010075003456',
      'Họ tên bên nhận chuyển quyền: Hà Thị Ngọc', 'Địa chỉ thửa đất: Tổ 12, phường Nam Cường, tỉnh Lào Cai', 'Tờ bản đồ số: 8', 'Thửa đất số: 412',
      'Hình thức chuyển quyền: Chuyển nhượng', 'Ngày công chứng, chứng thực hợp đồng/văn bản: 10/11/2026', 'Thửa đất đang thế chấp: Không',
      'Ghi chú: Chuyển nhượng toàn bộ thửa đất', 'Ngày chuyển thông tin: 15 giờ 15 phút, ngày 03 tháng 12 năm 2026', 'Hoàng Văn Nam',
    ]) expect(text).toContain(line);
  });

  it('prints a first certificate (1.013978): the land use in words, the area with a decimal comma, the house', () => {
    const procedure = getProcedure('1.013978')!;
    const t = taxTransferData(procedure, procedure.example, { slipNo: 'PCTT-1' });
    const lines = Object.fromEntries(t.sections.flatMap((s) => s.lines.map((l) => [l.label, l.value])));
    expect(lines).toMatchObject({
      'Họ tên người sử dụng đất': 'Sùng A Chứ', 'Mục đích sử dụng đất': 'Đất ở tại nông thôn (ONT)', 'Diện tích (m²)': '312,5',
      'Có nhà ở, công trình trên đất': 'Có', 'Sử dụng đất từ năm': '1998',
    });
  });

  it('prints a field no part claims under "other information", and a masked form as masked', () => {
    const t = taxTransferData(getProcedure('1.013978'), { landUserIdNumber: '*********788', surveyor: 'Công ty đo đạc Lào Cai' }, { slipNo: 'PCTT-2' });
    expect(t.sections).toEqual([
      { title: 'I. Người sử dụng đất, chủ sở hữu tài sản gắn liền với đất', lines: [{ label: 'Số định danh cá nhân người sử dụng đất', value: '*********788' }] },
      { title: 'V. Thông tin khác', lines: [{ label: 'surveyor', value: 'Công ty đo đạc Lào Cai' }] },
    ]);
  });
});
