import { z } from 'zod';
import { approve, defineProcedure, deliver, receive, review, tax } from '../../domain/procedure';
import { address, applicantIdNumber, choice, isoDate, landCertificateSerial, mapSheetNumber, parcelNumber, personName, squareMetres } from './form-fields';

/**
 * Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất trong các trường hợp
 * chuyển đổi …, chuyển nhượng, thừa kế, tặng cho … — 1.013831 (QĐ 3380/QĐ-BNNMT; Luật Đất đai 2024;
 * NĐ 101/2024, NĐ 151/2025 as amended by NĐ 226/2025; NĐ 118/2025 for the one-stop hand-off).
 * Province level, handed off: the page says an individual files at the public administration service
 * centre or the land registration office or its branch, and that when the centre receives it, it
 * forwards the dossier to the land registration office (Văn phòng đăng ký đất đai) or its branch,
 * which decides. That office is a unit of the Department of Agriculture and Environment, hence
 * departmentCode 'H38.SNNMT'. The commune desk delivers the new or endorsed certificate.
 * Deadline 18 working days (the page's online and in-person columns; its postal column shows 4, which
 * looks like an error). Version 2 counts them as `working-days` (the page's "Ngày làm việc"); version 1
 * counted 18 × 8 working hours from reception and stays with its dossiers (workflows/legacy-rules.ts).
 * Stages (version 2): receive at the desk, forward to the land registration office, review, tax,
 * approve, return and deliver. The tax stage is the page's step: the office sends the transfer slip
 * (form 19 of NĐ 151/2025, amended by NĐ 226/2025) to the tax office for the registration fee and
 * personal income tax, and registers the change once the payment (or exemption) is proven. The time
 * the land user takes to fulfil the financial obligations is not counted (NĐ 101/2024 art. 22): the
 * office's clock is paused from the slip to the receipt and every due time, the department's share
 * included, moves on by that wait. A notice unpaid after 30 days is flagged to the office (30 days is
 * the usual term of a payment notice; the flag itself is ours). Version 1 had no tax stage.
 * Department share 17 working days, leaving 1 to the commune desk (our split; no source gives one).
 * Fee: the page says "Miễn phí" for the registration; the certificate fee set by the provincial
 * People's Council (unconfirmed for Lào Cai), registration tax and personal income tax are assessed
 * separately and are not modelled.
 * Not full-process online: the original certificate must be surrendered.
 * Version 2: the result is `paper` — the certificate is an original on paper (Land Law 2024, chapter
 * on registration and certificates; its printed form: Circular 10/2024/TT-BTNMT; issue #13: "a land
 * certificate on paper"; articles not re-checked here): handed over at the desk, never "delivered
 * online". Version 1 dossiers keep their rules (any delivery).
 */
export const landTransferRegistration = defineProcedure({
  code: '1.013831',
  version: 2,
  name: {
    vi: 'Đăng ký biến động đất đai khi chuyển nhượng, tặng cho, thừa kế quyền sử dụng đất',
    en: 'Registration of a land transfer (sale, gift or inheritance)',
  },
  field: { vi: 'Đất đai', en: 'Land' },
  level: 'province',
  fee: { counter: 0 },
  deadline: { workingDays: 18, kind: 'working-days' },
  handoff: { departmentCode: 'H38.SNNMT', shareWorkingDays: 17 },
  fullProcessOnline: false,
  portalIntegrated: true,
  form: z.object({
    transferType: choice({ 'chuyen-nhuong': 'Chuyển nhượng', 'tang-cho': 'Tặng cho', 'thua-ke': 'Thừa kế', 'chuyen-doi': 'Chuyển đổi', 'gop-von': 'Góp vốn' }),
    transferorName: personName,
    transferorIdNumber: applicantIdNumber,
    transfereeName: personName,
    transfereeIdNumber: applicantIdNumber,
    landCertificateSerial,
    landAddress: address,
    mapSheetNumber,
    parcelNumber,
    areaM2: squareMetres,
    contractDate: isoDate,
    notarisedBy: z.string().trim().min(2).max(200),
    mortgaged: z.boolean(),
  }),
  formLabels: {
    transferType: { vi: 'Hình thức chuyển quyền', en: 'Kind of transfer' },
    transferorName: { vi: 'Họ tên bên chuyển quyền', en: "Transferor's full name" },
    transferorIdNumber: { vi: 'Số định danh cá nhân bên chuyển quyền', en: "Transferor's personal ID number" },
    transfereeName: { vi: 'Họ tên bên nhận chuyển quyền', en: "Transferee's full name" },
    transfereeIdNumber: { vi: 'Số định danh cá nhân bên nhận chuyển quyền', en: "Transferee's personal ID number" },
    landCertificateSerial: { vi: 'Số phát hành Giấy chứng nhận đã cấp', en: 'Serial of the issued certificate' },
    landAddress: { vi: 'Địa chỉ thửa đất', en: 'Parcel address' },
    mapSheetNumber: { vi: 'Tờ bản đồ số', en: 'Map sheet number' },
    parcelNumber: { vi: 'Thửa đất số', en: 'Parcel number' },
    areaM2: { vi: 'Diện tích chuyển quyền (m²)', en: 'Area transferred (m²)' },
    contractDate: { vi: 'Ngày công chứng, chứng thực hợp đồng/văn bản', en: 'Date the contract or deed was notarised' },
    notarisedBy: { vi: 'Tổ chức công chứng hoặc UBND xã chứng thực', en: 'Notary office or certifying commune' },
    mortgaged: { vi: 'Thửa đất đang thế chấp', en: 'The land is mortgaged' },
  },
  example: {
    transferType: 'chuyen-nhuong',
    transferorName: 'Lê Văn Bình',
    transferorIdNumber: '010075003456',
    transfereeName: 'Hà Thị Ngọc',
    transfereeIdNumber: '010190007890',
    landCertificateSerial: 'CY 731204',
    landAddress: 'Tổ 12, phường Nam Cường, tỉnh Lào Cai',
    mapSheetNumber: 8,
    parcelNumber: 412,
    areaM2: 120,
    contractDate: '2026-11-10',
    notarisedBy: 'Văn phòng công chứng Lào Cai',
    mortgaged: false,
  },
  requiredDocuments: [
    { vi: 'Đơn đăng ký biến động đất đai, tài sản gắn liền với đất (Mẫu số 18)', en: 'Land change registration form (form 18)' },
    { vi: 'Bản gốc Giấy chứng nhận đã cấp', en: 'The original certificate' },
    {
      vi: 'Hợp đồng, văn bản chuyển quyền sử dụng đất đã công chứng, chứng thực',
      en: 'The notarised contract or deed of transfer',
    },
    {
      vi: 'Văn bản đồng ý của bên nhận thế chấp (nếu đất đang thế chấp)',
      en: "The mortgagee's consent, if the land is mortgaged",
    },
  ],
  stages: [receive(), review({ supplementLimitDays: 15 }), tax({ unpaidReminderDays: 30 }), approve(), deliver({ result: 'paper' })],
  keywords: [
    'sang tên sổ đỏ',
    'sang tên',
    'sang tên đất',
    'mua bán đất',
    'chuyển nhượng đất',
    'tặng cho đất',
    'cho con đất',
    'thừa kế đất',
    'đăng ký biến động',
    'land transfer',
  ],
  source: 'DVCQG page 1.013831 (third-party crawl chatbot-tthc/chatbot_tthc @7b79a320, bo-nong-nghiep-mt/1.013831.json)',
});
