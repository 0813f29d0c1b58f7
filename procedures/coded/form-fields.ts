import { z } from 'zod';
import { idNumberSchema } from '../../domain/applicant';
import { OPTION_LABELS } from '../../domain/form-choices';
import { PERSONAL } from '../../domain/personal-data';

/** Field types shared by procedure forms, with Vietnamese messages citizens understand. */
export const personName = z
  .string()
  .trim()
  .min(2, 'Họ tên phải có ít nhất 2 ký tự')
  .max(100, 'Họ tên quá dài');

export const isoDate = z.iso.date({ message: 'Ngày không hợp lệ (định dạng YYYY-MM-DD)' });

// Fields tagged PERSONAL are masked for roles that only oversee (domain/personal-data.ts).

/** 12-digit personal identification number (CCCD / số định danh cá nhân); spaces and dots ignored. */
export const applicantIdNumber = idNumberSchema.meta(PERSONAL);

export const address = z.string().trim().min(5, 'Địa chỉ quá ngắn').max(300).meta(PERSONAL);

/** A Vietnamese phone number: 10 digits starting with 0. */
export const phoneNumber = z.string().regex(/^0\d{9}$/, 'Số điện thoại gồm 10 chữ số, bắt đầu bằng 0').meta(PERSONAL);

/** A bank account number. */
export const bankAccountNumber = z.string().trim().regex(/^\d{6,19}$/, 'Số tài khoản gồm 6–19 chữ số').meta(PERSONAL);

/** A whole number from 1 up, e.g. a count of pages, copies or floors. */
export const positiveInt = z
  .number({ message: 'Phải là một số' })
  .int('Phải là số nguyên')
  .min(1, 'Phải lớn hơn hoặc bằng 1');

/** An amount of Vietnamese đồng (whole đồng, not negative). */
export const vndAmount = z.number({ message: 'Phải là một số' }).int('Số tiền phải là số nguyên').min(0, 'Số tiền không được âm');

/** An area in square metres, e.g. of a land parcel or a floor. */
export const squareMetres = z
  .number({ message: 'Phải là một số' })
  .positive('Diện tích phải lớn hơn 0')
  .max(1_000_000, 'Diện tích quá lớn');

/** Land parcel identity as printed on cadastral maps: map sheet (tờ bản đồ) and parcel (thửa) numbers. */
export const mapSheetNumber = positiveInt;
export const parcelNumber = positiveInt;

/** Serial of an issued land-use-right certificate (two letters and 6–8 digits, e.g. "CS 123456"). */
export const landCertificateSerial = z
  .string()
  .trim()
  .regex(/^[A-Z]{2} ?\d{6,8}$/, 'Số phát hành Giấy chứng nhận gồm 2 chữ cái và 6–8 chữ số (ví dụ: CS 123456)');

/** Business lines by level-4 code of the Vietnamese industry classification (VSIC), with a free description. */
export const businessLines = z
  .array(
    z.object({
      vsicCode: z.string().regex(/^\d{4}$/, 'Mã ngành cấp 4 gồm 4 chữ số'),
      description: z.string().trim().min(2).max(300),
    }),
  )
  .min(1, 'Cần ít nhất một ngành, nghề kinh doanh');

/**
 * A choice field: its options' slugs with their Vietnamese display words, kept in the schema
 * itself (`optionLabels`, domain/form-choices.ts), so the form description the API sends carries
 * them and no screen keeps a label map of its own.
 */
export function choice<const T extends Record<string, string>>(labels: T) {
  const slugs = Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]];
  return z.enum(slugs).meta({ [OPTION_LABELS]: labels });
}
