import { z } from 'zod';
import { approve, defineProcedure, deliver, receive, review } from '../../domain/procedure';
import { AUTHORISATION, CIVIL_STATUS, SAME_DAY, declaration } from './civil-status';
import { address, applicantIdNumber, choice, isoDate, personName } from './form-fields';

/**
 * Đăng ký khai tử — 1.000656 (QĐ 163/QĐ-BTP; Luật Hộ tịch 2014 art. 32–34; NĐ 120/2025, TT 08/2025/TT-BTP).
 * Commune level: the commune one-stop centre receives, the civil-status officer checks, a commune
 * People's Committee leader signs the death extract (Trích lục khai tử).
 * Deadline, since version 2: the same day (`same-day`; received from 15:00 on, the next working
 * day): "Ngay sau khi nhận giấy tờ …, nếu thấy việc khai tử đúng thì công chức tư pháp - hộ tịch
 * ghi nội dung khai tử vào Sổ hộ tịch" (Luật Hộ tịch 2014 art. 34(2), the procedure's article;
 * art. 33 is the family's duty to register within 15 days of the death, not the office's time).
 * The same clause allows up to 3 working days when the death must be verified; that is not
 * modelled yet (no `verify` stage), so such a dossier still needs an apology (`extend`).
 * The catalogue crawl we ship (procedures/catalogue/catalogue.jsonl) shows "1" without a unit for
 * the counter, online and by post alike, so no channel has a time of its own; version 1 read it
 * as 8 working hours from the minute of reception, and its dossiers keep it
 * (workflows/legacy-rules.ts).
 * Free when registered on time (within 15 days of the death), and for families of people with
 * revolutionary merit, poor households and people with disabilities. Late registration pays a fee set
 * by the provincial People's Council; Lào Cai's figure is unconfirmed, so none is charged here.
 * Full-process online: the page offers filing through DVCQG or VNeID and an electronic extract;
 * "toàn trình" status itself is not a field of the crawl (unconfirmed).
 */
export const deathRegistration = defineProcedure({
  code: '1.000656',
  version: 2,
  name: { vi: 'Đăng ký khai tử', en: 'Death registration' },
  ...CIVIL_STATUS,
  deadline: SAME_DAY,
  fullProcessOnline: true,
  form: z.object({
    deceasedName: personName,
    deceasedIdNumber: applicantIdNumber.optional(),
    deceasedBirthDate: isoDate,
    dateOfDeath: isoDate,
    placeOfDeath: z.string().trim().min(2).max(200),
    causeOfDeath: z.string().trim().max(200).optional(),
    lastResidence: address,
    deathNoticeNumber: z.string().trim().max(50).optional(),
    declarantIdNumber: applicantIdNumber,
    relationship: choice({ 'vo-chong': 'Vợ, chồng', con: 'Con', 'cha-me': 'Cha, mẹ', 'anh-chi-em': 'Anh, chị, em', 'nguoi-than-khac': 'Người thân khác', 'nguoi-duoc-uy-quyen': 'Người được ủy quyền', 'co-quan-to-chuc': 'Cơ quan, tổ chức' }),
  }),
  formLabels: {
    deceasedName: { vi: 'Họ, chữ đệm và tên người chết', en: "Deceased's full name" },
    deceasedIdNumber: { vi: 'Số định danh cá nhân người chết', en: "Deceased's personal ID number" },
    deceasedBirthDate: { vi: 'Ngày, tháng, năm sinh người chết', en: "Deceased's date of birth" },
    dateOfDeath: { vi: 'Ngày chết', en: 'Date of death' },
    placeOfDeath: { vi: 'Nơi chết', en: 'Place of death' },
    causeOfDeath: { vi: 'Nguyên nhân chết', en: 'Cause of death' },
    lastResidence: { vi: 'Nơi cư trú cuối cùng', en: 'Last place of residence' },
    deathNoticeNumber: { vi: 'Số Giấy báo tử', en: 'Death notice number' },
    declarantIdNumber: { vi: 'Số định danh cá nhân người đi khai tử', en: "Declarant's personal ID number" },
    relationship: { vi: 'Quan hệ với người chết', en: 'Relationship to the deceased' },
  },
  example: {
    deceasedName: 'Hoàng Văn Thào',
    deceasedIdNumber: '010042000321',
    deceasedBirthDate: '1942-06-05',
    dateOfDeath: '2026-11-18',
    placeOfDeath: 'Tại nhà, thôn Nậm Cần, xã Bảo Yên, tỉnh Lào Cai',
    causeOfDeath: 'Già yếu',
    lastResidence: 'Thôn Nậm Cần, xã Bảo Yên, tỉnh Lào Cai',
    deathNoticeNumber: '12/GBT',
    declarantIdNumber: '010072004455',
    relationship: 'con',
  },
  requiredDocuments: [
    declaration('đăng ký khai tử', 'Death registration'),
    { vi: 'Giấy báo tử hoặc giấy tờ thay Giấy báo tử', en: 'Death notice, or a document that replaces it' },
    AUTHORISATION,
    {
      vi: 'Giấy tờ chứng minh nơi cư trú cuối cùng của người chết (nếu không tra cứu được)',
      en: "Proof of the deceased's last residence, if it cannot be looked up",
    },
  ],
  stages: [receive(), review({ supplementLimitDays: 15 }), approve(), deliver()],
  keywords: ['khai tử', 'đăng ký khai tử', 'giấy chứng tử', 'trích lục khai tử', 'báo tử', 'người nhà mất', 'làm giấy chứng tử', 'death'],
  source: 'DVCQG page 1.000656 (third-party crawl chatbot-tthc/chatbot_tthc @7b79a320, bo-tu-phap/1.000656.json)',
});
