import { z } from 'zod';
import { approve, defineProcedure, deliver, receive, review } from '../../domain/procedure';
import { AUTHORISATION, CIVIL_STATUS, SAME_DAY, declaration } from './civil-status';
import { applicantIdNumber, choice, isoDate, personName } from './form-fields';

/**
 * Đăng ký khai sinh — 1.001193 (QĐ 163/QĐ-BTP; Luật Hộ tịch 2014 art. 16; NĐ 120/2025, TT 08/2025/TT-BTP).
 * Commune level: the commune one-stop centre receives, a commune People's Committee leader signs.
 * Deadline, since version 2: the same day (`same-day`; received from 15:00 on, the next working
 * day). The law gives no count of days: "Ngay sau khi nhận đủ giấy tờ …, nếu thấy thông tin khai
 * sinh đầy đủ và phù hợp, công chức tư pháp - hộ tịch ghi nội dung khai sinh vào Sổ hộ tịch"
 * (Luật Hộ tịch 2014 art. 16(2)). The catalogue crawl we ship (procedures/catalogue/catalogue.jsonl)
 * shows "1" without a unit for the counter, online and by post alike, so no channel has a time of
 * its own; version 1 read that "1" as 8 working hours from the minute of reception, and its
 * dossiers keep it (workflows/legacy-rules.ts).
 * Free when registered on time (within 60 days); a late-registration fee set by the provincial
 * People's Council is unconfirmed for Lào Cai, so none is charged here.
 */
export const birthRegistration = defineProcedure({
  code: '1.001193',
  version: 2,
  name: { vi: 'Đăng ký khai sinh', en: 'Birth registration' },
  ...CIVIL_STATUS,
  deadline: SAME_DAY,
  fullProcessOnline: true,
  form: z.object({
    childName: personName,
    birthDate: isoDate,
    sex: choice({ nam: 'Nam', nu: 'Nữ' }),
    birthPlace: z.string().trim().min(2).max(200),
    fatherName: personName.optional(),
    motherName: personName,
    declarantIdNumber: applicantIdNumber,
    relationship: choice({ cha: 'Cha', me: 'Mẹ', 'ong-ba': 'Ông, bà', 'nguoi-than': 'Người thân khác', 'nguoi-duoc-uy-quyen': 'Người được ủy quyền' }),
  }),
  formLabels: {
    childName: { vi: 'Họ, chữ đệm và tên người được khai sinh', en: "Child's full name" },
    birthDate: { vi: 'Ngày, tháng, năm sinh', en: 'Date of birth' },
    sex: { vi: 'Giới tính', en: 'Sex' },
    birthPlace: { vi: 'Nơi sinh', en: 'Place of birth' },
    fatherName: { vi: 'Họ tên cha', en: "Father's name" },
    motherName: { vi: 'Họ tên mẹ', en: "Mother's name" },
    declarantIdNumber: { vi: 'Số định danh cá nhân người đi khai', en: "Declarant's personal ID number" },
    relationship: { vi: 'Quan hệ với người được khai sinh', en: 'Relationship to the child' },
  },
  example: {
    childName: 'Giàng Thị Mai',
    birthDate: '2026-11-20',
    sex: 'nu',
    birthPlace: 'Trạm y tế xã Bát Xát, tỉnh Lào Cai',
    fatherName: 'Giàng A Sử',
    motherName: 'Lù Thị Hoa',
    declarantIdNumber: '010203004567',
    relationship: 'cha',
  },
  requiredDocuments: [
    declaration('đăng ký khai sinh', 'Birth registration'),
    { vi: 'Giấy chứng sinh hoặc văn bản của người làm chứng', en: 'Hospital birth certificate, or a witness statement' },
    AUTHORISATION,
  ],
  stages: [receive(), review({ supplementLimitDays: 15 }), approve(), deliver()],
  keywords: ['khai sinh', 'giấy khai sinh', 'làm giấy khai sinh cho con', 'đăng ký cho con mới sinh', 'birth'],
  source: 'DVCQG page 1.001193 (third-party crawl chatbot-tthc/chatbot_tthc @7b79a320, bo-tu-phap/1.001193.json)',
});
