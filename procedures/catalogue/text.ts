/** Text clean-up shared by the parsers: the crawl keeps NBSP, tabs, zero-width marks and decomposed accents. */
export function clean(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\u200b-\u200f\ufeff]/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** "2,500,000" / "2.500.000" / "15000000" → 2500000; anything else → null. */
export function parseVnd(digits: string): number | null {
  const s = digits.trim();
  if (!/^\d{1,3}([.,]\d{3})+$|^\d+$/.test(s)) return null;
  const n = Number(s.replace(/[.,]/g, ''));
  return Number.isSafeInteger(n) ? n : null;
}

const MAX_NAME = 160;

/**
 * A name as the page gives it, without what follows it: "- Tờ khai…;" → "Tờ khai…". List markers,
 * numbering and trailing separators are layout; many rows go on to explain (contents, cases,
 * exemptions), which is prose, so the name stops at its first sentence, colon or semicolon, and
 * at MAX_NAME characters on a word ("…").
 */
export function shortName(text: string): string {
  let name = clean(text).replace(/^(?:[-+*•–]+|\(?[0-9]{1,2}[.)]|\(?[a-zđ][.)]|\s)+/u, '');
  name = name.split(/:|;|\.\s+(?=[A-ZĐÀ-Ỹ])/u)[0]!.replace(/\s*\([^)]*$/, '').replace(/[,.\s]+$/, '');
  if (name.length > MAX_NAME) name = name.slice(0, name.lastIndexOf(' ', MAX_NAME)) + '…';
  return name;
}
