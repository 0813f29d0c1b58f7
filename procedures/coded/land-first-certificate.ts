import { z } from 'zod';
import { approve, defineProcedure, deliver, post, receive, review, tax } from '../../domain/procedure';
import { address, applicantIdNumber, choice, mapSheetNumber, parcelNumber, personName, squareMetres } from './form-fields';

/**
 * Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài
 * sản gắn liền với đất lần đầu đối với hộ gia đình, cá nhân, cộng đồng dân cư… — 1.013978
 * (QĐ 3380/QĐ-BNNMT; Luật Đất đai 2024; NĐ 101/2024, NĐ 151/2025 as amended by NĐ 226/2025).
 * Commune level: the one-stop centre receives, the land registration office and the commune check
 * (with 15 days' public posting at the commune), the Chairman of the commune People's Committee signs.
 * Version 2 runs the page's steps as stages (page, step 3.1):
 *  - receive, review: steps 1–2 and 3.1 a–c, đ (the commune's checks, with the once-only supplement);
 *  - post: step 3.1 d, the check's result posted (form 17 of NĐ 151/2025) at the commune People's
 *    Committee and the residential area for 15 days, objections considered. The office's clock is
 *    paused meanwhile: NĐ 101/2024 art. 22 lists the posting among the times not counted in the
 *    procedure's time (as we read the article; the page itself states no exclusion);
 *  - tax: step 3.1 đ–e, the transfer slip (form 19 of NĐ 151/2025, amended by NĐ 226/2025) sent to the
 *    tax office, then its notice and the land user's payment, debt record or exemption. The clock is
 *    paused from the slip to the receipt: NĐ 101/2024 art. 22 does not count the time the land user
 *    takes to fulfil the financial obligations. A notice unpaid after 30 days is flagged to the office
 *    (30 days is the usual term of a payment notice; the flag itself is ours);
 *  - approve, deliver: step 3.1 e, the Chairman signs and the certificate goes back to the desk.
 * Version 1 (receive, review, approve, deliver, 17 working days counted in hours from reception) stays
 * with its dossiers (workflows/legacy-rules.ts).
 * Deadline (version 2): `working-days` as the page counts them, per channel: 27 working days in person
 * (the counter and the kiosk), 17 online, 20 by post (the page's three figures). Version 1 ran every
 * channel on the online 17. Đồng Nai's list (reference [DN]) adds 10 more days in difficult areas;
 * Lào Cai's own figures are unconfirmed.
 * Fee: the page says "Miễn phí". The province sets an appraisal fee (Đồng Nai: 880,000 VND) and land
 * levies are assessed separately by the tax office; Lào Cai's appraisal fee is unconfirmed, so none is
 * charged here.
 * Not full-process online: dossiers may be filed online as scans, but the originals must be handed in
 * when the certificate is collected (page, step 1).
 * Version 2: the result is `paper` — the certificate is an original on paper (Land Law 2024, chapter
 * on registration and certificates; its printed form: Circular 10/2024/TT-BTNMT; issue #13: "a land
 * certificate on paper"; articles not re-checked here): handed over at the desk, never "delivered
 * online". Version 1 dossiers keep their rules (any delivery).
 */
export const landFirstCertificate = defineProcedure({
  code: '1.013978',
  version: 2,
  name: {
    vi: 'Đăng ký đất đai, cấp Giấy chứng nhận quyền sử dụng đất lần đầu cho hộ gia đình, cá nhân',
    en: 'First land registration and land-use-right certificate for households and individuals',
  },
  field: { vi: 'Đất đai', en: 'Land' },
  level: 'commune',
  fee: { counter: 0 },
  deadline: { workingDays: 27, kind: 'working-days' },
  deadlines: { online: { workingDays: 17, kind: 'working-days' }, post: { workingDays: 20, kind: 'working-days' } },
  fullProcessOnline: false,
  portalIntegrated: true,
  form: z.object({
    landUserName: personName,
    landUserIdNumber: applicantIdNumber,
    coUserName: personName.optional(),
    landAddress: address,
    mapSheetNumber,
    parcelNumber,
    areaM2: squareMetres,
    landUse: choice({ ONT: 'Đất ở tại nông thôn (ONT)', ODT: 'Đất ở tại đô thị (ODT)', CLN: 'Đất trồng cây lâu năm (CLN)', LUC: 'Đất chuyên trồng lúa (LUC)', BHK: 'Đất trồng cây hằng năm khác (BHK)', RSX: 'Đất rừng sản xuất (RSX)', NTS: 'Đất nuôi trồng thủy sản (NTS)' }),
    usedSinceYear: z.number().int().min(1900).max(2100),
    hasHouse: z.boolean(),
    landPapers: choice({ 'co-giay-to-dieu-137': 'Có giấy tờ theo Điều 137 Luật Đất đai', 'khong-co-giay-to': 'Không có giấy tờ' }),
  }),
  formLabels: {
    landUserName: { vi: 'Họ tên người sử dụng đất', en: "Land user's full name" },
    landUserIdNumber: { vi: 'Số định danh cá nhân người sử dụng đất', en: "Land user's personal ID number" },
    coUserName: { vi: 'Họ tên vợ/chồng hoặc người cùng sử dụng đất', en: 'Spouse or co-user' },
    landAddress: { vi: 'Địa chỉ thửa đất', en: 'Parcel address' },
    mapSheetNumber: { vi: 'Tờ bản đồ số', en: 'Map sheet number' },
    parcelNumber: { vi: 'Thửa đất số', en: 'Parcel number' },
    areaM2: { vi: 'Diện tích (m²)', en: 'Area (m²)' },
    landUse: { vi: 'Mục đích sử dụng đất', en: 'Land use' },
    usedSinceYear: { vi: 'Sử dụng đất từ năm', en: 'Used since (year)' },
    hasHouse: { vi: 'Có nhà ở, công trình trên đất', en: 'House or building on the land' },
    landPapers: { vi: 'Giấy tờ về quyền sử dụng đất', en: 'Land-use papers' },
  },
  example: {
    landUserName: 'Sùng A Chứ',
    landUserIdNumber: '010080007788',
    coUserName: 'Thào Thị Mỷ',
    landAddress: 'Thôn Na Hối Tày, xã Bắc Hà, tỉnh Lào Cai',
    mapSheetNumber: 21,
    parcelNumber: 145,
    areaM2: 312.5,
    landUse: 'ONT',
    usedSinceYear: 1998,
    hasHouse: true,
    landPapers: 'khong-co-giay-to',
  },
  requiredDocuments: [
    { vi: 'Đơn đăng ký đất đai, tài sản gắn liền với đất', en: 'Land and property registration form' },
    {
      vi: 'Một trong các giấy tờ về quyền sử dụng đất theo Điều 137 Luật Đất đai (nếu có); sơ đồ nhà ở, công trình (nếu có)',
      en: 'Land papers under art. 137 of the Land Law, if any; a sketch of the house or building, if any',
    },
    {
      vi: 'Chứng từ thực hiện nghĩa vụ tài chính, giấy tờ miễn, giảm (nếu có)',
      en: 'Receipts for land charges paid, or papers on exemptions, if any',
    },
    { vi: 'Mảnh trích đo bản đồ địa chính (nếu có)', en: 'Cadastral survey extract, if any' },
  ],
  stages: [receive(), review({ supplementLimitDays: 15 }), post({ days: 15, clock: 'paused' }), tax({ unpaidReminderDays: 30 }), approve(), deliver({ result: 'paper' })],
  keywords: [
    'sổ đỏ',
    'làm sổ đỏ',
    'cấp sổ đỏ lần đầu',
    'bìa đỏ',
    'sổ hồng',
    'giấy chứng nhận quyền sử dụng đất',
    'cấp giấy chứng nhận lần đầu',
    'đăng ký đất đai',
    'land certificate',
  ],
  source: 'DVCQG page 1.013978 (third-party crawl chatbot-tthc/chatbot_tthc @7b79a320, bo-nong-nghiep-mt/1.013978.json); Đồng Nai comparison: phamhungVpdklk/TTHC-2228',
});
