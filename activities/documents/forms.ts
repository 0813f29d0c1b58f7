// The wording of forms 01–04 (Circular 01/2018/TT-VPCP) and of the result notice.
import { field, formatVietnamDateTime, label, numbered, paragraph, type Pdf } from './layout.js';

export const DOCUMENT_KINDS = ['receipt', 'supplement', 'refusal', 'apology', 'result'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

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
  receivedAt?: string;
  dueAt?: string;
  newDueAt?: string;
  reason?: string;
  missing?: string[];
  note?: string;
  /** Form 01's "thành phần hồ sơ": each document received, with the files it came as. */
  documentsReceived?: { name: string; files: string[] }[];
  /** The required documents no file was received for. */
  documentsMissing?: string[];
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
  signer: string;
  body(doc: Pdf, d: DocumentData): void;
}

/** A form that lacks its substance is a caller's bug; printing a blank would hide it. */
function need<T>(d: DocumentData, key: keyof DocumentData, value: T | undefined): T {
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    throw new Error(`a ${d.kind} document needs ${String(key)}`);
  }
  return value;
}

function applicant(doc: Pdf, d: DocumentData, lead: string): void {
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
    body(doc, d) {
      paragraph(doc, `Bộ phận Tiếp nhận và Trả kết quả - ${d.agencyName} đã tiếp nhận hồ sơ của:`);
      applicant(doc, d, 'Ông/Bà');
      label(doc, 'Thành phần hồ sơ nộp gồm:');
      if (d.documentsReceived?.length) numbered(doc, d.documentsReceived.map((r) => `${r.name} (${r.files.join(', ')})`));
      else paragraph(doc, 'Không có giấy tờ đính kèm.');
      if (d.documentsMissing?.length) {
        label(doc, 'Thành phần hồ sơ còn thiếu:');
        numbered(doc, d.documentsMissing);
      }
      field(doc, 'Thời gian nhận hồ sơ', formatVietnamDateTime(need(d, 'receivedAt', d.receivedAt)));
      field(doc, 'Thời gian trả kết quả giải quyết hồ sơ', formatVietnamDateTime(need(d, 'dueAt', d.dueAt)));
      field(doc, 'Nơi trả kết quả', d.agencyName);
      paragraph(doc, 'Ông/Bà vui lòng mang theo giấy này khi đến nhận kết quả, hoặc quét mã QR để tra cứu tình trạng hồ sơ.');
    },
  },
  supplement: {
    formNo: 'Mẫu số 02',
    title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
    signer: 'Người hướng dẫn',
    body(doc, d) {
      paragraph(doc, `Bộ phận Tiếp nhận và Trả kết quả - ${d.agencyName} đã tiếp nhận hồ sơ của:`);
      applicant(doc, d, 'Ông/Bà');
      field(doc, 'Ngày tiếp nhận', d.receivedAt && formatVietnamDateTime(d.receivedAt));
      label(doc, 'Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:');
      numbered(doc, need(d, 'missing', d.missing));
      field(doc, 'Lý do', d.note);
      paragraph(doc, 'Thời gian chờ bổ sung không tính vào thời hạn giải quyết. Trong quá trình hoàn thiện hồ sơ, '
        + `nếu có vướng mắc, Ông/Bà liên hệ ${d.agencyName} để được hướng dẫn.`);
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
      paragraph(doc, 'Qua xem xét, cơ quan thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:');
      paragraph(doc, need(d, 'reason', d.reason));
      paragraph(doc, 'Xin thông báo cho Ông/Bà được biết và thực hiện./.');
    },
  },
  apology: {
    formNo: 'Mẫu số 04',
    title: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
    signer: 'Thủ trưởng cơ quan',
    body(doc, d) {
      const received = d.receivedAt ? ` ngày ${formatVietnamDateTime(d.receivedAt)}` : '';
      paragraph(doc, `${d.agencyName} đã tiếp nhận${received} hồ sơ của:`);
      applicant(doc, d, 'Ông/Bà');
      field(doc, 'Thời hạn trả kết quả đã hẹn', formatVietnamDateTime(need(d, 'dueAt', d.dueAt)));
      paragraph(doc, 'Tuy nhiên đến nay, cơ quan chưa trả được kết quả giải quyết hồ sơ của Ông/Bà.');
      field(doc, 'Lý do', need(d, 'reason', d.reason));
      paragraph(doc, 'Sự chậm trễ này đã gây phiền hà cho Ông/Bà. Cơ quan thành thật xin lỗi Ông/Bà và sẽ trả '
        + 'kết quả giải quyết hồ sơ vào:');
      field(doc, 'Thời hạn trả kết quả mới', formatVietnamDateTime(need(d, 'newDueAt', d.newDueAt)));
      paragraph(doc, 'Xin trân trọng cảm ơn!');
    },
  },
  result: {
    title: 'THÔNG BÁO KẾT QUẢ GIẢI QUYẾT HỒ SƠ',
    signer: 'Người phê duyệt',
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
