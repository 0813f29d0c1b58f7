// Form 05 of Circular 01/2018/TT-VPCP, "Phiếu kiểm soát quá trình giải quyết hồ sơ": one row per
// hand-over of the dossier between agencies or officers, with the due time of the one handing
// over and whether they handed over before, by or after it (docs/forms.md).
import type { DocumentData, Form } from './forms.js';
import { field, formatVietnamLongDateTime, paragraph, type Pdf } from './layout.js';
import { table } from './table.js';

export const HANDOVER_OUTCOMES = ['Trước hạn', 'Đúng hạn', 'Quá hạn'] as const;
export type HandoverOutcome = (typeof HANDOVER_OUTCOMES)[number];

export interface ControlRow {
  /** "Bộ phận Tiếp nhận và Trả kết quả - Phường Lào Cai", "Nguyễn Văn A (chuyên viên) - …". */
  from: string;
  to: string;
  at: string;
  /** The time the one handing over had for their part; absent when none was set. */
  dueAt?: string;
  outcome?: HandoverOutcome;
  note?: string;
}

export interface ControlSheet {
  /** Cơ quan (bộ phận) giải quyết hồ sơ. */
  handlingAgency: string;
  /** Cơ quan phối hợp giải quyết hồ sơ: every other agency the dossier went through. */
  coordinatingAgencies: string[];
  rows: ControlRow[];
}

const COLUMNS = [
  { header: 'STT', width: 5 },
  { header: 'Bên giao', width: 18 },
  { header: 'Bên nhận', width: 18 },
  { header: 'Thời gian giao, nhận hồ sơ', width: 17 },
  { header: 'Hạn xử lý của bên giao', width: 17 },
  { header: 'Kết quả (trước hạn/ đúng hạn/ quá hạn)', width: 12 },
  { header: 'Ghi chú', width: 13 },
];

export const controlSheetForm: Form = {
  formNo: 'Mẫu số 05',
  title: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
  body(doc: Pdf, d: DocumentData) {
    const sheet = d.control;
    if (!sheet) throw new Error('a control document needs control');
    paragraph(doc, '(Liên: Lưu tại Bộ phận Tiếp nhận và Trả kết quả)');
    field(doc, 'Kèm theo hồ sơ của', d.applicant.fullName);
    field(doc, 'Nội dung yêu cầu giải quyết', d.procedureName);
    field(doc, 'Cơ quan (bộ phận) giải quyết hồ sơ', sheet.handlingAgency);
    field(doc, 'Cơ quan phối hợp giải quyết hồ sơ', sheet.coordinatingAgencies.join('; ') || 'Không');
    doc.moveDown(0.5);
    if (sheet.rows.length === 0) {
      paragraph(doc, 'Hồ sơ chưa được giao, nhận giữa các cơ quan, bộ phận.');
      return;
    }
    table(doc, COLUMNS, sheet.rows.map((r, i) => [
      String(i + 1), r.from, r.to, formatVietnamLongDateTime(r.at),
      r.dueAt ? formatVietnamLongDateTime(r.dueAt) : 'Không quy định', r.outcome ?? '', r.note ?? '',
    ]), 8.5);
  },
};
