import { z } from 'zod';
import { approve, defineProcedure, deliver, receive, review } from '../../domain/procedure';
import { address, applicantIdNumber, isoDate, landCertificateSerial, mapSheetNumber, parcelNumber, personName } from './form-fields';

/**
 * Cấp lại Giấy chứng nhận do bị mất — 1.012786 (QĐ 3380/QĐ-BNNMT; Luật Đất đai 2024; NĐ 101/2024,
 * NĐ 151/2025 as amended by NĐ 226/2025; NĐ 118/2025 for the one-stop hand-off).
 * Province level, handed off: the page says the dossier is filed at the public administration service
 * centre, the land registration office or its branch; the centre forwards it to the land registration
 * office (Văn phòng đăng ký đất đai, a unit of the Department of Agriculture and Environment, hence
 * 'H38.SNNMT'), which cancels the lost certificate and issues a new one. For an individual's
 * certificate the commune People's Committee posts the loss for 15 days in between; that posting runs
 * inside the department's share here.
 * Deadline 20 working days: the page's in-person figure (a commune desk receives in person). It shows
 * 10 working days online and by post, which cannot hold the 15 days' posting, so the longer figure is
 * used; Lào Cai's own figure is unconfirmed.
 * Department share 19 working days, leaving 1 to the commune desk (our split; no source gives one).
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
  version: 2,
  name: { vi: 'Cấp lại Giấy chứng nhận quyền sử dụng đất do bị mất', en: 'Re-issue of a lost land-use-right certificate' },
  field: { vi: 'Đất đai', en: 'Land' },
  level: 'province',
  fee: { counter: 0 },
  deadline: { workingDays: 20 },
  handoff: { departmentCode: 'H38.SNNMT', shareWorkingDays: 19 },
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
  stages: [receive(), review({ supplementLimitDays: 15 }), approve(), deliver({ result: 'paper' })],
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
