// Form 06 of Circular 01/2018/TT-VPCP, "Sổ theo dõi hồ sơ": the register of the dossiers an
// agency received over a period, as a landscape PDF and as CSV (docs/forms.md).
import { csvCell } from '../../domain/csv-cell';
import { createPdf, formatVietnamDate, nationalHeader, title, toBuffer } from './layout.js';
import { table } from './table.js';

export interface RegisterRow {
  code: string;
  procedureName: string;
  applicantName: string;
  /** Address and phone; a reader who may not see them (a supervisor) gets them masked. */
  contact: string;
  /** Cơ quan chủ trì giải quyết. */
  handlingAgency: string;
  receivedAt: string | null;
  dueAt: string | null;
  /** Hand-over to the deciding agency (liên thông), when it went elsewhere. */
  forwardedAt: string | null;
  /** The result came back to the desk (returned by the department, or approved here). */
  resultAt: string | null;
  deliveredAt: string | null;
  note: string;
}

export interface RegisterData {
  agencyName: string;
  from: string;
  to: string;
  issuedAt: string;
  rows: RegisterRow[];
}

/** The Circular's columns, in its order (Mẫu số 06). */
const COLUMNS = [
  { header: 'STT', width: 3.5 },
  { header: 'Mã hồ sơ', width: 9 },
  { header: 'Tên TTHC', width: 12 },
  { header: 'Số lượng hồ sơ (bộ)', width: 5 },
  { header: 'Tên cá nhân, tổ chức', width: 9 },
  { header: 'Địa chỉ, số điện thoại', width: 10 },
  { header: 'Cơ quan chủ trì giải quyết', width: 9 },
  { header: 'Nhận hồ sơ (ngày/tháng/năm)', width: 6.5 },
  { header: 'Hẹn trả kết quả (ngày/tháng/năm)', width: 6.5 },
  { header: 'Chuyển hồ sơ đến cơ quan giải quyết', width: 6.5 },
  { header: 'Nhận kết quả từ cơ quan giải quyết', width: 6.5 },
  { header: 'Trả kết quả (ngày/tháng/năm)', width: 6.5 },
  { header: 'Ghi chú', width: 9 },
];

const day = (iso: string | null) => (iso ? formatVietnamDate(iso) : '');
const cells = (r: RegisterRow, i: number) => [
  String(i + 1), r.code, r.procedureName, '01', r.applicantName, r.contact, r.handlingAgency,
  day(r.receivedAt), day(r.dueAt), day(r.forwardedAt), day(r.resultAt), day(r.deliveredAt), r.note,
];

/** The last day of the period: `to` is exclusive, the register prints the day before it. */
const lastDay = (to: string) => formatVietnamDate(new Date(Date.parse(to) - 1).toISOString());

export async function renderRegister(data: RegisterData, options: { compress?: boolean } = {}): Promise<Buffer> {
  const doc = await createPdf({ title: `SỔ THEO DÕI HỒ SƠ - ${data.agencyName}`, issuedAt: data.issuedAt, layout: 'landscape', ...options });
  nationalHeader(doc, data.agencyName, data.issuedAt);
  title(doc, 'SỔ THEO DÕI HỒ SƠ', ['(Mẫu số 06)', `Từ ngày ${formatVietnamDate(data.from)} đến ngày ${lastDay(data.to)}`]);
  if (data.rows.length === 0) doc.text('Không có hồ sơ được tiếp nhận trong kỳ.');
  else table(doc, COLUMNS, data.rows.map(cells), 7.5);
  doc.text(`Tổng số: ${data.rows.length} hồ sơ.`);
  return toBuffer(doc);
}

/** The same columns as CSV, UTF-8 with a BOM so spreadsheet programs read the Vietnamese right. */
export function registerCsv(data: RegisterData): string {
  const lines = [COLUMNS.map((c) => c.header), ...data.rows.map(cells)].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
