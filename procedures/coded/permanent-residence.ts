import { z } from 'zod';
import { approve, defineProcedure, deliver, pay, receive, review } from '../../domain/procedure';
import { address, applicantIdNumber, choice, personName } from './form-fields';

/**
 * Đăng ký thường trú — 1.004222 (QĐ 1523/QĐ-BCA-C06; Luật Cư trú 2020 art. 20–22; form CT01 of
 * TT 53/2025/TT-BCA). Commune level: the commune police (Công an cấp xã) receive and decide.
 * Deadline 7 working days (page; reference [fs:69695295956] agrees).
 * Fee (national rate, TT 75/2022/TT-BTC as amended by TT 71/2025/TT-BTC, shown on the page):
 * 20,000 VND per registration at the counter, 10,000 VND online; exemptions under art. 4 of TT 75/2022
 * are not modelled.
 * Full-process online: filed on DVCQG / the Ministry of Public Security portal, result is an update of
 * the population and residence databases plus a notice.
 */
export const permanentResidence = defineProcedure({
  code: '1.004222',
  version: 1,
  name: { vi: 'Đăng ký thường trú', en: 'Permanent residence registration' },
  field: { vi: 'Đăng ký, quản lý cư trú', en: 'Residence' },
  level: 'commune',
  fee: { counter: 20000, online: 10000 },
  deadline: { workingDays: 7 },
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
  ],
  stages: [receive(), review({ supplementLimitDays: 15 }), pay(), approve(), deliver()],
  keywords: ['thường trú', 'đăng ký thường trú', 'nhập hộ khẩu', 'chuyển hộ khẩu', 'hộ khẩu', 'nhập khẩu về nhà', 'đăng ký hộ khẩu', 'residence'],
  source: 'DVCQG page 1.004222 (third-party crawl chatbot-tthc/chatbot_tthc @7b79a320, bo-cong-an/1.004222.json)',
});
