/** Dates are shown in the province's time zone whatever the officer's machine says. */
const TZ = 'Asia/Ho_Chi_Minh';

export const formatDateTime = (iso: string | null | undefined, locale = 'vi') =>
  iso ? new Date(iso).toLocaleString(locale === 'en' ? 'en-GB' : 'vi-VN', { timeZone: TZ, dateStyle: 'short', timeStyle: 'short' }) : '';

export const formatDate = (iso: string | null | undefined, locale = 'vi') =>
  iso ? new Date(iso).toLocaleDateString(locale === 'en' ? 'en-GB' : 'vi-VN', { timeZone: TZ }) : '';

export const formatMoney = (n: number | null | undefined, locale = 'vi') =>
  n === null || n === undefined ? '' : `${n.toLocaleString(locale === 'en' ? 'en-GB' : 'vi-VN')} đ`;

/** A localized {vi, en} pair in the current locale. */
export const pick = (v: { vi: string; en: string } | null | undefined, locale: string) => (v ? (locale === 'en' ? v.en || v.vi : v.vi) : '');
