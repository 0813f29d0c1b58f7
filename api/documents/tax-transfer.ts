// Form 19 of Decree 151/2025/NĐ-CP (as amended by Decree 226/2025/NĐ-CP), "Phiếu chuyển thông tin
// để xác định nghĩa vụ tài chính về đất đai": what the land office sends the tax office so it can
// work out what the land user owes (docs/forms.md). Drawn from the dossier's own data: the slip's
// number from the `send-to-tax` step, the land users and the parcel from the dossier's form.
import type { DocumentData, Form } from './forms.js';
import { field, formatVietnamLongDateTime, label, paragraph } from './layout.js';

export interface TaxTransfer {
  /** The slip's number as the officer recorded it (`send-to-tax`, `slipNo`). */
  slipNo: string;
  /** The parts of the form, each field under its procedure's label (api/tax-transfer-data.ts). */
  sections: { title: string; lines: { label: string; value: string }[] }[];
  note?: string;
  /** The officer who sent it, who signs the slip. */
  sentBy?: string;
}

export const taxTransferForm: Form = {
  formNo: 'Mẫu số 19',
  title: 'PHIẾU CHUYỂN THÔNG TIN ĐỂ XÁC ĐỊNH NGHĨA VỤ TÀI CHÍNH VỀ ĐẤT ĐAI',
  signer: 'Người lập phiếu',
  signerName: (d: DocumentData) => d.taxTransfer?.sentBy,
  body(doc, d) {
    // Without the slip there is nothing to send: a caller's bug, never a blank form.
    const t = d.taxTransfer;
    if (!t?.slipNo) throw new Error('a tax-transfer document needs taxTransfer');
    field(doc, 'Số phiếu', t.slipNo);
    field(doc, 'Kính gửi', 'Cơ quan thuế quản lý nơi có đất');
    const received = d.receivedAt ? `, tiếp nhận lúc ${formatVietnamLongDateTime(d.receivedAt)}` : '';
    paragraph(doc, `${d.agencyName} chuyển thông tin của hồ sơ mã ${d.dossierCode}${received}, `
      + 'để cơ quan thuế xác định và thông báo nghĩa vụ tài chính về đất đai, như sau:');
    label(doc, 'Người nộp hồ sơ:');
    field(doc, 'Họ và tên', d.applicant.fullName);
    field(doc, 'Số định danh cá nhân', d.applicant.idNumber);
    field(doc, 'Số điện thoại', d.applicant.phone);
    field(doc, 'Địa chỉ', d.applicant.address);
    field(doc, 'Thủ tục', d.procedureName);
    for (const section of t.sections) {
      label(doc, `${section.title}:`);
      for (const line of section.lines) field(doc, line.label, line.value);
    }
    field(doc, 'Ghi chú', t.note);
    field(doc, 'Ngày chuyển thông tin', formatVietnamLongDateTime(d.issuedAt));
    paragraph(doc, 'Thời gian thực hiện nghĩa vụ tài chính không tính vào thời gian giải quyết thủ tục hành chính. '
      + 'Đề nghị cơ quan thuế thông báo nghĩa vụ tài chính cho người sử dụng đất và gửi lại cơ quan này.');
  },
};
