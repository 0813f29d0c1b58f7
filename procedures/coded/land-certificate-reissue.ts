import { z } from 'zod';
import { approve, defineProcedure, deliver, inWorkingDays, post, receive, review } from '../../domain/procedure';
import { address, applicantIdNumber, isoDate, landCertificateSerial, mapSheetNumber, parcelNumber, personName } from './form-fields';

/**
 * Cấp lại Giấy chứng nhận do bị mất — 1.012786 (QĐ 3380/QĐ-BNNMT; Luật Đất đai 2024; NĐ 101/2024,
 * NĐ 151/2025 as amended by NĐ 226/2025; NĐ 118/2025 for the one-stop hand-off).
 * Province level, handed off: the page says the dossier is filed at the public administration service
 * centre, the land registration office or its branch; the centre forwards it to the land registration
 * office (Văn phòng đăng ký đất đai, a unit of the Department of Agriculture and Environment, hence
 * 'H38.SNNMT'), which cancels the lost certificate and issues a new one. For an individual's
 * certificate the commune People's Committee posts the loss for 15 days in between (the page's steps,
 * after NĐ 101/2024 on re-issuing a lost certificate).
 *
 * Version 2 (its real shape, issue #13): receive → review → post → approve → deliver, handed off along
 * a route: the commune desk receives (its share: 1 working day, the total less the department's 19),
 * forwards to the land registration office (10 working days to examine the file), which sends it to
 * the commune People's Committee to post the loss for 15 calendar days (`post`, held by the commune;
 * 3 working days to post it and send it back, beside the posting), back to the land office (5 working
 * days to decide), and the result returns to the commune desk. The hop shares are our split; no
 * source gives one. The posting pauses the office's clock: the page's 20 working days (10 online)
 * cannot hold 15 days of posting, so its time is not counted in them — our reading of NĐ 101/2024 and
 * NĐ 151/2025, whose text on counting the posting was not at hand to quote. Version 1 (no posting,
 * one forward, the department's 19 days covering everything) stays pinned by the dossiers filed under
 * it (workflows/legacy-rules.ts, procedure_versions).
 *
 * Deadline 20 working days: the page's in-person figure (a commune desk receives in person). It shows
 * 10 working days online and by post; versions 1–2 kept the longer figure for every channel;
 * Lào Cai's own figure is unconfirmed.
 *
 * Version 3: the page's figures per channel, counted as `working-days` (17:00 of the N-th working day
 * after the day of reception; issue #13): 20 at the counter (and the kiosk), 10 online and 10 by post
 * (the crawl, procedures/catalogue/catalogue.jsonl, gives these three; the page cites NĐ 101/2024 and
 * NĐ 151/2025, whose own articles were not re-checked here). The route's shares are working days and
 * now fit the shortest channel: the commune desk keeps 1 working day (20 less the 19 handed off), the
 * land registration office 5 to examine the file, the commune 2 to post the loss and send it back
 * (the 15 days of posting pause the clock and are not counted), the office 2 to decide: 1 + 5 + 2 + 2
 * = 10 working days, within every channel's deadline. Our split, as before; at the counter the other
 * 10 days are left to the officers, who may choose a longer share within what remains. Version 2
 * (shares 10, 3, 5 on the counter's 20 days for every channel, counted in hours) stays pinned by
 * its dossiers (procedure_versions).
 * Fee: the page says "Miễn phí"; a re-issue fee set by the provincial People's Council is unconfirmed
 * for Lào Cai, so none is charged here.
 * Not full-process online: the new certificate is a paper document collected at the desk; the page
 * offers online filing, "toàn trình" status is unconfirmed.
 * Version 2: the result is `paper` — the certificate is an original on paper (Land Law 2024, chapter
 * on registration and certificates; its printed form: Circular 10/2024/TT-BTNMT; issue #13: "a land
 * certificate on paper"; articles not re-checked here): handed over at the desk, never "delivered
 * online". Version 1 dossiers keep their rules (any delivery).
 */
export const landCertificateReissue = defineProcedure({
  code: '1.012786',
  version: 3,
  name: { vi: 'Cấp lại Giấy chứng nhận quyền sử dụng đất do bị mất', en: 'Re-issue of a lost land-use-right certificate' },
  field: { vi: 'Đất đai', en: 'Land' },
  level: 'province',
  fee: { counter: 0 },
  deadline: inWorkingDays(20),
  deadlines: { online: inWorkingDays(10), post: inWorkingDays(10) },
  handoff: {
    departmentCode: 'H38.SNNMT',
    shareWorkingDays: 19,
    route: [
      { to: 'department', shareWorkingDays: 5 },
      { to: 'receiving', shareWorkingDays: 2 },
      { to: 'department', shareWorkingDays: 2 },
    ],
  },
  fullProcessOnline: false,
  portalIntegrated: true,
  form: z.object({
    holderName: personName,
    holderIdNumber: applicantIdNumber,
    landAddress: address,
    mapSheetNumber,
    parcelNumber,
    lostCertificateSerial: landCertificateSerial.optional(),
    lostOn: isoDate.optional(),
    circumstances: z.string().trim().min(5).max(500),
    remeasure: z.boolean(),
  }),
  formLabels: {
    holderName: { vi: 'Họ tên người sử dụng đất', en: "Land user's full name" },
    holderIdNumber: { vi: 'Số định danh cá nhân người sử dụng đất', en: "Land user's personal ID number" },
    landAddress: { vi: 'Địa chỉ thửa đất', en: 'Parcel address' },
    mapSheetNumber: { vi: 'Tờ bản đồ số', en: 'Map sheet number' },
    parcelNumber: { vi: 'Thửa đất số', en: 'Parcel number' },
    lostCertificateSerial: { vi: 'Số phát hành Giấy chứng nhận bị mất (nếu nhớ)', en: 'Serial of the lost certificate, if known' },
    lostOn: { vi: 'Ngày bị mất (nếu biết)', en: 'Date lost, if known' },
    circumstances: { vi: 'Lý do, hoàn cảnh bị mất', en: 'How it was lost' },
    remeasure: { vi: 'Đề nghị đo đạc xác định lại diện tích', en: 'Ask for the parcel to be re-measured' },
  },
  example: {
    holderName: 'Nông Văn Khánh',
    holderIdNumber: '010070005566',
    landAddress: 'Thôn Cốc Sâm, xã Bảo Thắng, tỉnh Lào Cai',
    mapSheetNumber: 15,
    parcelNumber: 87,
    lostCertificateSerial: 'BK 902117',
    lostOn: '2026-09-03',
    circumstances: 'Bị cuốn trôi khi lũ quét vào nhà tháng 9 năm 2026',
    remeasure: false,
  },
  requiredDocuments: [
    { vi: 'Đơn đăng ký biến động đất đai, tài sản gắn liền với đất (Mẫu số 18, NĐ 151/2025/NĐ-CP)', en: 'Land change registration form (form 18, Decree 151/2025)' },
    {
      vi: 'Mảnh trích đo bản đồ địa chính (nếu đề nghị đo đạc xác định lại kích thước, diện tích)',
      en: 'Cadastral survey extract, if the parcel is to be re-measured',
    },
  ],
  stages: [receive(), review({ supplementLimitDays: 15 }), post({ days: 15, clock: 'paused' }), approve(), deliver({ result: 'paper' })],
  keywords: [
    'mất sổ đỏ',
    'làm lại sổ đỏ',
    'cấp lại sổ đỏ',
    'mất bìa đỏ',
    'cấp lại giấy chứng nhận',
    'mất giấy chứng nhận quyền sử dụng đất',
    'lost land certificate',
  ],
  source: 'DVCQG page 1.012786 (third-party crawl chatbot-tthc/chatbot_tthc @7b79a320, bo-nong-nghiep-mt/1.012786.json)',
});
