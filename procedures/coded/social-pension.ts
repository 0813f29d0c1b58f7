import { z } from 'zod';
import { approve, defineProcedure, deliver, inWorkingDays, receive, review } from '../../domain/procedure';
import { address, applicantIdNumber, bankAccountNumber, choice, isoDate, personName } from './form-fields';

/**
 * Thực hiện, điều chỉnh, thôi hưởng trợ cấp hưu trí xã hội — 1.014027 (Luật Bảo hiểm xã hội 2024;
 * NĐ 176/2025/NĐ-CP, request on its Mẫu số 01). Commune level: the Chairman of the commune People's
 * Committee decides and pays. For people aged 75+ without a pension (or with a lower one), and for
 * people aged 70–75 in poor or near-poor households.
 * Code: quoted from a DVCQG snapshot in third-party code (reference [fs:70176512176]) and shown as
 * "1.014027.H42" on a Ninh Bình commune's catalogue page (QĐ 333/QĐ-UBND of Ninh Bình); no DVCQG
 * page of our own crawl holds it (the national page sits on the Ministry of Health's portal).
 * Deadline 10 working days from receipt of the request: from that Ninh Bình page (step 2, citing
 * NĐ 176/2025); Lào Cai's own published figure is unconfirmed.
 * Fee: none — no fee is shown in the material read and this is a social benefit; treated as free
 * (assumption, unconfirmed).
 * Full-process online: the national page accepts online filing (third-party portal automation,
 * reference [fs:69617585809]); "toàn trình" status is unconfirmed.
 *
 * Version 2: the same 10 days counted as `working-days` (17:00 of the 10th working day after the day
 * of reception; issue #13), not 10 × 8 working hours from reception as version 1, which stays pinned
 * by its dossiers (workflows/legacy-rules.ts). Sources: the crawl holds no page for 1.014027
 * (procedures/catalogue/catalogue.jsonl); the figure is the Ninh Bình page's, citing NĐ 176/2025.
 * Decree 20/2021/NĐ-CP as amended by Decree 76/2024/NĐ-CP governs the monthly social allowance that
 * people aged 75+ without a pension received before the social pension; its time limits were not
 * checked here against the 10 days, so where it differs is not known.
 */
export const socialPension = defineProcedure({
  code: '1.014027',
  version: 2,
  name: {
    vi: 'Thực hiện, điều chỉnh, thôi hưởng trợ cấp hưu trí xã hội',
    en: 'Social pension: start, change or stop the allowance',
  },
  field: { vi: 'Bảo trợ xã hội', en: 'Social protection' },
  level: 'commune',
  fee: { counter: 0 },
  deadline: inWorkingDays(10),
  fullProcessOnline: true,
  portalIntegrated: true,
  form: z.object({
    request: choice({ 'huong-moi': 'Hưởng mới', 'nhan-tai-noi-cu-tru-moi': 'Nhận tại nơi cư trú mới', 'thay-doi-thong-tin': 'Thay đổi thông tin', 'thoi-huong': 'Thôi hưởng' }),
    beneficiaryName: personName,
    beneficiaryBirthDate: isoDate,
    beneficiaryIdNumber: applicantIdNumber,
    residence: address,
    householdStatus: choice({ 'binh-thuong': 'Không thuộc hộ nghèo, cận nghèo', 'ho-ngheo': 'Hộ nghèo', 'ho-can-ngheo': 'Hộ cận nghèo' }),
    receivesPension: z.boolean(),
    paymentMethod: choice({ 'tien-mat': 'Tiền mặt', 'tai-khoan': 'Chuyển khoản ngân hàng' }),
    bankAccount: bankAccountNumber.optional(),
    bankName: z.string().trim().min(2).max(100).optional(),
  }),
  formLabels: {
    request: { vi: 'Nội dung đề nghị', en: 'Request' },
    beneficiaryName: { vi: 'Họ, chữ đệm và tên người hưởng trợ cấp', en: "Beneficiary's full name" },
    beneficiaryBirthDate: { vi: 'Ngày, tháng, năm sinh', en: 'Date of birth' },
    beneficiaryIdNumber: { vi: 'Số định danh cá nhân người hưởng', en: "Beneficiary's personal ID number" },
    residence: { vi: 'Nơi cư trú', en: 'Place of residence' },
    householdStatus: { vi: 'Thuộc hộ nghèo, cận nghèo', en: 'Poor or near-poor household' },
    receivesPension: {
      vi: 'Đang hưởng lương hưu, trợ cấp bảo hiểm xã hội hằng tháng',
      en: 'Receives a pension or monthly social insurance allowance',
    },
    paymentMethod: { vi: 'Hình thức nhận trợ cấp', en: 'How the allowance is paid' },
    bankAccount: { vi: 'Số tài khoản', en: 'Bank account number' },
    bankName: { vi: 'Ngân hàng', en: 'Bank' },
  },
  example: {
    request: 'huong-moi',
    beneficiaryName: 'Lò Thị Xuân',
    beneficiaryBirthDate: '1950-02-11',
    beneficiaryIdNumber: '010150003344',
    residence: 'Bản Lướt, xã Mường Hum, tỉnh Lào Cai',
    householdStatus: 'binh-thuong',
    receivesPension: false,
    paymentMethod: 'tai-khoan',
    bankAccount: '8800205123456',
    bankName: 'Agribank chi nhánh Lào Cai',
  },
  requiredDocuments: [
    {
      vi: 'Văn bản đề nghị hưởng, nhận tại nơi cư trú mới, thay đổi thông tin hoặc thôi hưởng trợ cấp hưu trí xã hội (Mẫu số 01, NĐ 176/2025/NĐ-CP)',
      en: 'Request to start, move, change or stop the social pension (form 01, Decree 176/2025)',
    },
  ],
  stages: [receive(), review({ supplementLimitDays: 15 }), approve(), deliver()],
  keywords: [
    'hưu trí xã hội',
    'trợ cấp hưu trí xã hội',
    'trợ cấp người cao tuổi',
    'tiền người già',
    'trợ cấp tuổi già',
    'người già không có lương hưu',
    'thôi hưởng trợ cấp',
    'social pension',
  ],
  source:
    'Code: DVCQG snapshot quoted in third-party code (reference fs:70176512176); deadline: Ninh Bình commune catalogue page 1.014027.H42 (nghiahung.ninhbinh.gov.vn/en/thu-tuc-hanh-chinh/thuc-hien-dieu-chinh-thoi-huong-tro-cap-huu-tri-xa-hoi, QĐ 333/QĐ-UBND Ninh Bình); fee assumed free',
});
