import { z } from 'zod';
import { stripSeparators } from './text';

/** 12-digit personal identification number (CCCD / số định danh cá nhân). */
export const idNumberSchema = z
  .string()
  .transform(stripSeparators)
  .pipe(z.string().regex(/^\d{12}$/, 'Số định danh cá nhân gồm 12 chữ số'));

export const phoneSchema = z
  .string()
  .transform(stripSeparators)
  .pipe(z.string().regex(/^(0|\+84)\d{9,10}$/, 'Số điện thoại không hợp lệ'));

/** The person a dossier is for. ID number and phone are personal data: masked in logs. */
export const applicantSchema = z.object({
  fullName: z.string().trim().min(2, 'Họ tên phải có ít nhất 2 ký tự').max(100),
  idNumber: idNumberSchema,
  phone: phoneSchema,
  email: z.email('Email không hợp lệ').optional(),
  address: z.string().trim().max(300).optional(),
});
export type Applicant = z.infer<typeof applicantSchema>;
