import { z } from 'zod';
import { approve, consult, defineProcedure, deliver, inspect, inWorkingDays, receive, review } from '../../domain/procedure';
import {
  address,
  applicantIdNumber,
  landCertificateSerial,
  mapSheetNumber,
  parcelNumber,
  personName,
  positiveInt,
  squareMetres,
} from './form-fields';

/**
 * Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV … và nhà ở riêng lẻ — 1.013225
 * (QĐ 56/QĐ-BXD; Luật Xây dựng; NĐ 175/2024 form Mẫu số 1, NĐ 140/2025, NĐ 144/2025), modelled here for
 * an individual house only. Commune level: the one-stop centre receives, the commune People's
 * Committee decides.
 * Deadline 15 working days for an individual house, counted from a complete dossier: the page shows
 * "15 Ngày" in person and 20 online/by post, without saying working days; the working-day reading is
 * ours. From 1 July 2026 NĐ 217/2026 reportedly sets 7 working days (reference, unconfirmed).
 * Fee: set by the provincial People's Council (the page: "Theo quy định của Hội đồng nhân dân cấp
 * tỉnh"). No source for Lào Cai's rate was found — the 75,000 VND often quoted for individual houses
 * could not be sourced for this province — so the fee is 0 here until the Lào Cai resolution is read.
 * Not full-process online: the page offers online filing, but the permit comes with the stamped paper
 * drawings; "toàn trình" status is unconfirmed.
 *
 * Version 2 — the shape the law describes (Law on Construction 2014 art. 102 cl. 1, as amended by
 * Law 62/2020/QH14; Decree 175/2024/NĐ-CP restates this process for the permit — its article
 * number was not checked against the gazette here):
 * - receive, then review: the file is examined and, once, a supplement asked for (art. 102 cl. 1(c));
 * - inspect: "tổ chức thẩm định hồ sơ, kiểm tra thực địa" — the authority checks the site, within 07
 *   working days of receiving the file (art. 102 cl. 1(c)); the visit is scheduled with the owner
 *   and its minutes attached (our reading of "kiểm tra thực địa"; no source prescribes the minutes' form);
 * - consult: where the works need it, the authority asks the state agencies concerned (art. 102
 *   cl. 1(d)); they answer in writing within 07 days for an individual house (12 for other works),
 *   and an agency silent after that "được coi là đã đồng ý" — deemed to agree (art. 102 cl. 1(đ)):
 *   `silence: 'agrees'`. The 07 days are read as working days (our reading: the law says "ngày").
 *   Decree 61/2018 sets no silence rule of its own for consultations; the construction law's applies.
 *   The office's clock runs throughout: the consultation is inside the 15 days (art. 102 cl. 1(e)
 *   counts them from a complete file, and no source pauses them);
 * - approve, deliver: the commune People's Committee decides within 15 days for an individual house
 *   (art. 102 cl. 1(e)); counted in working days closing at 17:00 (`working-days`, docs/calendar.md),
 *   online and by post 20 days as the DVCQG page states them (catalogue crawl, 1.013225).
 * Version 1 ([receive, review, approve, deliver], 15 working days counted in hours) stays pinned by
 * the dossiers submitted under it (workflows/legacy-rules.ts).
 */
export const constructionPermit = defineProcedure({
  code: '1.013225',
  version: 2,
  name: { vi: 'Cấp giấy phép xây dựng nhà ở riêng lẻ', en: 'Building permit for an individual house' },
  field: { vi: 'Hoạt động xây dựng', en: 'Construction' },
  level: 'commune',
  fee: { counter: 0 },
  deadline: inWorkingDays(15),
  deadlines: { online: inWorkingDays(20), post: inWorkingDays(20) },
  fullProcessOnline: false,
  portalIntegrated: true,
  form: z.object({
    ownerName: personName,
    ownerIdNumber: applicantIdNumber,
    siteAddress: address,
    mapSheetNumber,
    parcelNumber,
    landCertificateSerial,
    plotAreaM2: squareMetres,
    footprintM2: squareMetres,
    totalFloorAreaM2: squareMetres,
    floors: positiveInt.max(15),
    hasBasement: z.boolean(),
    heightM: z.number().positive().max(60),
    designer: z.string().trim().min(2).max(200).optional(),
  }),
  formLabels: {
    ownerName: { vi: 'Họ tên chủ đầu tư', en: "Owner's full name" },
    ownerIdNumber: { vi: 'Số định danh cá nhân chủ đầu tư', en: "Owner's personal ID number" },
    siteAddress: { vi: 'Địa điểm xây dựng', en: 'Building site' },
    mapSheetNumber: { vi: 'Tờ bản đồ số', en: 'Map sheet number' },
    parcelNumber: { vi: 'Thửa đất số', en: 'Parcel number' },
    landCertificateSerial: { vi: 'Số phát hành Giấy chứng nhận quyền sử dụng đất', en: 'Land certificate serial' },
    plotAreaM2: { vi: 'Diện tích lô đất (m²)', en: 'Plot area (m²)' },
    footprintM2: { vi: 'Diện tích xây dựng tầng 1 (m²)', en: 'Ground-floor footprint (m²)' },
    totalFloorAreaM2: { vi: 'Tổng diện tích sàn (m²)', en: 'Total floor area (m²)' },
    floors: { vi: 'Số tầng', en: 'Number of floors' },
    hasBasement: { vi: 'Có tầng hầm', en: 'Has a basement' },
    heightM: { vi: 'Chiều cao công trình (m)', en: 'Building height (m)' },
    designer: { vi: 'Đơn vị, cá nhân thiết kế', en: 'Designer' },
  },
  example: {
    ownerName: 'Phạm Quang Minh',
    ownerIdNumber: '010088001122',
    siteAddress: 'Tổ 5, phường Cam Đường, tỉnh Lào Cai',
    mapSheetNumber: 34,
    parcelNumber: 278,
    landCertificateSerial: 'CS 482913',
    plotAreaM2: 96,
    footprintM2: 80,
    totalFloorAreaM2: 240,
    floors: 3,
    hasBasement: false,
    heightM: 11.7,
    designer: 'Công ty TNHH Tư vấn thiết kế xây dựng Hoàng Liên',
  },
  requiredDocuments: [
    { vi: 'Đơn đề nghị cấp giấy phép xây dựng (Mẫu số 1, NĐ 175/2024/NĐ-CP)', en: 'Building permit application (form 1, Decree 175/2024)' },
    { vi: 'Giấy tờ hợp pháp về quyền sử dụng đất', en: 'Lawful land-use document' },
    { vi: '02 bộ bản vẽ thiết kế xây dựng', en: 'Two sets of building drawings' },
    {
      vi: 'Kết quả thủ tục về phòng cháy, chữa cháy (nếu thuộc diện phải có)',
      en: 'Fire-safety (PCCC) approval, where required',
    },
    {
      vi: 'Cam kết bảo đảm an toàn đối với công trình liền kề (nếu có công trình liền kề)',
      en: 'Safety commitment towards neighbouring buildings, where there are any',
    },
  ],
  stages: [receive(), review({ supplementLimitDays: 15 }), inspect(), consult({ shareWorkingDays: 7, silence: 'agrees' }), approve(), deliver()],
  keywords: [
    'giấy phép xây dựng',
    'xin phép xây dựng',
    'xin giấy phép xây nhà',
    'xây nhà',
    'làm nhà',
    'cấp phép xây dựng nhà ở',
    'building permit',
  ],
  source:
    'DVCQG page 1.013225 (third-party crawl chatbot-tthc/chatbot_tthc @7b79a320, bo-xay-dung/1.013225.json); Law on Construction 2014 art. 102 cl. 1 (amended by Law 62/2020/QH14) for the site check, the consultation and its 07 days; fee not sourced for Lào Cai',
});
