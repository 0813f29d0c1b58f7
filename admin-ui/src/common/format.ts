/** Dates are shown in the province's time zone whatever the officer's machine says. */
const TZ = 'Asia/Ho_Chi_Minh';

const dateTimeParts = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * `dd/MM/yyyy HH:mm` in either language, as the paper forms print it: the locales' own short
 * styles disagree (vi-VN puts the time first and the year in two digits).
 */
export const formatDateTime = (iso: string | null | undefined, _locale = 'vi') => {
  if (!iso) return '';
  const p = Object.fromEntries(dateTimeParts.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
};

export const formatDate = (iso: string | null | undefined, locale = 'vi') =>
  iso ? new Date(iso).toLocaleDateString(locale === 'en' ? 'en-GB' : 'vi-VN', { timeZone: TZ }) : '';

/** Numbers with Vietnamese separators (1.234.567) in both languages: officers read them against Vietnamese papers. */
export const formatNumber = (n: number | null | undefined) => (n === null || n === undefined ? '' : n.toLocaleString('vi-VN'));

export const formatMoney = (n: number | null | undefined, _locale = 'vi') => (n === null || n === undefined ? '' : `${formatNumber(n)} đ`);

/** A localized {vi, en} pair in the current locale. */
export const pick = (v: { vi: string; en: string } | null | undefined, locale: string) => (v ? (locale === 'en' ? v.en || v.vi : v.vi) : '');
