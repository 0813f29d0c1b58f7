/**
 * Strips Vietnamese diacritics, keeping case ("Đăng ký" → "Dang ky"): tone and vowel marks are
 * combining marks once decomposed, but đ/Đ are letters of their own and are mapped by hand.
 * The one place this is done: search keys, SMS (GSM 7-bit) and bank transfer content build on it.
 */
export function stripDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/** Folds Vietnamese to unaccented lower case ASCII ("Đăng ký" → "dang ky"), for search keys. */
export function foldVietnamese(s: string): string {
  return stripDiacritics(s)
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Spaces, dots and dashes an officer or a citizen types to group digits ("0912.345.678",
 * "010 203 004 567") are not part of the number: they are dropped before the format is checked,
 * so every client (back office, portal, kiosk) gets the same forgiving rule.
 */
export const stripSeparators = (v: string) => v.replace(/[\s.-]/g, '');
