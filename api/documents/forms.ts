// The wording of forms 01–05 (Circular 01/2018/TT-VPCP, appendix), of the reasoned refusal after
// review and of the result notice (docs/forms.md); form 19 of Decree 151/2025 in tax-transfer.ts.
// Form 06, the register, is rendered apart (register.ts).
import { controlSheetForm, type ControlSheet } from './control-sheet.js';
import { DOCUMENT_KINDS, type DocumentKind } from './kinds.js';
import { taxTransferForm, type TaxTransfer } from './tax-transfer.js';
import { field, formatVietnamDateTime, formatVietnamLongDateTime, label, numbered, paragraph, type Pdf } from './layout.js';

export { DOCUMENT_KINDS, type DocumentKind };

export interface Applicant {
  fullName: string;
  idNumber?: string;
  phone?: string;
  address?: string;
}

/** Dates are ISO strings; they are printed in Vietnam time. */
export interface DocumentData {
  kind: DocumentKind;
  dossierCode: string;
  procedureName: string;
  agencyName: string;
  applicant: Applicant;
  /** When the dossier was handed in (form 02 at reception: not received yet). */
  submittedAt?: string;
  receivedAt?: string;
  dueAt?: string;
  /** Form 01's "thời gian giải quyết hồ sơ theo quy định", e.g. "05 ngày làm việc". */
  statutoryTime?: string;
  /** Form 02: asked at the desk before reception, or by the specialist during review. */
  stage?: 'reception' | 'review';
  /** Form 05: the hand-overs between agencies and officers. */
  control?: ControlSheet;
  /** Form 19 (Decree 151/2025): the information sent to the tax office (tax-transfer.ts). */
  taxTransfer?: TaxTransfer;
  /** The leader who refused the dossier after review, who signs the notice. */
  decidedBy?: string;
  newDueAt?: string;
  reason?: string;
  missing?: string[];
  note?: string;
  /** Form 01's "thành phần hồ sơ": each document received, with the files it came as. */
  documentsReceived?: { name: string; files: string[] }[];
  /** The required documents no file was received for. */
  documentsMissing?: string[];
  /** Form 01: «Nộp với sự hỗ trợ của …» when a community helper filed it (docs/assisted-filing.md). */
  assistedBy?: string;
  /** The officer who received the dossier, who signs form 01. */
  receivedBy?: string;
  approvedBy?: string;
  issuedAt: string;
  lookupUrl: string;
  /** The public verification page of a signed document (docs/signing.md); its QR then leads there. */
  verifyUrl?: string;
}

export interface Form {
  /** 'Mẫu số 01' … as printed above the title; the result notice has none. */
  formNo?: string;
  title: string;
  /** The signature block's role; a form signed row by row (05) has none. */
  signer?: string;
  /** The name printed under the signer's role, when the data knows it. */
  signerName?(d: DocumentData): string | undefined;
  body(doc: Pdf, d: DocumentData): void;
}

/** A form that lacks its substance is a caller's bug; printing a blank would hide it. */
export function need<T>(d: DocumentData, key: keyof DocumentData, value: T | undefined): T {
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    throw new Error(`a ${d.kind} document needs ${String(key)}`);
  }
  return value;
}

export function applicant(doc: Pdf, d: DocumentData, lead: string): void {
  field(doc, lead, d.applicant.fullName);
  field(doc, 'Số định danh cá nhân', d.applicant.idNumber);
  field(doc, 'Số điện thoại', d.applicant.phone);
  field(doc, 'Địa chỉ', d.applicant.address);
  field(doc, 'Nội dung yêu cầu giải quyết', d.procedureName);
}

export const FORMS = {
  receipt: {
    formNo: 'Mẫu số 01',
    title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    signer: 'Người tiếp nhận hồ sơ',
    signerName: (d) => d.receivedBy,
    body(doc, d) {
      paragraph(doc, `Bộ phận Tiếp nhận và Trả kết quả - ${d.agencyName} đã tiếp nhận hồ sơ của:`);
      applicant(doc, d, 'Ông/Bà');
      if (d.assistedBy) paragraph(doc, `${d.assistedBy}.`);
      label(doc, '1. Thành phần hồ sơ nộp gồm:');
      if (d.documentsReceived?.length) numbered(doc, d.documentsReceived.map((r) => `${r.name} (${r.files.join(', ')})`));
      else paragraph(doc, 'Không có giấy tờ đính kèm.');
      if (d.documentsMissing?.length) {
        label(doc, 'Thành phần hồ sơ còn thiếu:');
        numbered(doc, d.documentsMissing);
      }
      field(doc, '2. Số lượng hồ sơ', '01 bộ');
      field(doc, '3. Thời gian giải quyết hồ sơ theo quy định', d.statutoryTime);
      field(doc, '4. Thời gian nhận hồ sơ', formatVietnamLongDateTime(need(d, 'receivedAt', d.receivedAt)));
      field(doc, '5. Thời gian trả kết quả giải quyết hồ sơ', formatVietnamLongDateTime(need(d, 'dueAt', d.dueAt)));
      field(doc, '6. Đăng ký nhận kết quả tại', `Bộ phận Tiếp nhận và Trả kết quả - ${d.agencyName}`);
      paragraph(doc, 'Ông/Bà vui lòng mang theo giấy này khi đến nhận kết quả, hoặc quét mã QR để tra cứu tình trạng hồ sơ.');
    },
  },
  supplement: {
    formNo: 'Mẫu số 02',
    title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
    signer: 'Người hướng dẫn',
    body(doc, d) {
      const atReception = d.stage === 'reception';
      paragraph(doc, `Bộ phận Tiếp nhận và Trả kết quả - ${d.agencyName} nhận được hồ sơ của:`);
      applicant(doc, d, 'Ông/Bà');
      if (atReception) field(doc, 'Thời gian nộp hồ sơ', d.submittedAt && formatVietnamLongDateTime(d.submittedAt));
      else field(doc, 'Thời gian tiếp nhận hồ sơ', d.receivedAt && formatVietnamLongDateTime(d.receivedAt));
      label(doc, 'Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:');
      numbered(doc, need(d, 'missing', d.missing));
      field(doc, 'Lý do', d.note);
      // At the desk nothing is received yet, so no time has been counted; during review the wait is not counted.
      paragraph(doc, atReception
        ? 'Hồ sơ chưa được tiếp nhận. Thời hạn giải quyết được tính từ khi hồ sơ được tiếp nhận đầy đủ, hợp lệ.'
        : 'Thời gian chờ bổ sung, hoàn thiện hồ sơ không tính vào thời hạn giải quyết.');
      paragraph(doc, `Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ ${d.agencyName} để được hướng dẫn.`);
      paragraph(doc, 'Xin trân trọng cảm ơn!');
    },
  },
  refusal: {
    formNo: 'Mẫu số 03',
    title: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
    signer: 'Người tiếp nhận hồ sơ',
    body(doc, d) {
      paragraph(doc, `Bộ phận Tiếp nhận và Trả kết quả - ${d.agencyName} nhận được hồ sơ của:`);
      applicant(doc, d, 'Ông/Bà');
      paragraph(doc, 'Sau khi nghiên cứu, đối chiếu với quy định hiện hành, Bộ phận Tiếp nhận và Trả kết quả từ chối '
        + 'tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:');
      paragraph(doc, need(d, 'reason', d.reason));
      paragraph(doc, 'Xin thông báo cho Ông/Bà được biết và thực hiện./.');
    },
  },
  apology: {
    formNo: 'Mẫu số 04',
    title: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
    signer: 'Thủ trưởng cơ quan',
    body(doc, d) {
      const received = d.receivedAt ? ` lúc ${formatVietnamLongDateTime(d.receivedAt)}` : '';
      paragraph(doc, `${d.agencyName} đã tiếp nhận${received} hồ sơ của:`);
      applicant(doc, d, 'Ông/Bà');
      field(doc, 'Thời hạn trả kết quả đã hẹn', formatVietnamLongDateTime(need(d, 'dueAt', d.dueAt)));
      paragraph(doc, 'Tuy nhiên đến nay, cơ quan chưa trả được kết quả giải quyết hồ sơ của Ông/Bà.');
      field(doc, 'Lý do', need(d, 'reason', d.reason));
      paragraph(doc, 'Sự chậm trễ này đã gây phiền hà cho Ông/Bà. Cơ quan thành thật xin lỗi Ông/Bà và sẽ trả '
        + 'kết quả giải quyết hồ sơ vào:');
      field(doc, 'Thời hạn trả kết quả mới', formatVietnamLongDateTime(need(d, 'newDueAt', d.newDueAt)));
      paragraph(doc, 'Xin trân trọng cảm ơn!');
    },
  },
  control: controlSheetForm,
  'tax-transfer': taxTransferForm,
  rejection: {
    // Not one of the Circular's forms: Decree 61/2018 (art. 19) wants a refusal after review in
    // writing, with its reasons; this notice is that writing (docs/forms.md).
    title: 'THÔNG BÁO TỪ CHỐI GIẢI QUYẾT HỒ SƠ',
    signer: 'Thủ trưởng cơ quan',
    signerName: (d) => d.decidedBy,
    body(doc, d) {
      const received = d.receivedAt ? ` lúc ${formatVietnamLongDateTime(d.receivedAt)}` : '';
      paragraph(doc, `${d.agencyName} đã tiếp nhận${received} hồ sơ của:`);
      applicant(doc, d, 'Ông/Bà');
      paragraph(doc, `Sau khi thẩm định hồ sơ, ${d.agencyName} thông báo từ chối giải quyết hồ sơ với lý do như sau:`);
      paragraph(doc, need(d, 'reason', d.reason));
      field(doc, 'Ngày từ chối', formatVietnamLongDateTime(d.issuedAt));
      paragraph(doc, 'Ông/Bà nhận lại hồ sơ tại Bộ phận Tiếp nhận và Trả kết quả. Nếu không đồng ý, Ông/Bà có quyền '
        + 'khiếu nại, khởi kiện theo quy định của pháp luật.');
      paragraph(doc, 'Xin thông báo để Ông/Bà được biết./.');
    },
  },
  result: {
    title: 'THÔNG BÁO KẾT QUẢ GIẢI QUYẾT HỒ SƠ',
    signer: 'Người phê duyệt',
    signerName: (d) => d.approvedBy,
    body(doc, d) {
      paragraph(doc, `${d.agencyName} thông báo kết quả giải quyết hồ sơ của:`);
      applicant(doc, d, 'Ông/Bà');
      field(doc, 'Kết quả giải quyết', need(d, 'note', d.note));
      field(doc, 'Người phê duyệt', d.approvedBy);
      field(doc, 'Ngày phê duyệt', formatVietnamDateTime(d.issuedAt));
      paragraph(doc, 'Ông/Bà có thể tải kết quả điện tử hoặc nhận bản giấy tại Bộ phận Tiếp nhận và Trả kết quả.');
    },
  },
} satisfies Record<DocumentKind, Form>;
