import { z } from 'zod';
import { feeOf } from '../../domain/fees';
import { approve, defineProcedure, deliver, pay, receive, review } from '../../domain/procedure';
import { SAME_DAY } from './civil-status';
import { positiveInt } from './form-fields';

/**
 * Chứng thực bản sao từ bản chính giấy tờ, văn bản — 2.000815 (QĐ 3152/QĐ-BTP; NĐ 23/2015/NĐ-CP;
 * fee TT 226/2016/TT-BTC). Commune level (the commune People's Committee; notary offices also certify,
 * outside this system). Who signs at the commune is unconfirmed; modelled as a leader's approval.
 * Deadline, since version 3: the same day (`same-day`), or the next working day when the request
 * is received after 15:00: "ngay trong ngày cơ quan, tổ chức tiếp nhận yêu cầu hoặc trong ngày
 * làm việc tiếp theo, nếu tiếp nhận yêu cầu sau 15 giờ" (NĐ 23/2015/NĐ-CP, the article on the time
 * for certification — art. 7(1) in the text quoted by a third-party copy, reference
 * [fs:69473521909]; the issue cites art. 21; neither checked against the gazette). Lào Cai's
 * portal words the time of a certification the same way (dichvucong.laocai.gov.vn, procedure
 * page ma-thu-tuc=26455, a copy from the original register). The catalogue crawl we ship
 * (procedures/catalogue/catalogue.jsonl) states no figure ("varies") and the counter only, so
 * nothing there contradicts the decree and no other channel has a time. Versions 1–2 ran on
 * 1 working day counted as 8 working hours from the minute of reception; their dossiers keep it.
 * Fee (national rate, shown on the page): 2,000 VND per page for pages 1–2, 1,000 VND per page from
 * page 3, at most 200,000 VND per copy; pages are counted on the original (Circular 226/2016/TT-BTC,
 * art. 4). Version 1 charged `fee.counter`, the price of a single-page copy (2,000 VND), whatever the
 * form said; version 2 charges the `feeRule` below (domain/fees.ts): pages × tiers, capped per copy,
 * times the copies. `fee.counter` stays as the lowest price, shown in lists.
 * Counter only: the page lists no online channel (the original must be shown). The citizen pays at the
 * desk before the officer compares the copy with the original, hence pay before review.
 */
export const certifiedCopy = defineProcedure({
  code: '2.000815',
  version: 3,
  name: { vi: 'Chứng thực bản sao từ bản chính', en: 'Certified copy from the original' },
  field: { vi: 'Chứng thực', en: 'Certification' },
  level: 'commune',
  fee: { counter: 2000 },
  feeRule: {
    // Circular 226/2016/TT-BTC art. 4: 2,000 VND/page, from the third page 1,000 VND/page, at most 200,000 VND per copy.
    perUnit: { field: 'pages', tiers: [{ upTo: 2, vnd: 2000 }, { upTo: null, vnd: 1000 }], capPerItem: 200_000, timesField: 'copies' },
    source: 'Circular 226/2016/TT-BTC art. 4',
  },
  deadline: SAME_DAY,
  fullProcessOnline: false,
  portalIntegrated: false,
  form: z.object({
    documentName: z.string().trim().min(2).max(200),
    issuedBy: z.string().trim().min(2).max(200),
    foreignDocument: z.boolean(),
    pages: positiveInt.max(500),
    copies: positiveInt.max(100),
  }),
  formLabels: {
    documentName: { vi: 'Tên giấy tờ, văn bản cần chứng thực', en: 'Document to be certified' },
    issuedBy: { vi: 'Cơ quan, tổ chức cấp', en: 'Issuing authority' },
    foreignDocument: { vi: 'Giấy tờ do cơ quan nước ngoài cấp', en: 'Issued by a foreign authority' },
    pages: { vi: 'Số trang của bản chính', en: 'Pages of the original' },
    copies: { vi: 'Số bản sao cần chứng thực', en: 'Number of copies' },
  },
  example: {
    documentName: 'Bằng tốt nghiệp trung học phổ thông',
    issuedBy: 'Sở Giáo dục và Đào tạo tỉnh Lào Cai',
    foreignDocument: false,
    pages: 1,
    copies: 3,
  },
  requiredDocuments: [
    { vi: 'Bản chính giấy tờ, văn bản làm cơ sở để chứng thực', en: 'The original document' },
    {
      vi: 'Bản sao cần chứng thực (nếu không có, cơ quan chụp từ bản chính), đủ các trang có thông tin',
      en: 'The copies to certify, with every page that carries information (or the office photocopies the original)',
    },
  ],
  stages: [receive(), pay({ limitDays: 1 }), review({ supplementLimitDays: 1 }), approve(), deliver({ ratingWindowDays: 7 })],
  keywords: ['chứng thực', 'công chứng', 'sao y', 'sao y bản chính', 'photo công chứng', 'chứng thực bản sao', 'bản sao công chứng', 'certified copy'],
  source: 'DVCQG page 2.000815 (third-party crawl chatbot-tthc/chatbot_tthc @7b79a320, bo-tu-phap/2.000815.json); fee TT 226/2016/TT-BTC as quoted there',
});

/** Fee for one dossier under TT 226/2016 art. 4, by the procedure's own fee rule. */
export const certifiedCopyFee = (form: { pages: number; copies: number }): number => feeOf(certifiedCopy, 'counter', form);
