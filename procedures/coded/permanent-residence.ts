import { z } from 'zod';
import { approve, defineProcedure, deliver, inWorkingDays, pay, receive, review } from '../../domain/procedure';
import { address, applicantIdNumber, choice, personName } from './form-fields';

/** The exemptions of Circular 75/2022/TT-BTC art. 4, one choice each, with the words the forms show. */
const FEE_EXEMPTION_LABELS = {
  // art. 4(1)
  'tre-em': 'Trẻ em', 'nguoi-cao-tuoi': 'Người cao tuổi', 'nguoi-khuyet-tat': 'Người khuyết tật',
  // art. 4(2)
  'nguoi-co-cong': 'Người có công với cách mạng, thân nhân người có công',
  // art. 4(3)
  'dtts-xa-dbkk': 'Đồng bào dân tộc thiểu số ở xã có điều kiện kinh tế - xã hội đặc biệt khó khăn',
  'xa-bien-gioi': 'Thường trú tại xã biên giới', 'huyen-dao': 'Thường trú tại huyện đảo', 'ho-ngheo': 'Hộ nghèo',
  // art. 4(4)
  'mo-coi-16-18': 'Từ đủ 16 đến dưới 18 tuổi, mồ côi cả cha và mẹ',
} as const;
export const FEE_EXEMPTIONS = Object.keys(FEE_EXEMPTION_LABELS) as (keyof typeof FEE_EXEMPTION_LABELS)[];

/**
 * Đăng ký thường trú — 1.004222 (QĐ 1523/QĐ-BCA-C06; Luật Cư trú 2020 art. 20–22; form CT01 of
 * TT 53/2025/TT-BCA). Commune level: the commune police (Công an cấp xã) receive and decide (from
 * version 3).
 * Deadline 7 working days (page; reference [fs:69695295956] agrees).
 * Fee (national rate, TT 75/2022/TT-BTC as amended by TT 71/2025/TT-BTC, shown on the page):
 * 20,000 VND per registration at the counter (and by post), 10,000 VND online.
 * Version 2: the exemptions of TT 75/2022 art. 4, declared on the form (`feeExemption`, with the
 * proof shown at the desk unless a database holds it) and charged nothing (domain/fees.ts):
 * art. 4(1) children (Law on Children), older people (Law on the Elderly), people with disabilities;
 * art. 4(2) people with meritorious services to the revolution and their relatives;
 * art. 4(3) ethnic minority people in communes with especially difficult socio-economic conditions,
 * permanent residents of border communes or of island districts, members of poor households;
 * art. 4(4) citizens from 16 to under 18 who have lost both parents.
 * Checked against secondary sources quoting art. 4; not against the text as amended by TT 71/2025,
 * which may rename island districts after the 2025 reform.
 * Full-process online: filed on DVCQG / the Ministry of Public Security portal, result is an update of
 * the population and residence databases plus a notice.
 *
 * Version 3 (its real shape, issue #13):
 * - decided by the commune police (`decidedBy: 'commune-police'`): Law on Residence 2020 art. 22 makes
 *   the registration authority — the commune police, Công an cấp xã (art. 2(4), and Decree 154/2024
 *   on its procedures) — receive the file and decide; the crawl names "Công an cấp Xã" as both the
 *   competent and the implementing agency. A dossier filed at a commune is held by that commune's
 *   police unit from filing (api/deciding-agency.ts); versions 1–2 stay with the commune's committee;
 * - the fee is paid at filing: `pay` before `review` (issue #13; online it is paid with the submission
 *   on the portal, at the counter when the file is lodged — our reading of the page's fee line; the
 *   articles of Circular 75/2022 on collecting the fee were not at hand to quote), with the exemptions
 *   of art. 4 as in version 2, which owe nothing and so skip the payment;
 * - deadline `working-days` 7: "within 7 working days of receiving a complete and valid file"
 *   (Law on Residence 2020 art. 22(3)); the crawl gives 7 working days at the counter and online alike
 *   (procedures/catalogue/catalogue.jsonl): the law and the crawl agree. Versions 1–2 counted 7 × 8
 *   working hours from reception.
 * Version 2 (commune committee; receive, review, pay, approve, deliver; the v1 count) and version 1
 * (without the exemptions) stay pinned by their dossiers (workflows/legacy-rules.ts, procedure_versions).
 */
export const permanentResidence = defineProcedure({
  code: '1.004222',
  version: 3,
  name: { vi: 'Đăng ký thường trú', en: 'Permanent residence registration' },
  field: { vi: 'Đăng ký, quản lý cư trú', en: 'Residence' },
  level: 'commune',
  decidedBy: 'commune-police',
  fee: { counter: 20000, online: 10000 },
  feeRule: {
    // Circular 75/2022/TT-BTC art. 4: the cases exempt from the residence registration fee.
    exemptions: { field: 'feeExemption', values: [...FEE_EXEMPTIONS] },
    source: 'Circular 75/2022/TT-BTC art. 4',
  },
  deadline: inWorkingDays(7),
  fullProcessOnline: true,
  portalIntegrated: true,
  form: z
    .object({
      newResidence: address,
      basis: choice({ 'nha-so-huu': 'Nhà thuộc sở hữu của mình', 'o-nho-nguoi-than': 'Về ở với người thân', 'thue-muon-o-nho': 'Thuê, mượn, ở nhờ', 'co-so-tro-giup-xa-hoi': 'Cơ sở trợ giúp xã hội' }),
      householdHeadName: personName.optional(),
      householdHeadIdNumber: applicantIdNumber.optional(),
      relationshipToHead: z.string().trim().min(2).max(50).optional(),
      previousResidence: address.optional(),
      membersMoving: z.number().int().min(0).max(20),
      feeExemption: choice(FEE_EXEMPTION_LABELS).optional(),
    })
    .refine((f) => f.basis === 'nha-so-huu' || (f.householdHeadName !== undefined && f.relationshipToHead !== undefined), {
      message: 'Nhập vào hộ của người khác cần ghi họ tên chủ hộ và quan hệ với chủ hộ',
      path: ['householdHeadName'],
    }),
  formLabels: {
    newResidence: { vi: 'Địa chỉ đề nghị đăng ký thường trú', en: 'Address to register as permanent residence' },
    basis: { vi: 'Trường hợp đăng ký', en: 'Basis for registration' },
    householdHeadName: { vi: 'Họ tên chủ hộ', en: "Household head's name" },
    householdHeadIdNumber: { vi: 'Số định danh cá nhân chủ hộ', en: "Household head's personal ID number" },
    relationshipToHead: { vi: 'Quan hệ với chủ hộ', en: 'Relationship to the household head' },
    previousResidence: { vi: 'Nơi thường trú trước đây', en: 'Previous permanent residence' },
    membersMoving: { vi: 'Số người cùng chuyển đến', en: 'Other people moving with the applicant' },
    feeExemption: { vi: 'Thuộc diện miễn lệ phí (Điều 4 Thông tư 75/2022/TT-BTC), nếu có', en: 'Exempt from the fee (Circular 75/2022/TT-BTC art. 4), if so' },
  },
  example: {
    newResidence: 'Số 25 đường Hoàng Liên, phường Lào Cai, tỉnh Lào Cai',
    basis: 'o-nho-nguoi-than',
    householdHeadName: 'Nguyễn Văn Hùng',
    householdHeadIdNumber: '010068002211',
    relationshipToHead: 'Con',
    previousResidence: 'Thôn Làng Giàng, xã Văn Bàn, tỉnh Lào Cai',
    membersMoving: 0,
  },
  requiredDocuments: [
    { vi: 'Tờ khai thay đổi thông tin cư trú (Mẫu CT01)', en: 'Residence change declaration (form CT01)' },
    {
      vi: 'Giấy tờ chứng minh chỗ ở hợp pháp (trừ khi đã có trong cơ sở dữ liệu)',
      en: 'Proof of a lawful place to live, unless a database already holds it',
    },
    {
      vi: 'Ý kiến đồng ý của chủ hộ, chủ sở hữu chỗ ở (khi nhập vào hộ người khác, ở nhờ, thuê, mượn)',
      en: "Consent of the household head or owner (when joining another household, or living there by loan or lease)",
    },
    {
      vi: 'Giấy tờ chứng minh quan hệ nhân thân (nếu không khai thác được từ căn cước điện tử)',
      en: 'Proof of kinship, if it cannot be read from the electronic ID',
    },
    {
      vi: 'Giấy tờ chứng minh thuộc diện miễn lệ phí (nếu khai miễn lệ phí và thông tin chưa có trong cơ sở dữ liệu)',
      en: 'Proof of the fee exemption claimed, unless a database already holds it',
    },
  ],
  stages: [receive(), pay(), review({ supplementLimitDays: 15 }), approve(), deliver()],
  keywords: ['thường trú', 'đăng ký thường trú', 'nhập hộ khẩu', 'chuyển hộ khẩu', 'hộ khẩu', 'nhập khẩu về nhà', 'đăng ký hộ khẩu', 'residence'],
  source: 'DVCQG page 1.004222 (third-party crawl chatbot-tthc/chatbot_tthc @7b79a320, bo-cong-an/1.004222.json)',
});
