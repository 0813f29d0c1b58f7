import { z } from 'zod';
import { approve, defineProcedure, deliver, receive, review, verify } from '../../domain/procedure';
import { CIVIL_STATUS, declaration } from './civil-status';
import { address, applicantIdNumber, choice, personName } from './form-fields';

/**
 * Cấp Giấy xác nhận tình trạng hôn nhân — 1.004873 (QĐ 163/QĐ-BTP; NĐ 123/2015 art. 21–23;
 * NĐ 120/2025, TT 08/2025/TT-BTP). Commune level: the one-stop centre receives, the civil-status
 * officer checks, a commune People's Committee leader signs.
 * Deadline 3 working days: "Trong thời hạn 03 ngày làm việc, kể từ ngày nhận đủ hồ sơ hợp lệ"
 * (NĐ 123/2015 art. 22(3)); the catalogue crawl we ship (procedures/catalogue/catalogue.jsonl)
 * shows "3" without a unit for the counter, online and by post alike, so no channel has a time of
 * its own. Since version 3 they are counted as the law counts them (`working-days`: 17:00 of the
 * third working day after the day of reception; received from 15:00 on, counted from the next
 * working day); versions 1–2 counted 24 working hours from the minute of reception, and their
 * dossiers keep that. When the status must be verified where the applicant lived before, up to
 * 23 days (NĐ 123/2015 art. 22(4); reference [fs:70176512176]) — since version 2 the `verify`
 * stage (23 calendar days at most, no apology); version 1 left it to `extend`.
 * Fee: set by the provincial People's Council, free for families of people with revolutionary merit,
 * poor households and people with disabilities; Lào Cai's rate is unconfirmed, so 0 here.
 * Only one copy is issued when it is for a marriage.
 */
export const maritalStatus = defineProcedure({
  code: '1.004873',
  version: 3,
  name: { vi: 'Cấp Giấy xác nhận tình trạng hôn nhân', en: 'Marital status certificate' },
  ...CIVIL_STATUS,
  deadline: { workingDays: 3, kind: 'working-days' },
  fullProcessOnline: true,
  form: z
    .object({
      applicantName: personName,
      applicantIdNumber,
      residence: address,
      status: choice({ 'chua-ket-hon': 'Chưa kết hôn', 'dang-co-vo-chong': 'Đang có vợ/chồng', 'da-ly-hon': 'Đã ly hôn', 'vo-chong-da-chet': 'Vợ/chồng đã chết' }),
      purpose: choice({ 'ket-hon': 'Để kết hôn', 'giao-dich-nha-dat': 'Giao dịch nhà đất', 'vay-von': 'Vay vốn', khac: 'Mục đích khác' }),
      purposeDetail: z.string().trim().min(2).max(200).optional(),
      intendedSpouseName: personName.optional(),
      reissue: z.boolean(),
    })
    .refine((f) => f.purpose !== 'ket-hon' || f.intendedSpouseName !== undefined, {
      message: 'Xác nhận để kết hôn cần ghi họ tên người dự định kết hôn',
      path: ['intendedSpouseName'],
    }),
  formLabels: {
    applicantName: { vi: 'Họ, chữ đệm và tên người yêu cầu', en: "Applicant's full name" },
    applicantIdNumber: { vi: 'Số định danh cá nhân', en: 'Personal ID number' },
    residence: { vi: 'Nơi cư trú', en: 'Place of residence' },
    status: { vi: 'Tình trạng hôn nhân', en: 'Marital status' },
    purpose: { vi: 'Mục đích sử dụng', en: 'Purpose' },
    purposeDetail: { vi: 'Ghi rõ mục đích khác', en: 'Other purpose' },
    intendedSpouseName: { vi: 'Họ tên người dự định kết hôn', en: 'Intended spouse' },
    reissue: { vi: 'Đề nghị cấp lại (nộp lại giấy đã cấp)', en: 'Re-issue (the earlier certificate is handed back)' },
  },
  example: {
    applicantName: 'Đỗ Thị Lan Anh',
    applicantIdNumber: '010196004321',
    residence: 'Tổ 3, phường Yên Bái, tỉnh Lào Cai',
    status: 'chua-ket-hon',
    purpose: 'ket-hon',
    intendedSpouseName: 'Nguyễn Đức Thắng',
    reissue: false,
  },
  requiredDocuments: [
    declaration('cấp Giấy xác nhận tình trạng hôn nhân', 'Marital status'),
    { vi: 'Giấy tờ tùy thân (hoặc số định danh cá nhân để tra cứu)', en: 'ID papers (or the personal ID number for a look-up)' },
    {
      vi: 'Giấy xác nhận tình trạng hôn nhân đã cấp (khi đề nghị cấp lại)',
      en: 'The earlier certificate, when one is re-issued',
    },
    {
      vi: 'Thông tin bản án, quyết định ly hôn hoặc trích lục khai tử của vợ/chồng (nếu có)',
      en: "Details of a divorce judgment or the spouse's death record, if any",
    },
  ],
  stages: [receive(), review({ supplementLimitDays: 15 }), verify({ maxExtraDays: 23, unit: 'calendar-days' }), approve(), deliver()],
  keywords: [
    'xác nhận tình trạng hôn nhân',
    'giấy xác nhận độc thân',
    'xác nhận độc thân',
    'giấy độc thân',
    'tình trạng hôn nhân',
    'marital status',
  ],
  source: 'DVCQG page 1.004873 (third-party crawl chatbot-tthc/chatbot_tthc @7b79a320, bo-tu-phap/1.004873.json)',
});
