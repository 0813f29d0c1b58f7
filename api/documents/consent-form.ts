// The consent form a citizen signs when a community volunteer files a dossier for them
// (docs/assisted-filing.md). Printed blank or with the citizen's details filled in.
import { createPdf, field, label, nationalHeader, numbered, paragraph, signature, title, toBuffer, MARGIN } from './layout.js';

export interface ConsentFormData {
  helperName: string;
  /** "xã Bát Xát": as it reads after "Tổ công nghệ số cộng đồng". */
  communeName: string;
  /** The agency heading the form (the commune's People's Committee name as the seed knows it). */
  agencyName: string;
  citizen?: { fullName?: string; idNumber?: string; phone?: string };
  procedureName?: string;
  issuedAt: string;
}

const DOTS = '……………………………………………………';

export async function renderConsentForm(d: ConsentFormData, options: { compress?: boolean } = {}): Promise<Buffer> {
  const doc = await createPdf({ title: 'Giấy đồng ý nộp hồ sơ với sự hỗ trợ', issuedAt: d.issuedAt, ...options });
  nationalHeader(doc, d.agencyName, d.issuedAt);
  title(doc, 'GIẤY ĐỒNG Ý NỘP HỒ SƠ VỚI SỰ HỖ TRỢ', ['của Tổ công nghệ số cộng đồng']);
  label(doc, 'Tôi là:');
  field(doc, 'Họ và tên', d.citizen?.fullName || DOTS);
  field(doc, 'Số định danh cá nhân', d.citizen?.idNumber || DOTS);
  field(doc, 'Số điện thoại', d.citizen?.phone || DOTS);
  doc.moveDown(0.5);
  paragraph(
    doc,
    `Tôi đồng ý để ông/bà ${d.helperName}, thành viên Tổ công nghệ số cộng đồng ${d.communeName}, thay mặt tôi nộp trực tuyến hồ sơ thủ tục hành chính ` +
      `${d.procedureName ? `"${d.procedureName}"` : DOTS} trên hệ thống Một cửa điện tử, với các thông tin và giấy tờ do tôi cung cấp.`,
  );
  label(doc, 'Tôi hiểu rằng:');
  numbered(doc, [
    'Hồ sơ đứng tên tôi; tôi tự theo dõi, bổ sung và nhận kết quả khi đăng nhập Cổng dịch vụ công bằng tài khoản định danh của mình.',
    'Người hỗ trợ chỉ xem được hồ sơ này để giúp tôi, không được xử lý hồ sơ và không được dùng thông tin của tôi vào việc khác.',
    'Tôi chịu trách nhiệm về tính trung thực của thông tin và giấy tờ đã cung cấp.',
  ]);
  doc.x = MARGIN;
  signature(doc, 'Người đồng ý', d.citizen?.fullName);
  return toBuffer(doc);
}
