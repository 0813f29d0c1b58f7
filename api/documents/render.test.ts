import { describe, expect, it } from 'vitest';
import { formatVietnamDateTime } from './layout.js';
import { extractText, inflatePdf } from '../../test/support/pdf-text.js';
import { DOCUMENT_KINDS, renderDocument, type DocumentData, type DocumentKind } from './render.js';

const base = {
  dossierCode: 'H38-250701-0001',
  procedureName: 'Đăng ký thường trú',
  agencyName: 'Ủy ban nhân dân phường Cam Đường',
  applicant: { fullName: 'Trần Thị Diệp', idNumber: '010203004005', phone: '0912345678', address: 'Số 12 đường Hoàng Liên' },
  receivedAt: '2025-07-01T02:30:00Z',
  dueAt: '2025-07-03T09:30:00Z',
  newDueAt: '2025-07-07T18:00:00Z',
  issuedAt: '2025-07-01T02:31:00Z',
  lookupUrl: 'https://motcua.example.vn/tra-cuu/H38-250701-0001',
};

const samples: Record<DocumentKind, DocumentData> = {
  receipt: {
    ...base,
    kind: 'receipt',
    documentsReceived: [{ name: 'Tờ khai thay đổi thông tin cư trú', files: ['to-khai.pdf'] }, { name: 'Giấy tờ khác', files: ['anh-ho-khau.jpg'] }],
    documentsMissing: ['Giấy tờ chứng minh chỗ ở hợp pháp'],
    receivedBy: 'Nguyễn Thị Lan',
  },
  supplement: { ...base, kind: 'supplement', missing: ['Bản sao giấy khai sinh', 'Ảnh chân dung'], note: 'Thiếu giấy tờ' },
  refusal: { ...base, kind: 'refusal', reason: 'Hồ sơ không thuộc thẩm quyền giải quyết' },
  apology: { ...base, kind: 'apology', reason: 'Cần xác minh thêm thông tin' },
  control: {
    ...base,
    kind: 'control',
    control: {
      handlingAgency: 'Sở Nông nghiệp và Môi trường',
      coordinatingAgencies: ['Ủy ban nhân dân phường Cam Đường'],
      rows: [
        { from: 'Bộ phận Tiếp nhận và Trả kết quả - Ủy ban nhân dân phường Cam Đường', to: 'Sở Nông nghiệp và Môi trường', at: '2025-07-01T03:00:00Z', dueAt: '2025-07-02T03:00:00Z', outcome: 'Đúng hạn', note: 'Liên thông' },
        { from: 'Sở Nông nghiệp và Môi trường', to: 'Bộ phận Tiếp nhận và Trả kết quả - Ủy ban nhân dân phường Cam Đường', at: '2025-07-04T03:00:00Z', dueAt: '2025-07-03T09:30:00Z', outcome: 'Quá hạn' },
      ],
    },
  },
  'tax-transfer': {
    ...base,
    kind: 'tax-transfer',
    taxTransfer: {
      slipNo: 'PCTT-2025-000045',
      sections: [
        { title: 'I. Người sử dụng đất, chủ sở hữu tài sản gắn liền với đất', lines: [{ label: 'Họ tên người sử dụng đất', value: 'Trần Thị Diệp' }] },
        { title: 'II. Thửa đất', lines: [{ label: 'Thửa đất số', value: '145' }, { label: 'Diện tích (m²)', value: '312,5' }] },
      ],
      note: 'Hồ sơ cấp Giấy chứng nhận lần đầu',
      sentBy: 'Hoàng Văn Nam',
    },
  },
  rejection: { ...base, kind: 'rejection', reason: 'Thửa đất đang có tranh chấp', decidedBy: 'Phạm Văn Hùng' },
  result: { ...base, kind: 'result', note: 'Đã đăng ký thường trú', approvedBy: 'Phạm Văn Hùng' },
};

/** What each document must say, beyond the header every one of them carries. */
const expected: Record<DocumentKind, string[]> = {
  receipt: ['GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', '(Mẫu số 01)', '4. Thời gian nhận hồ sơ: 9 giờ 30 phút, ngày 01 tháng 7 năm 2025',
    '5. Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 30 phút, ngày 03 tháng 7 năm 2025',
    '1. Thành phần hồ sơ nộp gồm:', '1. Tờ khai thay đổi thông tin cư trú (to-khai.pdf)', '2. Giấy tờ khác (anh-ho-khau.jpg)',
    'Thành phần hồ sơ còn thiếu:', '1. Giấy tờ chứng minh chỗ ở hợp pháp', '2. Số lượng hồ sơ: 01 bộ', 'NGƯỜI TIẾP NHẬN HỒ SƠ', 'Nguyễn Thị Lan'],
  supplement: ['PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', '(Mẫu số 02)', '1. Bản sao giấy khai sinh', '2. Ảnh chân dung',
    'Thời gian chờ bổ sung, hoàn thiện hồ sơ không tính vào thời hạn giải quyết.', 'NGƯỜI HƯỚNG DẪN'],
  refusal: ['PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', '(Mẫu số 03)', 'Hồ sơ không thuộc thẩm quyền giải quyết', 'NGƯỜI TIẾP NHẬN HỒ SƠ'],
  apology: ['PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', '(Mẫu số 04)', 'Thời hạn trả kết quả đã hẹn: 16 giờ 30 phút, ngày 03 tháng 7 năm 2025',
    'Thời hạn trả kết quả mới: 1 giờ 00 phút, ngày 08 tháng 7 năm 2025', 'Cần xác minh thêm thông tin', 'THỦ TRƯỞNG CƠ QUAN'],
  control: ['PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', '(Mẫu số 05)', 'Cơ quan (bộ phận) giải quyết hồ sơ: Sở Nông nghiệp và Môi trường',
    'Cơ quan phối hợp giải quyết hồ sơ: Ủy ban nhân dân phường Cam Đường', 'Bên giao', 'Bên nhận', 'Đúng hạn', 'Quá hạn', 'Liên thông'],
  'tax-transfer': ['PHIẾU CHUYỂN THÔNG TIN ĐỂ XÁC ĐỊNH NGHĨA VỤ TÀI CHÍNH VỀ', 'ĐẤT ĐAI', '(Mẫu số 19)', 'Số phiếu: PCTT-2025-000045',
    'Kính gửi: Cơ quan thuế quản lý nơi có đất', 'I. Người sử dụng đất, chủ sở hữu tài sản gắn liền với đất:', 'II. Thửa đất:',
    'Thửa đất số: 145', 'Diện tích (m²): 312,5', 'Ghi chú: Hồ sơ cấp Giấy chứng nhận lần đầu', 'NGƯỜI LẬP PHIẾU', 'Hoàng Văn Nam'],
  rejection: ['THÔNG BÁO TỪ CHỐI GIẢI QUYẾT HỒ SƠ', 'Thửa đất đang có tranh chấp', 'Ngày từ chối: 9 giờ 31 phút, ngày 01 tháng 7 năm 2025',
    'khiếu nại, khởi kiện', 'Phạm Văn Hùng'],
  result: ['THÔNG BÁO KẾT QUẢ GIẢI QUYẾT HỒ SƠ', 'Đã đăng ký thường trú', 'Phạm Văn Hùng'],
};

const render = (kind: DocumentKind, compress = false) => renderDocument(kind, samples[kind], { compress });

describe('renderDocument', () => {
  it.each(DOCUMENT_KINDS)('renders a %s as a PDF with the font embedded and a PNG QR', async (kind) => {
    const pdf = (await render(kind)).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(pdf).toMatch(/\/FontFile2 \d+ 0 R/);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+BeVietnamPro-Regular/);
    expect(pdf).not.toContain('Helvetica');
    expect(pdf).toMatch(/\/Subtype \/Image/);
  });

  it.each(DOCUMENT_KINDS)('maps Vietnamese glyphs back to their letters in a %s', async (kind) => {
    const pdf = (await render(kind)).toString('latin1');
    const cmaps = [...pdf.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)].map((m) => m[1]).join('');
    for (const letter of ['ờ', 'ệ', 'ạ']) {
      expect(cmaps).toContain(`<${letter.codePointAt(0)!.toString(16)}>`);
    }
  });

  it.each(DOCUMENT_KINDS)('writes the header, the dossier and the %s wording in Vietnamese', async (kind) => {
    const text = extractText((await render(kind)).toString('latin1'));
    for (const phrase of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Ngày 01 tháng 07 năm 2025',
      'Mã hồ sơ: H38-250701-0001', 'Trần Thị Diệp', 'Đăng ký thường trú', ...expected[kind],
    ]) {
      expect(text).toContain(phrase);
    }
  });

  it('words form 02 for the desk before reception: nothing received, no time counted yet', async () => {
    const data: DocumentData = { ...samples.supplement, stage: 'reception', receivedAt: undefined, submittedAt: '2025-07-01T01:15:00Z' };
    const text = extractText((await renderDocument('supplement', data, { compress: false })).toString('latin1'));
    expect(text).toContain('Thời gian nộp hồ sơ: 8 giờ 15 phút, ngày 01 tháng 7 năm 2025');
    expect(text).toContain('Hồ sơ chưa được tiếp nhận.');
    expect(text).not.toContain('Thời gian tiếp nhận hồ sơ');
  });

  it('lists every hand-over of form 05 on a row, across pages when there are many', async () => {
    const row = samples.control.control!.rows[0]!;
    const rows = Array.from({ length: 40 }, (_, i) => ({ ...row, note: `Lượt ${i + 1}` }));
    const pdf = await renderDocument('control', { ...samples.control, control: { ...samples.control.control!, rows } }, { compress: false });
    const text = extractText(pdf.toString('latin1'));
    for (const i of [1, 20, 40]) expect(text).toContain(`Lượt ${i}`);
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)!.length).toBeGreaterThan(1);
  });

  it('gives the same bytes for the same input', async () => {
    const [a, b] = await Promise.all([render('receipt', true), render('receipt', true)]);
    expect(a.equals(b)).toBe(true);
  });

  it('refuses a form whose substance is missing rather than print it blank', async () => {
    await expect(renderDocument('refusal', { ...samples.refusal, reason: '' })).rejects.toThrow(/reason/);
    await expect(renderDocument('supplement', { ...samples.supplement, missing: [] })).rejects.toThrow(/missing/);
    await expect(renderDocument('receipt', samples.result)).rejects.toThrow();
    await expect(renderDocument('rejection', { ...samples.rejection, reason: undefined })).rejects.toThrow(/reason/);
    await expect(renderDocument('control', { ...samples.control, control: undefined })).rejects.toThrow(/control/);
    await expect(renderDocument('tax-transfer', { ...samples['tax-transfer'], taxTransfer: undefined })).rejects.toThrow(/taxTransfer/);
  });

  it('reads the same text back from the compressed PDF production serves', async () => {
    const plain = extractText((await render('receipt')).toString('latin1'));
    expect(extractText(inflatePdf(await render('receipt', true)))).toBe(plain);
  });

  it('prints decomposed (NFD) input with the same glyphs as composed input', async () => {
    const nfd = { ...samples.refusal, reason: samples.refusal.reason!.normalize('NFD') };
    const text = extractText((await renderDocument('refusal', nfd, { compress: false })).toString('latin1'));
    expect(text).toContain('Hồ sơ không thuộc thẩm quyền giải quyết');
  });
});

describe('formatVietnamDateTime', () => {
  it('prints UTC instants in Vietnam time, rolling over midnight and year end', () => {
    expect(formatVietnamDateTime('2025-07-01T02:30:00Z')).toBe('01/07/2025 09:30');
    expect(formatVietnamDateTime('2025-12-31T17:05:00.000Z')).toBe('01/01/2026 00:05');
    expect(formatVietnamDateTime('2025-03-01T08:00:00+07:00')).toBe('01/03/2025 08:00');
    expect(() => formatVietnamDateTime('not a date')).toThrow(RangeError);
  });
});
